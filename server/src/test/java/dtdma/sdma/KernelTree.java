package dtdma.sdma;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real Linux tree the kernel-agreement tests read (skipped when absent). */
final class KernelTree {
    private KernelTree() {
    }

    /** The Debian 6.1 tree, as {@link dtdma.testing.Kernel#path()} finds it. */
    static Path root() {
        return dtdma.testing.Kernel.path();
    }

    static boolean has(String relative) {
        return Files.isRegularFile(root().resolve(relative));
    }

    /** Removes C comments, keeping line structure roughly intact. */
    static String stripComments(String c) {
        return c.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    }
}
