package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dtdma.workspace.Boards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * dtdma against dtc on every arm and arm64 board of the kernel tree (see {@link ConformanceRun} for the policy).
 *
 * <p>System properties: {@code dtdma.conformance.glob} (a glob on the kernel-relative path, e.g.
 * {@code arch/arm64/boot/dts/freescale/*.dts}), {@code dtdma.conformance.threads} (default 2),
 * {@code dtdma.conformance.oracleOnly=true} (check only that dtc compiles each board and its blob reads back),
 * {@code dtdma.kernel} (the tree; default where scripts/setup-corpus.sh unpacks it).
 * Prints {@code N passed, N failed} on a line of its own, then up to 50 {@code FAIL path: difference} lines;
 * writes every verdict to {@code target/conformance-report.txt}.
 */
class KernelConformanceTest {
    @Test
    void everyBoardMatchesDtc() throws Exception {
        Path kernel = KernelCorpus.path();
        Assumptions.assumeTrue(kernel != null, KernelCorpus.SKIP_MESSAGE);
        String glob = System.getProperty("dtdma.conformance.glob", "");
        int threads = Integer.getInteger("dtdma.conformance.threads", 2);
        boolean oracleOnly = Boolean.getBoolean("dtdma.conformance.oracleOnly");
        List<Path> boards = ConformanceRun.enumerate(kernel, glob);
        assertFalse(boards.isEmpty(), "no .dts matched " + (glob.isEmpty() ? "" : "glob " + glob + " ") + "under " + kernel);

        // one instance for the whole run, as the CLI uses it: caches are shared between boards
        Boards shared = new Boards(ConformanceRun.includeDirs(kernel), false);
        ConformanceRun.Loader loader = oracleOnly ? null : (board, inc) -> shared.load(board);
        if (loader != null) {
            try {
                Boards.load(boards.get(0), ConformanceRun.includeDirs(kernel));
            } catch (UnsupportedOperationException e) {
                Assumptions.abort("dtdma not available (" + e.getMessage() + "); "
                        + "run with -Ddtdma.conformance.oracleOnly=true to exercise only the oracle");
            }
        }
        DtcOracle oracle;
        try {
            oracle = DtcOracle.create(kernel);
        } catch (OracleUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return;
        }

        ConformanceRun.Summary s = ConformanceRun.run(kernel, boards, oracle, loader, threads);

        List<String> header = new ArrayList<>();
        header.add("dtdma conformance against " + oracle.dtcVersion() + (oracleOnly ? " (oracle only)" : ""));
        header.add("kernel: " + kernel);
        header.add("boards: " + boards.size() + (glob.isEmpty() ? "" : " matching " + glob) + ", threads: " + threads);
        header.add(String.format("wall %.1f s; oracle %.1f s summed over boards (%d cache hits); dtdma %.1f s summed",
                s.wallNanos() / 1e9, s.oracleSeconds(), s.oracleCacheHits(), s.dtdmaSeconds()));
        Path report = Path.of("target", "conformance-report.txt");
        ConformanceRun.writeReport(report, header, s);

        header.forEach(System.out::println);
        System.out.println(s.countLine());
        List<ConformanceRun.BoardOutcome> fails = s.failures();
        for (int i = 0; i < Math.min(50, fails.size()); i++) {
            System.out.println("FAIL " + fails.get(i).board() + ": " + fails.get(i).reason());
        }
        if (fails.size() > 50) {
            System.out.println("... " + (fails.size() - 50) + " more failures in " + report.toAbsolutePath());
        }
        assertEquals(0, s.failed(), s.countLine() + "; see " + report.toAbsolutePath());
    }
}
