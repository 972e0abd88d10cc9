package dtdma.bench;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.conformance.ConformanceRun;
import dtdma.conformance.DtcOracle;
import dtdma.conformance.OracleResult;
import dtdma.conformance.OracleUnavailableException;
import dtdma.dtc.DtcWarnings;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Side-by-side timing of the reference toolchain and dtdma on the i.MX boards
 * ({@code arch/arm/boot/dts/imx*.dts}, {@code arch/arm64/boot/dts/freescale/*.dts}).
 *
 * <p>(a) {@code cpp} then {@code dtc -O dtb} per board, sequentially and uncached, as one job of the kernel
 * build runs them; (b) {@code Boards.load} over the same files in this JVM, after a short warm-up. Prints both
 * wall times, per-board averages, the ratio dtdma / (cpp + dtc) (target at most 0.5) and heap use.
 *
 * dtdma runs dtc's checks at the kernel's default level ({@code --dtc-warnings LEVEL} to change it), as
 * {@code dtdma check} does.
 *
 * <pre>java -cp server/target/dtdma.jar dtdma.bench.CheckBench --kernel DIR [--warmup N] [--glob GLOB] [--skip-dtc]
 *     [--dtc-warnings LEVEL]</pre>
 */
public final class CheckBench {
    static final String IMX_GLOB = "{arch/arm/boot/dts/imx*.dts,arch/arm64/boot/dts/freescale/*.dts}";

    private CheckBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        int warmup = 5;
        String glob = IMX_GLOB;
        boolean skipDtc = false;
        DtcWarnings dtcWarnings = DtcWarnings.KERNEL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--glob" -> glob = value(args, ++i);
                case "--skip-dtc" -> skipDtc = true;
                case "--dtc-warnings" -> dtcWarnings = DtcWarnings.parse(value(args, ++i));
                case "-h", "--help" -> {
                    usage(null);
                    return;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (kernel == null || !Files.isDirectory(kernel.resolve("scripts/dtc/include-prefixes"))) {
            usage(kernel == null ? "--kernel DIR is required" : "not a kernel tree: " + kernel);
        }
        List<Path> boards = ConformanceRun.enumerate(kernel, glob);
        if (boards.isEmpty()) {
            usage("no board matches " + glob);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "CheckBench: %d boards matching %s%n  kernel %s%n", boards.size(), glob, kernel);
        System.out.printf(Locale.ROOT, "  dtc warnings: %s (%d of dtc's checks)%n", dtcWarnings, dtcWarnings.enabledChecks().size());
        System.out.printf(Locale.ROOT, "  machine: %d cores, %s %s, Java %s, max heap %d MB%n",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), rt.maxMemory() >> 20);

        // (a) the reference toolchain, sequential and uncached
        double dtcSeconds = Double.NaN;
        if (!skipDtc) {
            DtcOracle oracle;
            try {
                oracle = new DtcOracle(kernel, null, "cpp", "dtc", Duration.ofSeconds(120));
            } catch (OracleUnavailableException e) {
                System.err.println("CheckBench: " + e.getMessage());
                System.exit(2);
                return;
            }
            int rejected = 0;
            long t0 = System.nanoTime();
            for (Path b : boards) {
                OracleResult r = oracle.compile(b);
                if (!r.ok()) {
                    rejected++;
                }
            }
            dtcSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "(a) cpp + dtc (%s), sequential: %.2f s, %.1f ms per board, %d rejected%n",
                    oracle.dtcVersion(), dtcSeconds, 1000 * dtcSeconds / boards.size(), rejected);
        }

        // (b) dtdma in this JVM
        List<Path> inc = ConformanceRun.includeDirs(kernel);
        try {
            int n = Math.min(warmup, boards.size());
            long w0 = System.nanoTime();
            // warm the JIT with its own instance, so the timed pass starts with empty caches
            Boards warm = new Boards(inc, false, null, dtcWarnings);
            for (int i = 0; i < n; i++) {
                warm.load(boards.get(i));
            }
            System.out.printf(Locale.ROOT, "(b) dtdma warm-up: %d boards in %.2f s%n", n, (System.nanoTime() - w0) / 1e9);
        } catch (UnsupportedOperationException e) {
            System.out.println("(b) dtdma: not available (" + e.getMessage() + ")");
            System.out.println("ratio dtdma / (cpp + dtc): n/a");
            return;
        }
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        int withErrors = 0;
        int threw = 0;
        // one instance for the timed pass: included files are preprocessed and parsed once per macro environment
        Boards shared = new Boards(inc, false, null, dtcWarnings);
        List<dtdma.tree.DeviceTree> trees = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        for (Path b : boards) {
            try {
                BoardResult r = shared.load(b);
                trees.add(r.tree());
                for (Diagnostic d : r.diagnostics()) {
                    if (d.severity() == Severity.ERROR) {
                        withErrors++;
                        break;
                    }
                }
            } catch (RuntimeException | StackOverflowError e) {
                threw++;
            }
        }
        double dtdmaSeconds = (System.nanoTime() - t0) / 1e9;
        long usedAfter = rt.totalMemory() - rt.freeMemory();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "(b) dtdma Boards.load, one thread: %.2f s, %.1f ms per board, %d with errors, %d threw%n",
                dtdmaSeconds, 1000 * dtdmaSeconds / boards.size(), withErrors, threw);
        // dtc's checks alone, again over the same trees, as a share of the timed pass (robust to machine load)
        long c0 = System.nanoTime();
        int findings = 0;
        for (dtdma.tree.DeviceTree t : trees) {
            List<Diagnostic> out = new java.util.ArrayList<>();
            dtdma.dtc.DtcChecks.run(t, dtcWarnings, null, out);
            findings += out.size();
        }
        double checkSeconds = (System.nanoTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "(b) of which dtc's checks (%s): %.2f s, %.1f%% of the timed pass, %d findings%n",
                dtcWarnings, checkSeconds, 100 * checkSeconds / dtdmaSeconds, findings);
        System.out.printf(Locale.ROOT, "ratio dtdma / (cpp + dtc): %s (target <= 0.50)%n",
                Double.isNaN(dtcSeconds) ? "n/a" : String.format(Locale.ROOT, "%.2f", dtdmaSeconds / dtcSeconds));
        System.out.printf(Locale.ROOT, "heap: %d MB used after the timed pass, %d MB peak (sum of pool peaks), %d MB after GC%n",
                usedAfter >> 20, peak >> 20, retained >> 20);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("CheckBench: " + error);
        }
        System.err.println("usage: java -cp dtdma.jar dtdma.bench.CheckBench --kernel DIR [--warmup N] [--glob GLOB] [--skip-dtc] [--dtc-warnings LEVEL]");
        if (error != null) {
            System.exit(2);
        }
    }
}
