package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.conformance.ConformanceRun;
import dtdma.conformance.DtcOracle;
import dtdma.conformance.OracleResult;
import dtdma.conformance.OracleUnavailableException;
import dtdma.testing.Kernel;
import dtdma.text.SourceFile;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The DMA model on every i.MX board of the Debian 6.1 kernel tree:
 * <ul>
 * <li>every {@code dmas} of every node splits into specifiers without a problem and every phandle resolves;</li>
 * <li>no error-level finding at all (DMA, SDMA or front end), unless {@code docs/findings.md} lists it as a real defect;</li>
 * <li>every {@code dmas_property} warning dtc prints for the board is also a dtdma finding on that node.</li>
 * </ul>
 * Prints {@code dma: N passed, N failed} and the first failures.
 */
class ImxDmaCorpusTest {
    private static final Pattern DTC_DMAS = Pattern.compile("Warning \\(dmas_property\\): (/[^:]*):");
    /** Entries of docs/findings.md: {@code - `board-relative-path` CODE `node path`: explanation}. */
    private static final Pattern KNOWN = Pattern.compile("^- `([^`]+)` (\\w+) `([^`]+)`", Pattern.MULTILINE);

    @Test
    void everyImxBoardResolvesItsDmaBindings() throws Exception {
        Path kernel = Kernel.tree();
        DtcOracle oracle;
        try {
            oracle = DtcOracle.create(kernel);
        } catch (OracleUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        List<Path> boards = new ArrayList<>(ConformanceRun.enumerate(kernel, "arch/arm/boot/dts/imx*.dts"));
        boards.addAll(ConformanceRun.enumerate(kernel, "arch/arm64/boot/dts/freescale/*.dts"));
        assertFalse(boards.isEmpty());
        Set<String> known = new HashSet<>();
        Matcher km = KNOWN.matcher(Files.readString(Kernel.repo().resolve("docs/findings.md")));
        while (km.find()) {
            known.add(km.group(1) + " " + km.group(2) + " " + km.group(3));
        }

        Boards shared = new Boards(ConformanceRun.includeDirs(kernel), false);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int specifiers = 0;
        for (Path board : boards) {
            String rel = kernel.relativize(board).toString();
            List<String> problems = new ArrayList<>();
            BoardResult r = shared.load(board);
            DmaModel dma = DmaModel.of(r.tree());
            for (DmaConsumer c : dma.consumers()) {
                specifiers += c.specifiers().size();
                for (DmaConsumer.Problem p : c.problems()) {
                    problems.add(c.node().path() + ": dmas does not resolve: " + p.message());
                }
            }
            for (Diagnostic d : r.diagnostics()) {
                String id = d.code().id();
                if (d.severity() == Severity.ERROR) {
                    String node = nodeAt(r, d);
                    if (!known.contains(rel + " " + id + " " + node)) {
                        problems.add(id + " at " + where(d, shared) + " (" + node + "): " + d.message());
                    }
                }
            }
            OracleResult o = oracle.compile(board);
            Matcher m = DTC_DMAS.matcher(o.stderr());
            while (m.find()) {
                String path = m.group(1);
                boolean reported = dma.consumers().stream()
                        .anyMatch(c -> c.node().path().equals(path) && !c.problems().isEmpty());
                if (!reported) {
                    problems.add("dtc warns dmas_property on " + path + " but dtdma reports nothing there");
                }
            }
            if (problems.isEmpty()) {
                passed++;
            } else {
                failures.add(rel + ": " + String.join("; ", problems));
            }
        }
        System.out.println("i.MX boards: " + boards.size() + ", DMA specifiers resolved: " + specifiers);
        System.out.println("dma: " + passed + " passed, " + failures.size() + " failed");
        failures.stream().limit(30).forEach(f -> System.out.println("FAIL " + f));
        assertEquals(List.of(), failures);
    }

    /** The path of the deepest node whose definition contains the diagnostic, for matching docs/findings.md. */
    private static String nodeAt(BoardResult r, Diagnostic d) {
        String[] best = {"/"};
        int[] bestLen = {Integer.MAX_VALUE};
        visit(r.tree().root(), d, best, bestLen);
        return best[0];
    }

    private static void visit(dtdma.tree.Node n, Diagnostic d, String[] best, int[] bestLen) {
        for (dtdma.tree.History h : n.history()) {
            var s = h.span();
            if (s != null && s.fileId() == d.span().fileId() && s.start() <= d.span().start()
                    && d.span().end() <= s.end() && s.length() < bestLen[0]) {
                best[0] = n.path();
                bestLen[0] = s.length();
            }
        }
        for (dtdma.tree.Node c : n.children()) {
            visit(c, d, best, bestLen);
        }
    }

    private static String where(Diagnostic d, Boards boards) {
        SourceFile f = boards.sources().get(d.span().fileId());
        return f.path().getFileName() + ":" + f.lines().location(d.span().start()).line1();
    }
}
