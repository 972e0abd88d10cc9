package dtdma.bench;

import dtdma.text.Cancel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Document;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scaling with the size of a board: generated boards of 1k to 64k lines (nodes with labels, {@code reg},
 * {@code clocks}, {@code dmas}/{@code dma-names}, references between them), each timed for a full check in a fresh
 * workspace and for a single edit (one character changed in an open document, then the analysis of the new text),
 * best of three. Prints the times and the exponent k of the least-squares fit t = c * lines^k on a log-log scale
 * (1 is linear; the target is k ≤ 1.1).
 *
 * <pre>java -cp server/target/dtdma.jar:server/target/test-classes dtdma.bench.LinesScalingBench [--max 65536]</pre>
 */
public final class LinesScalingBench {
    private LinesScalingBench() {
    }

    public static void main(String[] args) throws Exception {
        int max = 65536;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max")) {
                max = Integer.parseInt(args[++i]);
            }
        }
        Path dir = Files.createTempDirectory("dtdma-scaling");
        List<double[]> full = new ArrayList<>();
        List<double[]> edit = new ArrayList<>();
        run(dir, 1024, 3); // warm-up: the JIT compiles the pipeline first
        System.out.printf(Locale.ROOT, "%8s %12s %12s%n", "lines", "check ms", "edit ms");
        for (int lines = 1024; lines <= max; lines *= 2) {
            double[] t = run(dir, lines, 3);
            full.add(new double[] {lines, t[0]});
            edit.add(new double[] {lines, t[1]});
            System.out.printf(Locale.ROOT, "%8d %12.1f %12.1f%n", lines, t[0], t[1]);
        }
        System.out.printf(Locale.ROOT, "fit t = c * lines^k: full check k = %.2f, single edit k = %.2f  target k <= 1.1: %s%n",
                slope(full), slope(edit), slope(full) <= 1.1 && slope(edit) <= 1.1 ? "met" : "MISSED");
    }

    /** Best of {@code reps} for {full check, single edit} in ms. */
    private static double[] run(Path dir, int lines, int reps) throws Exception {
        Path board = dir.resolve("gen-" + lines + ".dts");
        String text = board(lines);
        Files.writeString(board, text);
        double bestFull = Double.MAX_VALUE;
        double bestEdit = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            Workspace ws = new Workspace(Settings.DEFAULT, false);
            long t0 = System.nanoTime();
            Analysis a = ws.analysis(board, Cancel.NONE);
            bestFull = Math.min(bestFull, (System.nanoTime() - t0) / 1e6);
            if (a.tree().root().children().isEmpty()) {
                throw new IllegalStateException("the generated board did not parse");
            }
            ws.open(board, 1, text);
            ws.analysis(board, Cancel.NONE);
            int at = text.indexOf("status = \"okay\"") + "status = \"".length();
            long t1 = System.nanoTime();
            ws.change(board, 2, List.of(new Document.Change(new Document.Range(line(text, at), col(text, at),
                    line(text, at), col(text, at) + 4), "disa")));
            ws.analysis(board, Cancel.NONE);
            bestEdit = Math.min(bestEdit, (System.nanoTime() - t1) / 1e6);
        }
        return new double[] {bestFull, bestEdit};
    }

    private static int line(String text, int offset) {
        int n = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int col(String text, int offset) {
        return offset - (text.lastIndexOf('\n', offset - 1) + 1);
    }

    /** A board of about {@code lines} lines: a DMA controller, a clock controller and many devices using them. */
    static String board(int lines) {
        StringBuilder b = new StringBuilder("/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\tmodel = \"generated\";\n\tcompatible = \"gen,board\";\n\n"
                + "\tclk: clock-controller@1000 {\n\t\tcompatible = \"gen,clk\";\n\t\treg = <0x1000 0x100>;\n"
                + "\t\t#clock-cells = <1>;\n\t};\n\n"
                + "\tdma: dma-controller@2000 {\n\t\tcompatible = \"gen,dma\";\n\t\treg = <0x2000 0x100>;\n"
                + "\t\t#dma-cells = <1>;\n\t};\n\n\tsoc {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <1>;\n"
                + "\t\tranges;\n\t\tcompatible = \"simple-bus\";\n\n");
        int n = 0;
        int count = countLines(b);
        while (count < lines - 12) {
            count += 9;
            long addr = 0x100000L + n * 0x1000L;
            b.append(String.format(Locale.ROOT, "\t\tdev%d: device@%x {%n", n, addr))
                    .append("\t\t\tcompatible = \"gen,device\";\n")
                    .append(String.format(Locale.ROOT, "\t\t\treg = <0x%x 0x1000>;%n", addr))
                    .append(String.format(Locale.ROOT, "\t\t\tclocks = <&clk %d>;%n", n % 64))
                    .append(String.format(Locale.ROOT, "\t\t\tdmas = <&dma %d>, <&dma %d>;%n", 2 * (n % 32), 2 * (n % 32) + 1))
                    .append("\t\t\tdma-names = \"rx\", \"tx\";\n")
                    .append("\t\t\tstatus = \"okay\";\n\t\t};\n\n");
            n++;
        }
        b.append("\t};\n};\n");
        count += 2;
        for (int i = 0; i < n && count < lines; i += 4) {
            b.append(String.format(Locale.ROOT, "&dev%d {%n\tlabel = \"d%d\";%n};%n", i, i));
            count += 3;
        }
        return b.toString();
    }

    private static int countLines(StringBuilder b) {
        int n = 0;
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The least-squares slope of log t over log lines. */
    static double slope(List<double[]> pts) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            double x = Math.log(p[0]);
            double y = Math.log(Math.max(p[1], 1e-3));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        int n = pts.size();
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
