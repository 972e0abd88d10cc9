package dtdma.bench;

import dtdma.bindings.BindingSet;
import dtdma.bindings.BindingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
        boolean cached = true;
        int size = 0;
        for (int k = 0; k <= runs; k++) {
            long t0 = System.nanoTime();
            BindingSet set = BindingSet.load(bindings, dtSchema, cache, null);
            t[k] = (System.nanoTime() - t0) / 1e6;
            cached &= set.fromCache();
            size = set.size();
        }
        double[] warm = Arrays.copyOfRange(t, 1, t.length);
        Arrays.sort(warm);
        System.out.printf("cached start: first load in this JVM %.0f ms; next %d loads median %.0f ms, best %.0f ms;"
                + " %d schemas, all from cache: %s%n", t[0], runs, warm[warm.length / 2], warm[0], size, cached);
    }
}
