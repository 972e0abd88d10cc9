package dtdma.sdma;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the real Linux tree the kernel-agreement tests read (skipped when absent). */
final class KernelTree {
    private KernelTree() {
    }

    /** System property {@code dtdma.linux}, env {@code DTDMA_LINUX}, else the Debian 6.1 tree. */
    static Path root() {
        String p = System.getProperty("dtdma.linux");
        if (p == null || p.isBlank()) {
            p = System.getenv("DTDMA_LINUX");
        }
        if (p == null || p.isBlank()) {
            p = "/root/.cache/dtdma/linux-source-6.1";
        }
        return Paths.get(p);
    }

    static boolean has(String relative) {
        return Files.isRegularFile(root().resolve(relative));
    }

    /** Removes C comments, keeping line structure roughly intact. */
    static String stripComments(String c) {
        return c.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    }
}
