package dtdma.bench;

import dtdma.workspace.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The scaling benchmark: for each input shape the robustness review found quadratic (one long line, many
 * properties in one node, many labels, a long {@code dmas}), times the whole pipeline on sizes n, 2n and 4n and
 * prints the ratio t(4n) / t(n): about 4 for a linear algorithm, 16 for a quadratic one. Sizes stay inside the
 * budgets. Usage: {@code java -cp dtdma.jar dtdma.bench.ScalingBench [--n N-multiplier]}; see docs/benchmarks.md.
 */
public final class ScalingBench {
    private ScalingBench() {
    }

    record Shape(String name, int n, IntFunction<String> text) {
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("properties on one line", 25_000, n -> {
                StringBuilder sb = new StringBuilder("/dts-v1/;\n/ { ");
                for (int i = 0; i < n; i++) {
                    sb.append("p").append(i).append(" = <").append(i).append(">; ");
                }
                return sb.append("};\n").toString();
            }),
            new Shape("properties in one node", 25_000, n -> {
                StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n\tnode {\n");
                for (int i = 0; i < n; i++) {
                    sb.append("\t\tprop-").append(i).append(" = <").append(i).append(" 0x10>;\n");
                }
                return sb.append("\t};\n};\n").toString();
            }),
            new Shape("labels (200 per node)", 100, n -> {
                StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n");
                for (int k = 0; k < n; k++) {
                    for (int i = 0; i < 200; i++) {
                        sb.append('l').append(k).append('_').append(i).append(": ");
                    }
                    sb.append("n").append(k).append(" { };\n");
                }
                return sb.append("};\n").toString();
            }),
            new Shape("dmas specifiers", 7_500, n -> {
                StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n\tdma: dma-controller { #dma-cells = <1>; };\n\tdev {\n\t\tdmas = <");
                for (int i = 0; i < n; i++) {
                    sb.append(" &dma ").append(i % 10);
                }
                sb.append(">;\n\t\tdma-names = ");
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ", ").append("\"c").append(i).append('"');
                }
                return sb.append(";\n\t};\n};\n").toString();
            }));

    public static void main(String[] args) throws Exception {
        double mult = args.length == 2 && args[0].equals("--n") ? Double.parseDouble(args[1]) : 1;
        Path dir = Files.createTempDirectory("dtdma-scaling");
        System.out.printf("%-26s %10s %10s %10s %10s   %s%n", "shape", "n", "t(n) ms", "t(2n) ms", "t(4n) ms", "t(4n)/t(n)");
        for (Shape s : SHAPES) {
            int n = (int) Math.max(1, s.n() * mult);
            double[] t = new double[3];
            for (int k = 0; k < 3; k++) {
                Path f = dir.resolve("s" + k + ".dts");
                Files.writeString(f, s.text().apply(n << k));
                t[k] = best(f);
                Files.delete(f);
            }
            System.out.printf("%-26s %10d %10.0f %10.0f %10.0f   %.1f%n", s.name(), n, t[0], t[1], t[2], t[2] / t[0]);
        }
        Files.delete(dir);
    }

    /** The best of three runs, each on a fresh {@link Boards} (no cache), after one warm-up run. */
    private static double best(Path f) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            new Boards(List.of(), false).load(f);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i > 0) {
                best = Math.min(best, ms);
            }
        }
        return best;
    }
}
