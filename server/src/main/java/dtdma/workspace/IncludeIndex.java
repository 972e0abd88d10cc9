package dtdma.workspace;

import dtdma.source.IncludeResolver;
import dtdma.source.SourceLoader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reverse include index of a workspace: which boards ({@code .dts}, {@code .dtso}) include a file, directly
 * or through other includes. Built by a cheap textual scan of include directives (no preprocessing, so an
 * include inside a false {@code #if} still counts). Thread-safe.
 */
public final class IncludeIndex {
    private static final Logger LOG = Logger.getLogger(IncludeIndex.class.getName());
    private static final Pattern INCLUDE = Pattern.compile(
            "^[ \\t]*(?:#[ \\t]*include[ \\t]*([\"<])([^\">\\n]+)[\">]|/include/[ \\t]*\"([^\"\\n]+)\")",
            Pattern.MULTILINE);
    private static final int MAX_BOARDS = 20_000;

    private final Function<Path, List<Path>> includeDirs;
    private final Set<Path> boards = ConcurrentHashMap.newKeySet();
    private final Map<Path, List<Path>> direct = new ConcurrentHashMap<>();
    private volatile Map<Path, List<Path>> reverse;
    /** {@link #files()}, computed once per state of the index (reset with {@code reverse}). */
    private volatile List<Path> files;

    /** @param includeDirs the include directories used for a file (explicit, then a detected kernel's) */
    public IncludeIndex(Function<Path, List<Path>> includeDirs) {
        this.includeDirs = includeDirs;
    }

    /**
     * Finds every board under the roots (skipping hidden directories, {@code target} and {@code node_modules})
     * and scans its includes. {@code progress} gets (done, total).
     */
    public void scan(List<Path> roots, BooleanSupplier cancelled, BiConsumer<Integer, Integer> progress) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        if (!dir.equals(root) && (n.startsWith(".") || n.equals("target") || n.equals("node_modules"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return cancelled.getAsBoolean() || found.size() >= MAX_BOARDS ? FileVisitResult.TERMINATE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && Boards.isBoard(file)) {
                            found.add(file.toAbsolutePath().normalize());
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) {
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot scan " + root, e);
            }
        }
        found.sort(null);
        int done = 0;
        for (Path b : found) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            boards.add(b);
            closure(b, new HashSet<>());
            progress.accept(++done, found.size());
        }
        reverse = null;
        files = null;
    }

    /** Re-reads a file's includes after it changed on disk (or was created or deleted). */
    public void refresh(Path file) {
        Path p = file.toAbsolutePath().normalize();
        direct.remove(p);
        if (Boards.isBoard(p)) {
            if (Files.isRegularFile(p)) {
                boards.add(p);
            } else {
                boards.remove(p);
            }
        }
        reverse = null;
        files = null;
    }

    /** Every indexed board and every devicetree source they include, sorted. */
    public List<Path> files() {
        List<Path> cached = files;
        if (cached != null) {
            return cached;
        }
        Set<Path> out = new TreeSet<>(boards);
        for (Path b : new ArrayList<>(boards)) {
            for (Path inc : includesOf(b)) {
                closure(inc, out);
            }
        }
        out.removeIf(p -> !dtdma.text.SourceFile.isDevicetree(p));
        cached = List.copyOf(out);
        files = cached;
        return cached;
    }

    /** Every indexed board, sorted. */
    public List<Path> boards() {
        return new ArrayList<>(new TreeSet<>(boards));
    }

    /** The boards that include a file directly or indirectly, sorted by path (stable across runs). */
    public List<Path> boardsIncluding(Path file) {
        Map<Path, List<Path>> r = reverse;
        if (r == null) {
            r = buildReverse();
            reverse = r;
        }
        return r.getOrDefault(file.toAbsolutePath().normalize(), List.of());
    }

    private synchronized Map<Path, List<Path>> buildReverse() {
        Map<Path, Set<Path>> m = new HashMap<>();
        for (Path b : new TreeSet<>(boards)) {
            Set<Path> all = new HashSet<>();
            closure(b, all);
            for (Path f : all) {
                if (!f.equals(b)) {
                    m.computeIfAbsent(f, k -> new TreeSet<>()).add(b);
                }
            }
        }
        Map<Path, List<Path>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private void closure(Path file, Set<Path> seen) {
        if (!seen.add(file)) {
            return;
        }
        for (Path inc : includesOf(file)) {
            closure(inc, seen);
        }
    }

    private List<Path> includesOf(Path file) {
        List<Path> d = direct.get(file);
        if (d != null) {
            return d;
        }
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(file) && Files.size(file) <= SourceLoader.DEFAULT_MAX_BYTES) {
                String text = SourceLoader.decode(Files.readAllBytes(file));
                IncludeResolver r = new IncludeResolver(includeDirs.apply(file));
                Matcher m = INCLUDE.matcher(text);
                while (m.find()) {
                    if (m.group(3) != null) {
                        r.resolveQuoted(file, m.group(3)).ifPresent(p -> out.add(p.toAbsolutePath().normalize()));
                    } else if (m.group(1).equals("\"")) {
                        r.resolveQuoted(file, m.group(2).trim()).ifPresent(p -> out.add(p.toAbsolutePath().normalize()));
                    } else {
                        r.resolveAngled(m.group(2).trim()).ifPresent(p -> out.add(p.toAbsolutePath().normalize()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot scan includes of " + file, e);
        }
        List<Path> l = List.copyOf(out);
        direct.put(file, l);
        return l;
    }

    /** Forgets every scanned include (after the include directories changed). */
    public void clearCache() {
        direct.clear();
        reverse = null;
        files = null;
    }
}
