package dtdma.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the Debian Linux 6.1 tree unpacked by scripts/setup-corpus.sh is, for the corpus tests. */
public final class Kernel {
    private Kernel() {
    }

    /**
     * Where the kernel tree is expected: {@code -Ddtdma.kernel}, else {@code ${DTDMA_CACHE:-~/.cache/dtdma}/linux-source-6.1},
     * where scripts/setup-corpus.sh puts it.
     */
    public static Path path() {
        String p = System.getProperty("dtdma.kernel");
        if (p != null && !p.isBlank() && !p.startsWith("${")) {
            return Path.of(p);
        }
        String cache = System.getenv("DTDMA_CACHE");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache/dtdma");
        return base.resolve("linux-source-6.1");
    }

    /** The kernel tree, or the test is skipped with a message saying how to get it. */
    public static Path tree() {
        Path dir = path();
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("scripts/dtc/include-prefixes")),
                "no kernel tree at " + dir + "; run scripts/setup-corpus.sh (scripts/test.sh does)");
        return dir;
    }

    /** The repository root. */
    public static Path repo() {
        return Path.of(System.getProperty("dtdma.repo", "..")).toAbsolutePath().normalize();
    }
}
