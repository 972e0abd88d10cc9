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
        Path k = dtdma.testing.Kernel.path();
        return Files.isDirectory(k.resolve("arch")) && Files.isDirectory(k.resolve("scripts/dtc/include-prefixes"))
                ? k : null;
    }
}
