package dtdma.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where the Debian Linux 6.1 tree unpacked by scripts/setup-corpus.sh is, for the corpus tests. */
public final class Kernel {
    private Kernel() {
    }

    /** The kernel tree, or the test is skipped with a message saying how to get it. */
    public static Path tree() {
        String p = System.getProperty("dtdma.kernel");
        Path dir = p == null || p.isBlank() || p.startsWith("${")
                ? Path.of(System.getProperty("user.home"), ".cache/dtdma/linux-source-6.1") : Path.of(p);
        Assumptions.assumeTrue(Files.isDirectory(dir.resolve("scripts/dtc/include-prefixes")),
                "no kernel tree at " + dir + "; run scripts/setup-corpus.sh (scripts/test.sh does)");
        return dir;
    }

    /** The repository root. */
    public static Path repo() {
        return Path.of(System.getProperty("dtdma.repo", "..")).toAbsolutePath().normalize();
    }
}
