package dtdma.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where scripts/setup-corpus.sh puts the kernel tree; tests skip when it is absent. */
public final class KernelCorpus {
    public static final String SKIP_MESSAGE =
            "kernel tree not found: run scripts/setup-corpus.sh (or set -Ddtdma.kernel=DIR)";

    private KernelCorpus() {
    }

    /** {@code -Ddtdma.kernel}, else {@code ${DTDMA_CACHE:-~/.cache/dtdma}/linux-source-6.1}; null when not unpacked. */
    public static Path path() {
        String prop = System.getProperty("dtdma.kernel");
        Path k;
        if (prop != null && !prop.isEmpty()) {
            k = Path.of(prop);
        } else {
            String env = System.getenv("DTDMA_CACHE");
            Path base = env != null && !env.isEmpty() ? Path.of(env)
                    : Path.of(System.getProperty("user.home"), ".cache", "dtdma");
            k = base.resolve("linux-source-6.1");
        }
        return Files.isDirectory(k.resolve("arch")) && Files.isDirectory(k.resolve("scripts/dtc/include-prefixes"))
                ? k : null;
    }
}
