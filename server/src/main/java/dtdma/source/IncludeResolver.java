package dtdma.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds included files the way the kernel build does. {@code #include "x"}: the directory of the
 * including file, then the {@code -I} list. {@code #include <x>}: the {@code -I} list only. dtc's
 * {@code /include/ "x"}: the directory of the board file, then the {@code -I} list (dtc's {@code -i}).
 * Paths are kept as found (so symlinked include-prefixes directories keep their names) and normalised
 * textually only when the normalised path names the same existing file.
 */
public final class IncludeResolver {
    /** Which include syntax asked. */
    public enum Kind { QUOTED, ANGLED, DTC }

    private final List<Path> dirs;

    public IncludeResolver(List<Path> includeDirs) {
        this.dirs = List.copyOf(includeDirs);
    }

    public List<Path> includeDirs() {
        return dirs;
    }

    /** The directories searched, in order, for an include of this kind from {@code from}. */
    public List<Path> searchPath(Kind kind, Path from) {
        List<Path> out = new ArrayList<>(dirs.size() + 1);
        if (kind != Kind.ANGLED && from != null) {
            Path d = from.toAbsolutePath().getParent();
            if (d != null) {
                out.add(d);
            }
        }
        out.addAll(dirs);
        return out;
    }

    /** Resolves {@code name}; {@code from} is the including file (QUOTED) or the board file (DTC). */
    public Optional<Path> resolve(Kind kind, Path from, String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path n = Path.of(name);
            if (n.isAbsolute()) {
                return Files.exists(n) ? Optional.of(tidy(n)) : Optional.empty();
            }
            for (Path d : searchPath(kind, from)) {
                Path c = d.resolve(n);
                if (Files.exists(c)) {
                    return Optional.of(tidy(c));
                }
            }
        } catch (InvalidPathException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public Optional<Path> resolveQuoted(Path includingFile, String name) {
        return resolve(Kind.QUOTED, includingFile, name);
    }

    public Optional<Path> resolveAngled(String name) {
        return resolve(Kind.ANGLED, null, name);
    }

    public Optional<Path> resolveDtc(Path boardFile, String name) {
        return resolve(Kind.DTC, boardFile, name);
    }

    private static Path tidy(Path p) {
        Path n = p.normalize();
        if (n.equals(p)) {
            return p;
        }
        // "a/link/../b" differs from "a/b" when link is a symlink: keep the normalised path only if it is the same file
        try {
            if (Files.exists(n) && Files.isSameFile(n, p)) {
                return n;
            }
        } catch (java.io.IOException | SecurityException e) {
            return p;
        }
        return p;
    }
}
