package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.dtc.DtcWarnings;
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
 *
 * <p>In the same pass, dtc runs with every check on ({@code -W<check>} for each) and dtdma with dtc warning level
 * {@code all}: dtc's warnings and dtdma's DC findings, each reduced to (check, node path, property), must be the
 * same set on every board. Prints {@code N boards same, N differ}, then per check {@code agreed / missing / extra}
 * and up to 50 {@code DIFFER board: missing|extra check /path[:prop]} lines; writes all to
 * {@code target/dtc-warnings-report.txt}.
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
        // every dtc check on in both tools, for the differential of dtc's warnings in the same pass
        Boards shared = new Boards(ConformanceRun.includeDirs(kernel), false, null, DtcWarnings.ALL);
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
            oracle = DtcOracle.create(kernel).withDtcArgs(DtcWarningsDiff.allWarningArgs());
        } catch (OracleUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return;
        }

        DtcWarningsDiff.Tally tally = new DtcWarningsDiff.Tally();
        List<String> warningDiffs = java.util.Collections.synchronizedList(new ArrayList<>());
        ConformanceRun.Observer observer = (board, dtc, mine) -> {
            if (dtc.ok() && mine != null) {
                for (String d : tally.add(DtcWarningsDiff.parseDtc(dtc.stderr()), DtcWarningsDiff.mine(mine.diagnostics()))) {
                    warningDiffs.add(board + ": " + d);
                }
            }
        };
        ConformanceRun.Summary s = ConformanceRun.run(kernel, boards, oracle, loader, threads, oracleOnly ? null : observer);

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
        if (oracleOnly) {
            assertEquals(0, s.failed(), s.countLine() + "; see " + report.toAbsolutePath());
            return;
        }

        // dtc's warnings (every check on) against dtdma's DC findings, as (check, node path, property)
        System.out.println("dtc warnings, every check on: " + tally.countLine());
        tally.perCheckLines().forEach(l -> System.out.println("  " + l));
        List<String> diffs = new ArrayList<>(warningDiffs);
        java.util.Collections.sort(diffs);
        for (int i = 0; i < Math.min(50, diffs.size()); i++) {
            System.out.println("DIFFER " + diffs.get(i));
        }
        List<String> lines = new ArrayList<>();
        lines.add(tally.countLine());
        lines.addAll(tally.perCheckLines());
        lines.addAll(diffs);
        java.nio.file.Files.createDirectories(report.toAbsolutePath().getParent());
        java.nio.file.Files.write(Path.of("target", "dtc-warnings-report.txt"), lines);
        org.junit.jupiter.api.Assertions.assertAll(
                () -> assertEquals(0, s.failed(), s.countLine() + "; see " + report.toAbsolutePath()),
                () -> assertEquals(0, tally.differ(), tally.countLine() + "; see target/dtc-warnings-report.txt"),
                () -> assertTrue(tally.same() > 0, "no board compared"));
    }
}
