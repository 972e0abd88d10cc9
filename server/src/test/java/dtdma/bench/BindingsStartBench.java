package dtdma.bench;

import dtdma.bindings.BindingSet;
import dtdma.bindings.BindingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cached start of the binding schemas: {@link BindingSet#load} from a cache directory that already holds
 * the processed schemas (filled first when empty), timed in this process — the first load is a fresh JVM's (cold
 * JIT, classes loading), then {@code --runs} more in the same JVM. Uses only API that main's jar has too, so
 * it can time either jar: {@code java -cp server/target/test-classes:JAR dtdma.bench.BindingsStartBench ...}.
 *
 * <pre>java -cp server/target/test-classes:server/target/dtdma.jar dtdma.bench.BindingsStartBench --kernel DIR --cache DIR [--runs N]</pre>
 */
public final class BindingsStartBench {
    private BindingsStartBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kernel = null;
        Path cache = null;
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: BindingsStartBench --kernel DIR --cache DIR [--runs N]");
                    System.exit(2);
                }
            }
        }
        if (kernel == null || cache == null) {
            System.err.println("usage: BindingsStartBench --kernel DIR --cache DIR [--runs N]");
            System.exit(2);
        }
        Path bindings = kernel.resolve("Documentation/devicetree/bindings");
        Path dtSchema = BindingSources.dtSchemaDir(null).orElseThrow();
        if (!Files.isDirectory(cache)) {
            long t0 = System.nanoTime();
            BindingSet.load(bindings, dtSchema, cache, null);
            System.out.printf("filled the cache %s in %.0f ms; run again for a fresh JVM's cached start%n", cache,
                    (System.nanoTime() - t0) / 1e6);
            return;
        }
        double[] t = new double[runs + 1];
        double[] cpu = new double[runs + 1];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        boolean cached = true;
        int size = 0;
        for (int k = 0; k <= runs; k++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            BindingSet set = BindingSet.load(bindings, dtSchema, cache, null);
            t[k] = (System.nanoTime() - t0) / 1e6;
            cpu[k] = (os.getProcessCpuTime() - c0) / 1e6;
            cached &= set.fromCache();
            size = set.size();
        }
        // what the cache key costs: reading and hashing every schema file (the key before the stat index) against
        // listing and stat-ing them (the key when nothing changed)
        double[] hash = new double[runs];
        double[] stat = new double[runs];
        long bytes = 0;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            bytes = 0;
            for (Path dirToHash : List.of(bindings, dtSchema.resolve("schemas"))) {
                try (Stream<Path> s = Files.walk(dirToHash)) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().toList()) {
                        byte[] b = Files.readAllBytes(p);
                        bytes += b.length;
                        md.update(b);
                    }
                }
            }
            md.digest();
            hash[k] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            for (Path dirToStat : List.of(bindings, dtSchema.resolve("schemas"))) {
                try (Stream<Path> s = Files.walk(dirToStat)) {
                    for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                        Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                    }
                }
            }
            stat[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(hash);
        Arrays.sort(stat);
        System.out.printf("cache key: read and hash every file (%.1f MB) median %.0f ms; list and stat them median %.0f ms%n",
                bytes / 1e6, hash[runs / 2], stat[runs / 2]);
        double[] warm = Arrays.copyOfRange(t, 1, t.length);
        Arrays.sort(warm);
        double[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
        Arrays.sort(warmCpu);
        System.out.printf("cached start: first load in this JVM %.0f ms (process CPU %.0f ms); next %d loads median %.0f ms"
                + " (CPU %.0f ms), best %.0f ms; %d schemas, all from cache: %s%n", t[0], cpu[0], runs,
                warm[warm.length / 2], warmCpu[warmCpu.length / 2], warm[0], size, cached);
    }
}
