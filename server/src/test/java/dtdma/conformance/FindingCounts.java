package dtdma.conformance;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts dtdma's findings per code and severity over the boards of a kernel tree, to compare the checker's
 * output before and after a change:
 *
 * <pre>java -cp server/target/dtdma.jar:server/target/test-classes dtdma.conformance.FindingCounts --kernel DIR [--glob GLOB] [--prefix P]</pre>
 *
 * Without {@code --glob} every arm and arm64 board is counted. Only codes starting with one of the prefixes are counted
 * (default {@code DT,SD,DL}: the DMA findings). Prints one line per code, {@code CODE error N warning N info N
 * hint N}, then the totals per severity and the number of error-level findings on i.MX boards.
 */
public final class FindingCounts {
    private FindingCounts() {
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        String glob = null;
        String[] prefixes = {"DT0", "SD0", "DL0"};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--glob" -> glob = args[++i];
                case "--prefix" -> prefixes = args[++i].split(",");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (kernel == null) {
            System.err.println("usage: FindingCounts --kernel DIR [--glob GLOB] [--prefix DT0,SD0,DL0]");
            System.exit(2);
        }
        report(kernel, glob, prefixes, System.out);
    }

    /** Counts the findings of the boards matching {@code glob} (null: all) and prints the table to {@code out}. */
    public static void report(Path kernel, String glob, String[] prefixes, java.io.PrintStream out)
            throws java.io.IOException {
        List<Path> boards = ConformanceRun.enumerate(kernel, glob);
        Boards shared = new Boards(ConformanceRun.includeDirs(kernel), false);
        Map<String, int[]> counts = new TreeMap<>();
        int[] total = new int[Severity.values().length];
        int imxErrors = 0;
        List<String> imxErrorLines = new ArrayList<>();
        for (Path board : boards) {
            String rel = kernel.relativize(board).toString();
            boolean imx = rel.startsWith("arch/arm/boot/dts/imx") || rel.startsWith("arch/arm64/boot/dts/freescale/");
            BoardResult r = shared.load(board);
            for (Diagnostic d : r.diagnostics()) {
                String id = d.code().id();
                boolean counted = false;
                for (String p : prefixes) {
                    counted |= id.startsWith(p);
                }
                if (!counted) {
                    continue;
                }
                counts.computeIfAbsent(id, k -> new int[Severity.values().length])[d.severity().ordinal()]++;
                total[d.severity().ordinal()]++;
                if (imx && d.severity() == Severity.ERROR) {
                    imxErrors++;
                    imxErrorLines.add(rel + " " + id + ": " + d.message());
                }
            }
        }
        out.println("boards: " + boards.size());
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            out.println(line(e.getKey(), e.getValue()));
        }
        out.println(line("total", total));
        out.println("i.MX error-level findings: " + imxErrors);
        imxErrorLines.stream().limit(50).forEach(l -> out.println("  " + l));
    }

    private static String line(String head, int[] c) {
        StringBuilder sb = new StringBuilder(String.format("%-7s", head));
        for (Severity s : Severity.values()) {
            sb.append(String.format(" %s %d", s.label(), c[s.ordinal()]));
        }
        return sb.toString();
    }
}
