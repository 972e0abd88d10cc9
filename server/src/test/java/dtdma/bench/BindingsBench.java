package dtdma.bench;

import dtdma.bindings.BindingSet;
import dtdma.bindings.BindingSources;
import dtdma.bindings.BindingValidator;
import dtdma.conformance.DtcOracle;
import dtdma.conformance.OracleResult;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Binding validation, dtdma against dt-schema, side by side in one run on the same boards:
 * (a) {@code dt-mk-schema -j BINDINGS} then {@code dt-validate -s processed.json board.dtb} per board (the blob
 * compiled beforehand by cpp + dtc, not timed); (b) dtdma's schema load (uncached, then from its cache) and
 * {@link BindingValidator#validate} of each board's merged tree (parsing not timed). Wall-clock, one board at a
 * time; the ratio is dtdma / dt-schema.
 *
 * <pre>java -cp server/target/dtdma.jar dtdma.bench.BindingsBench --kernel DIR [--boards a.dts,b.dts] [--runs N]</pre>
 */
public final class BindingsBench {
    static final List<String> DEFAULT_BOARDS = List.of("arch/arm64/boot/dts/freescale/imx8mp-evk.dts",
            "arch/arm64/boot/dts/freescale/imx8mm-evk.dts", "arch/arm64/boot/dts/freescale/imx93-11x11-evk.dts",
            "arch/arm/boot/dts/imx6q-sabresd.dts", "arch/arm/boot/dts/imx7d-sdb.dts");

    private BindingsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        List<String> boards = DEFAULT_BOARDS;
        int runs = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--boards" -> boards = Arrays.asList(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: BindingsBench --kernel DIR [--boards a.dts,b.dts] [--runs N]");
                    System.exit(2);
                }
            }
        }
        if (kernel == null || !Files.isDirectory(kernel.resolve("Documentation/devicetree/bindings"))) {
            System.err.println("BindingsBench: --kernel DIR (a kernel tree with Documentation/devicetree/bindings) is required");
            System.exit(2);
        }
        Path bindings = kernel.resolve("Documentation/devicetree/bindings");
        Path dtSchema = BindingSources.dtSchemaDir(null).orElseThrow(() -> new IllegalStateException(
                "dt-schema is not installed (Debian package dt-schema)"));
        Path work = Files.createTempDirectory("dtdma-bindings-bench");
        DtcOracle dtc = new DtcOracle(kernel, null, "cpp", "dtc", java.time.Duration.ofSeconds(120));

        // (a) dt-schema
        Path processed = work.resolve("processed-schema.json");
        long t0 = System.nanoTime();
        run(List.of("dt-mk-schema", "-j", bindings.toString()), processed);
        double mkSchema = (System.nanoTime() - t0) / 1e9;
        List<Path> blobs = new ArrayList<>();
        for (String b : boards) {
            OracleResult r = dtc.compile(kernel.resolve(b));
            if (!r.ok()) {
                throw new IllegalStateException(b + ": dtc failed: " + r.stderr());
            }
            Path blob = work.resolve(Path.of(b).getFileName() + ".dtb");
            Files.write(blob, r.dtb());
            blobs.add(blob);
        }
        double validate = 0;
        for (Path blob : blobs) {
            long v0 = System.nanoTime();
            run(List.of("dt-validate", "-s", processed.toString(), blob.toString()), null);
            validate += (System.nanoTime() - v0) / 1e9;
        }

        // (b) dtdma
        Path cache = work.resolve("cache");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        t0 = System.nanoTime();
        BindingSet.load(bindings, dtSchema, cache, null);
        double loadCold = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        BindingSet set = BindingSet.load(bindings, dtSchema, cache, null);
        double loadCached = (System.nanoTime() - t0) / 1e9;
        Boards loader = new Boards(List.of(), true);
        List<BoardResult> trees = new ArrayList<>();
        for (String b : boards) {
            trees.add(loader.load(kernel.resolve(b)));
        }
        double first = 0;
        for (BoardResult r : trees) {
            long v0 = System.nanoTime();
            BindingValidator.validate(r.tree(), set, () -> false);
            first += (System.nanoTime() - v0) / 1e9;
        }
        double[] perBoard = new double[trees.size()];
        long cpu0 = mx.getCurrentThreadCpuTime();
        for (int k = 0; k < runs; k++) {
            for (int i = 0; i < trees.size(); i++) {
                long v0 = System.nanoTime();
                BindingValidator.validate(trees.get(i).tree(), set, () -> false);
                perBoard[i] += (System.nanoTime() - v0) / 1e9 / runs;
            }
        }
        double cpuPerPass = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9 / runs;
        double warm = Arrays.stream(perBoard).sum();
        double[] evk = new double[runs];
        BoardResult evkTree = trees.get(0);
        for (int k = 0; k < runs; k++) {
            long v0 = System.nanoTime();
            BindingValidator.validate(evkTree.tree(), set, () -> false);
            evk[k] = (System.nanoTime() - v0) / 1e6;
        }
        Arrays.sort(evk);

        System.out.printf("boards: %d (%s ...)%n", boards.size(), boards.get(0));
        System.out.printf("dt-schema: dt-mk-schema %.1f s, dt-validate %.1f s total (%.1f s per board); sum %.1f s%n",
                mkSchema, validate, validate / boards.size(), mkSchema + validate);
        System.out.printf("dtdma: schema load %.1f s uncached, %.2f s cached; validation first pass %.2f s, warm %.3f s"
                + " per pass (%.3f s CPU), %.1f ms per board%n", loadCold, loadCached, first, warm, cpuPerPass,
                warm * 1000 / boards.size());
        System.out.printf("%s: median %.1f ms, min %.1f ms over %d runs%n", boards.get(0), evk[runs / 2], evk[0], runs);
        System.out.printf("ratio, cold start (uncached load + first pass) / (dt-mk-schema + dt-validate): %.4f%n",
                (loadCold + first) / (mkSchema + validate));
        System.out.printf("ratio, cached start (cached load + first pass): %.4f%n", (loadCached + first) / (mkSchema + validate));
        System.out.printf("ratio, per-board validation warm / dt-validate: %.4f%n", warm / validate);
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(List<String> cmd, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(cmd + " timed out");
        }
    }
}
