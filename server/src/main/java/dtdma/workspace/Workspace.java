package dtdma.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The editor's view of the engine: open documents (overlaying the disk), settings, the reverse include index,
 * and which context each file is analysed in. A {@code .dts} is its own root; a {@code .dtsi} is analysed in
 * the active board that includes it (by default the first in sorted order), or alone as a partial tree.
 * Analyses are cached per context until any input changes. Thread-safe: one context is analysed by one thread
 * at a time, different contexts in parallel, and neither an edit nor another context waits for a running
 * analysis (an edit restarts it).
 */
public final class Workspace {
    private static final Logger LOG = Logger.getLogger(Workspace.class.getName());

    private final Object lock = new Object();
    private final boolean detectKernel;
    private final Map<Path, Document> docs = new ConcurrentHashMap<>();
    private final Map<Path, Path> active = new ConcurrentHashMap<>();
    /** Context choices restored from an earlier session that the user did not make explicitly. */
    private final Map<Path, Path> remembered = new ConcurrentHashMap<>();
    /** When each board was last opened or edited (a rising counter). */
    private final Map<Path, Long> touchedBoards = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong touchClock = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Path, List<Path>> dirsByDir = new ConcurrentHashMap<>();
    private final Map<Path, Analysis> cache = new HashMap<>();
    private final Map<Path, Long> cacheGeneration = new HashMap<>();
    private final IncludeIndex index;
    private volatile Settings settings;
    private volatile Boards boards;
    private volatile dtdma.bindings.BindingSet bindings;
    private long generation;
    private final java.util.concurrent.atomic.AtomicLong epoch = new java.util.concurrent.atomic.AtomicLong();

    /** @param detectKernel use the include paths of a Linux kernel tree found around each file */
    public Workspace(Settings settings, boolean detectKernel) {
        this.detectKernel = detectKernel;
        this.settings = settings;
        this.boards = new Boards(settings.includeDirs(), detectKernel, settings.devlink(), settings.dtcWarnings());
        this.index = new IncludeIndex(this::includeDirs);
    }

    private static Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private List<Path> includeDirs(Path file) {
        Path dir = file.getParent() == null ? file : file.getParent();
        return dirsByDir.computeIfAbsent(dir, d -> boards.includeDirs(file));
    }

    /** The include directories searched for a file's {@code #include}s (explicit first, then a kernel tree's). */
    public List<Path> includeDirsOf(Path file) {
        return includeDirs(norm(file));
    }

    public Settings settings() {
        return settings;
    }

    /** Replaces the settings; every context is analysed again on next use. */
    public void configure(Settings s) {
        epoch.incrementAndGet(); // aborts a running analysis, so the lock is free soon
        synchronized (lock) {
            if (s.equals(settings)) {
                return;
            }
            if (s.includePaths().equals(settings.includePaths()) && java.util.Objects.equals(s.kernelRoot(),
                    settings.kernelRoot()) && s.devlink().equals(settings.devlink())
                    && s.dtcWarnings().equals(settings.dtcWarnings())) {
                settings = s; // only the severities changed: they apply when publishing, the analyses stay valid
                return;
            }
            settings = s;
            Boards b = new Boards(s.includeDirs(), detectKernel, s.devlink(), s.dtcWarnings());
            b.setBindings(bindings);
            docs.values().forEach(d -> b.setOverlay(d.path(), d.text()));
            boards = b;
            dirsByDir.clear();
            index.clearCache();
            invalidate();
        }
    }

    /** Sets the binding schemas every context is validated against (null: none); every context is analysed again. */
    public void setBindings(dtdma.bindings.BindingSet set) {
        epoch.incrementAndGet();
        synchronized (lock) {
            bindings = set;
            boards.setBindings(set);
            invalidate();
        }
    }

    /** The binding schemas in use, or null. */
    public dtdma.bindings.BindingSet bindings() {
        return bindings;
    }

    /** Scans folders for boards to build the reverse include index; {@code progress} gets (done, total). */
    public void scan(List<Path> roots, BooleanSupplier cancelled, BiConsumer<Integer, Integer> progress) {
        long t0 = System.nanoTime();
        index.scan(roots.stream().map(Workspace::norm).toList(), cancelled, progress);
        synchronized (lock) {
            invalidate();
        }
        LOG.info(() -> "indexed " + index.boards().size() + " boards in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    public IncludeIndex index() {
        return index;
    }

    private void invalidate() {
        generation++;
    }

    /** Opens (or re-opens) a document. */
    public Document open(Path file, int version, String text) {
        epoch.incrementAndGet(); // aborts a running analysis, so the lock is free soon
        Path p = norm(file);
        Document d = new Document(p, version, text);
        touch(p);
        synchronized (lock) {
            docs.put(p, d);
            boards.setOverlay(p, text);
            invalidate();
        }
        return d;
    }

    /** Applies incremental changes; returns the new document, or null when it is not open. */
    public Document change(Path file, int version, List<Document.Change> changes) {
        epoch.incrementAndGet(); // aborts a running analysis, so the lock is free soon
        Path p = norm(file);
        synchronized (lock) {
            Document old = docs.get(p);
            if (old == null) {
                return null;
            }
            Document d = old.apply(version, changes);
            touch(p);
            docs.put(p, d);
            boards.setOverlay(p, d.text());
            invalidate();
            return d;
        }
    }

    /** Closes a document: the disk contents count again. */
    public void close(Path file) {
        epoch.incrementAndGet(); // aborts a running analysis, so the lock is free soon
        Path p = norm(file);
        synchronized (lock) {
            if (docs.remove(p) != null) {
                boards.setOverlay(p, null);
                invalidate();
            }
        }
    }

    /** The open document of a file, or null. */
    public Document document(Path file) {
        return docs.get(norm(file));
    }

    public List<Document> documents() {
        return new ArrayList<>(docs.values());
    }

    /** Files changed on disk (created, changed or deleted): their includes are re-read, analyses re-done. */
    public void filesChanged(List<Path> files) {
        epoch.incrementAndGet(); // aborts a running analysis, so the lock is free soon
        synchronized (lock) {
            for (Path f : files) {
                index.refresh(norm(f));
            }
            invalidate();
        }
    }

    /** The contexts a file can be analysed in: itself for a board, else the boards including it, else itself. */
    public List<Path> contexts(Path file) {
        Path p = norm(file);
        if (Boards.isBoard(p)) {
            return List.of(p);
        }
        List<Path> b = index.boardsIncluding(p);
        return b.isEmpty() ? List.of(p) : b;
    }

    private void touch(Path board) {
        if (Boards.isBoard(board)) {
            touchedBoards.put(board, touchClock.incrementAndGet());
        }
    }

    /**
     * The context a file is analysed in now: the board the user picked for it; else the including board most
     * recently opened or edited in this session; else the board remembered from an earlier session; else the
     * first including board in sorted order.
     */
    public Path activeContext(Path file) {
        Path p = norm(file);
        List<Path> ctx = contexts(p);
        Path chosen = active.get(p);
        if (chosen != null && ctx.contains(chosen)) {
            return chosen;
        }
        Path recent = null;
        long when = -1;
        for (Path c : ctx) {
            Long t = touchedBoards.get(c);
            if (t != null && t > when) {
                recent = c;
                when = t;
            }
        }
        if (recent != null) {
            return recent;
        }
        Path kept = remembered.get(p);
        return kept != null && ctx.contains(kept) ? kept : ctx.get(0);
    }

    /**
     * Restores a context choice from an earlier session (before the board index exists, so it is not checked
     * here: a choice that is not one of the file's contexts is ignored by {@link #activeContext}).
     *
     * @param explicit the user picked it (it wins over recently opened boards); otherwise it only replaces the
     *                 sorted-order default
     */
    public void rememberContext(Path file, Path root, boolean explicit) {
        (explicit ? active : remembered).put(norm(file), norm(root));
    }

    /** Whether the user picked the file's context (in this session or a remembered earlier one). */
    public boolean explicitContext(Path file) {
        Path p = norm(file);
        Path chosen = active.get(p);
        return chosen != null && contexts(p).contains(chosen);
    }

    /** Picks the context of a file; false when the root is not one of its contexts. */
    public boolean setActiveContext(Path file, Path root) {
        Path p = norm(file);
        Path r = norm(root);
        if (!contexts(p).contains(r)) {
            return false;
        }
        active.put(p, r);
        return true;
    }

    /** The active contexts of the open documents, sorted. */
    public Set<Path> liveContexts() {
        Set<Path> out = new TreeSet<>();
        for (Path p : docs.keySet()) {
            out.add(activeContext(p));
        }
        return out;
    }

    /** A counter that rises whenever any input changes. */
    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * The analysis of a context for the current inputs (cached until an input changes).
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true between stages
     */
    public Analysis analysis(Path root, BooleanSupplier cancelled) {
        Path r = norm(root);
        // One context is analysed by one thread at a time, but the workspace lock is not held while analysing:
        // a slow board never delays another file's analysis, nor the edits the protocol thread applies.
        Object rootLock = rootLocks.computeIfAbsent(r, k -> new Object());
        synchronized (rootLock) {
            while (true) {
                long e = epoch.get();
                long gen;
                Boards b;
                synchronized (lock) {
                    Analysis a = cache.get(r);
                    if (a != null && cacheGeneration.get(r) == generation) {
                        return a;
                    }
                    gen = generation;
                    b = boards;
                }
                long t0 = System.nanoTime();
                Analysis a;
                try {
                    a = b.analyse(r, () -> cancelled.getAsBoolean() || epoch.get() != e);
                } catch (java.util.concurrent.CancellationException ex) {
                    if (cancelled.getAsBoolean()) {
                        throw ex;
                    }
                    continue; // an edit arrived: start again on the new text
                }
                synchronized (lock) {
                    if (gen != generation) {
                        continue; // finished just as an edit arrived: the result is already stale
                    }
                    Map<Path, Integer> versions = new HashMap<>();
                    for (Path f : a.files().keySet()) {
                        Document d = docs.get(f);
                        if (d != null) {
                            versions.put(f, d.version());
                        }
                    }
                    a.setVersions(versions);
                    cache.put(r, a);
                    cacheGeneration.put(r, gen);
                    if (cache.size() > 32) {
                        Set<Path> keep = new LinkedHashSet<>(liveContexts());
                        keep.add(r);
                        cache.keySet().retainAll(keep);
                        cacheGeneration.keySet().retainAll(keep);
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Analysis done = a;
                LOG.log(Level.FINE, () -> "analysed " + r + " (" + done.files().size() + " files, versions "
                        + done.versions().values() + ") in " + ms + " ms");
                return a;
            }
        }
    }

    private final Map<Path, Object> rootLocks = new ConcurrentHashMap<>();

    /** The analysis of a file's active context. */
    public Analysis analysisFor(Path file, BooleanSupplier cancelled) {
        return analysis(activeContext(file), cancelled);
    }
}
