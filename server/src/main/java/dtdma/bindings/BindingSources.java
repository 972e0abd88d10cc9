package dtdma.bindings;

import dtdma.source.KernelTree;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the schemas come from: the kernel's {@code Documentation/devicetree/bindings} (found from a board
 * inside a kernel tree, or named), and an installed dt-schema's {@code dtschema} package directory (its
 * {@code schemas/} hold the core schemas such as {@code dt-core.yaml} and {@code types.yaml}; named, or found
 * where Debian's {@code dt-schema} package or pip put it). Nothing is copied: the files are read in place.
 */
public final class BindingSources {
    private BindingSources() {
    }

    /** The bindings directory: {@code explicit} if given, else the one of the kernel tree around {@code board}. */
    public static Optional<Path> bindingsDir(Path explicit, Path board) {
        if (explicit != null) {
            return Files.isDirectory(explicit) ? Optional.of(explicit.toAbsolutePath().normalize()) : Optional.empty();
        }
        if (board == null) {
            return Optional.empty();
        }
        return KernelTree.detect(board.toAbsolutePath()).map(k -> k.root().resolve("Documentation/devicetree/bindings"))
                .filter(Files::isDirectory);
    }

    /** dt-schema's package directory (holding {@code schemas/dt-core.yaml}): {@code explicit}, else an installed one. */
    public static Optional<Path> dtSchemaDir(Path explicit) {
        if (explicit != null) {
            Path p = explicit.toAbsolutePath().normalize();
            if (isDtSchema(p)) {
                return Optional.of(p);
            }
            if (isDtSchema(p.resolve("dtschema"))) {
                return Optional.of(p.resolve("dtschema"));
            }
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/lib/python3/dist-packages/dtschema"));
        for (String base : List.of("/usr/local/lib", "/usr/lib", System.getProperty("user.home") + "/.local/lib")) {
            Path b = Path.of(base);
            if (!Files.isDirectory(b)) {
                continue;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(b, "python3*")) {
                for (Path py : ds) {
                    candidates.add(py.resolve("dist-packages/dtschema"));
                    candidates.add(py.resolve("site-packages/dtschema"));
                }
            } catch (IOException e) {
                // not readable: not a candidate
            }
        }
        for (Path c : candidates) {
            if (isDtSchema(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isDtSchema(Path p) {
        return Files.isRegularFile(p.resolve("schemas/dt-core.yaml")) && Files.isRegularFile(p.resolve("schemas/types.yaml"));
    }

    /** {@code ${DTDMA_CACHE:-~/.cache/dtdma}/bindings}: where processed schemas are cached. */
    public static Path defaultCacheDir() {
        String env = System.getenv("DTDMA_CACHE");
        Path base = env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "dtdma");
        return base.resolve("bindings");
    }
}
