package dtdma.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Linux kernel source tree found above a devicetree file. Needs no configuration: the root is the
 * nearest ancestor directory holding {@code scripts/dtc/include-prefixes}.
 */
public final class KernelTree {
    private final Path root;

    private KernelTree(Path root) {
        this.root = root;
    }

    /** The kernel tree containing {@code file}, if any. */
    public static Optional<KernelTree> detect(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = p.getParent();
        }
        for (; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scripts/dtc/include-prefixes"))) {
                return Optional.of(new KernelTree(p));
            }
        }
        return Optional.empty();
    }

    public Path root() {
        return root;
    }

    /** The cpp {@code -I} paths the kernel's scripts/Makefile.lib passes. */
    public List<Path> includePaths() {
        return List.of(root.resolve("scripts/dtc/include-prefixes"));
    }
}
