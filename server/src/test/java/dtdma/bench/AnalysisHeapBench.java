package dtdma.bench;

import dtdma.bindings.BindingSet;
import dtdma.bindings.BindingSources;
import dtdma.text.Cancel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The heap an analysis retains, measured on real boards, against the workspace's estimate
 * ({@link Workspace#estimatedBytes}): for each board, the heap after GC with its analysis cached minus the heap
 * after GC with the cache cleared (what the shared preprocessor and parse caches hold stays in both), then all
 * boards cached at once against the sum of their estimates.
 *
 * <pre>java -Xss8m -cp server/target/test-classes:server/target/dtdma.jar dtdma.bench.AnalysisHeapBench --kernel DIR
 *     [--dir arch/arm64/boot/dts/freescale] [--boards N] [--match TEXT] [--bindings-cache DIR]</pre>
 */
public final class AnalysisHeapBench {
    private AnalysisHeapBench() {
    }

    private static final MemoryMXBean MEM = ManagementFactory.getMemoryMXBean();

    private static long heapAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            best = Math.min(best, MEM.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        String dir = "arch/arm64/boot/dts/freescale";
        int max = 40;
        Path bindingsCache = null;
        String match = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--dir" -> dir = args[++i];
                case "--boards" -> max = Integer.parseInt(args[++i]);
                case "--bindings-cache" -> bindingsCache = Path.of(args[++i]);
                case "--match" -> match = args[++i];
                default -> {
                    System.err.println("usage: AnalysisHeapBench --kernel DIR [--dir D] [--boards N] [--match TEXT] [--bindings-cache DIR]");
                    System.exit(2);
                }
            }
        }
        List<Path> boards;
        try (Stream<Path> s = Files.list(kernel.resolve(dir))) {
            String m = match;
            boards = s.filter(p -> p.toString().endsWith(".dts") && p.getFileName().toString().contains(m)).sorted()
                    .limit(max).toList();
        }
        Workspace ws = new Workspace(Settings.DEFAULT, true, 100_000, Long.MAX_VALUE);
        BindingSet set = null;
        if (bindingsCache != null) {
            set = BindingSet.load(kernel.resolve("Documentation/devicetree/bindings"),
                    BindingSources.dtSchemaDir(null).orElseThrow(), bindingsCache, null);
            ws.setBindings(set);
        }
        // warm up the shared caches (includes, macro tables) so that they are in both measurements
        for (Path b : boards) {
            ws.analysis(b, Cancel.NONE);
        }
        ws.setBindings(set); // clears the analysis cache
        System.out.printf(Locale.ROOT, "%-40s %8s %8s %10s %10s %10s %7s%n", "board", "nodes", "props", "measured", "estimate",
                "est/meas", "B/n+p");
        List<double[]> rows = new ArrayList<>();
        long sumEst = 0;
        for (Path b : boards) {
            long h0 = heapAfterGc();
            Analysis a = ws.analysis(b, Cancel.NONE);
            long est = Workspace.estimatedBytes(a);
            long[] np = nodesAndProps(a);
            a = null;
            long h1 = heapAfterGc();
            ws.setBindings(set); // clear
            long measured = h1 - h0;
            sumEst += est;
            rows.add(new double[] {measured, est, np[0] + np[1]});
            System.out.printf(Locale.ROOT, "%-40s %8d %8d %10d %10d %10.2f %7.0f%n", b.getFileName(), np[0], np[1], measured,
                    est, est / (double) measured, measured / (double) (np[0] + np[1]));
        }
        long h0 = heapAfterGc();
        for (Path b : boards) {
            ws.analysis(b, Cancel.NONE);
        }
        long all = heapAfterGc() - h0;
        double[] ratios = rows.stream().mapToDouble(r -> r[1] / r[0]).sorted().toArray();
        double bytesPerNp = rows.stream().mapToDouble(r -> r[0]).sum() / rows.stream().mapToDouble(r -> r[2]).sum();
        System.out.printf(Locale.ROOT, "%d boards: measured per board sum %.1f MB; all cached at once %.1f MB; estimates sum %.1f MB"
                + " (%.2f of all at once); estimate/measured per board: median %.2f, min %.2f, max %.2f;"
                + " measured bytes per node-or-property %.0f%n", rows.size(),
                rows.stream().mapToDouble(r -> r[0]).sum() / 1e6, all / 1e6, sumEst / 1e6, sumEst / (double) all,
                ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1], bytesPerNp);
    }

    private static long[] nodesAndProps(Analysis a) {
        long[] n = {0, 0};
        java.util.ArrayDeque<dtdma.tree.Node> todo = new java.util.ArrayDeque<>();
        todo.add(a.tree().root());
        while (!todo.isEmpty()) {
            dtdma.tree.Node x = todo.pop();
            n[0]++;
            n[1] += x.properties().size();
            todo.addAll(x.children());
        }
        return n;
    }
}
