package dtdma.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import dtdma.text.Cancel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The editor's view of the engine: open documents (overlaying the disk), settings, the reverse include index,
 * and which context each file is analysed in. A {@code .dts} is its own root; a {@code .dtsi} is analysed in
 * the active board that includes it (by default the first in sorted order), or alone as a partial tree.
 * Analyses are cached per context, each valid while the files it read are unchanged (an edit to a board
 * invalidates that board only; an edit to a {@code .dtsi} the boards that read it), in a cache bounded by count
 * and by the estimated heap its analyses retain. Thread-safe: one context is analysed by one thread at a time,
 * different contexts in parallel, and neither an edit nor another context waits for a running analysis (an edit
 * to a file it read restarts it).
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
    /** Per file, a stamp that changes whenever its text may have (edit, open, close, change on disk); absent = 0. */
    private final Map<Path, Long> stamps = new ConcurrentHashMap<>();
    /** Rises with every change of any input (cheap test of whether anything changed at all). */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    /** Rises when the settings change in a way that invalidates every analysis. */
    private final java.util.concurrent.atomic.AtomicLong configEpoch = new java.util.concurrent.atomic.AtomicLong();
    /** Rises when the binding schemas are set: cached analyses are stale, running ones finish. */
    private final java.util.concurrent.atomic.AtomicLong bindingsEpoch = new java.util.concurrent.atomic.AtomicLong();
    private final int maxEntries;
    private final long maxBytes;
    private final AnalysisCache cache = new AnalysisCache();
    private final IncludeIndex index;
    private volatile Settings settings;
    private volatile Boards boards;

    /** Default bound of the analysis cache: contexts kept. */
    public static final int DEFAULT_MAX_CONTEXTS = Integer.getInteger("dtdma.cache.contexts", 32);
    /**
     * Default bound of the analysis cache: the estimated heap retained by the contexts kept
     * ({@link #estimatedBytes}), {@code dtdma.cache.mb} megabytes (MiB).
     */
    public static final long DEFAULT_MAX_BYTES = Long.getLong("dtdma.cache.mb", 64L) << 20;
    private volatile dtdma.bindings.BindingSet bindings;

    /** @param detectKernel use the include paths of a Linux kernel tree found around each file */
    public Workspace(Settings settings, boolean detectKernel) {
        this(settings, detectKernel, DEFAULT_MAX_CONTEXTS, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxContexts at most this many analyses are cached (least recently used evicted first, the open
     *                    documents' contexts last)
     * @param maxBytes    and at most this many bytes of heap retained by them, estimated ({@link #estimatedBytes})
     */
    public Workspace(Settings settings, boolean detectKernel, int maxContexts, long maxBytes) {
        this.maxEntries = Math.max(1, maxContexts);
        this.maxBytes = Math.max(1, maxBytes);
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
            configEpoch.incrementAndGet(); // every analysis is stale; a running one stops
            changes.incrementAndGet();
            cache.clear();
            finished.clear();
        }
    }

    /**
     * Sets the binding schemas every context is validated against (null: none); every context is analysed again.
     * A running analysis is not stopped: it finishes without the new schemas (so the first diagnostics of a cold
     * start do not wait for the schema load) and is not cached; the next request analyses again with them.
     */
    public void setBindings(dtdma.bindings.BindingSet set) {
        synchronized (lock) {
            bindings = set;
            boards.setBindings(set);
            bindingsEpoch.incrementAndGet(); // every cached analysis is stale, a running one is not cancelled
            cache.clear();
            finished.clear();
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
        LOG.info(() -> "indexed " + index.boards().size() + " boards in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    public IncludeIndex index() {
        return index;
    }

    /** A file's text may have changed: analyses that read it are stale (its overlay is already in place). */
    private void bump(Path p) {
        stamps.put(p, changes.incrementAndGet());
    }

    /** Opens (or re-opens) a document. */
    public Document open(Path file, int version, String text) {
        Path p = norm(file);
        Document d = new Document(p, version, text);
        touch(p);
        synchronized (lock) {
            boards.setOverlay(p, text);
            docs.put(p, d);
            bump(p);
            logs.put(p, new EditLog(stampOf(p)));
        }
        return d;
    }

    /** Applies incremental changes; returns the new document, or null when it is not open. */
    public Document change(Path file, int version, List<Document.Change> edits) {
        Path p = norm(file);
        synchronized (lock) {
            Document old = docs.get(p);
            if (old == null) {
                return null;
            }
            List<int[]> steps = new ArrayList<>();
            Document d = old.apply(version, edits, steps);
            touch(p);
            boards.setOverlay(p, d.text());
            docs.put(p, d);
            bump(p);
            log(p, steps);
            return d;
        }
    }

    /** Closes a document: the disk contents count again. */
    public void close(Path file) {
        Path p = norm(file);
        synchronized (lock) {
            if (docs.remove(p) != null) {
                boards.setOverlay(p, null);
                bump(p);
                logs.remove(p);
            }
        }
    }

    private boolean readByCached(Path p) {
        synchronized (cache) {
            for (Cached c : cache.map.values()) {
                if (c.stamps().containsKey(p)) {
                    return true;
                }
            }
        }
        return false;
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
        synchronized (lock) {
            boolean unknown = false;
            for (Path f : files) {
                Path p = norm(f);
                index.refresh(p);
                unknown |= !stamps.containsKey(p) && !readByCached(p);
                bump(p);
                if (logs.containsKey(p)) {
                    logs.put(p, new EditLog(stampOf(p))); // not an edit: older analyses no longer map
                }
            }
            if (unknown) {
                // a file no analysis read may be an include that was missing before: start every context afresh
                configEpoch.incrementAndGet();
                cache.clear();
            }
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

    /** A counter that rises whenever any input changes (an edit, a file changed on disk, new settings). */
    public long generation() {
        return changes.get();
    }

    /**
     * The analysis of a context for the current inputs. It is cached, keyed by the stamps of the files it read:
     * it stays valid while none of them changed (an edit to one board leaves every other board's analysis
     * alone; an edit to a {@code .dtsi} invalidates exactly the boards that read it). A running analysis stops
     * when one of the files its context read last time changes, and starts again on the new text.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public Analysis analysis(Path root, Cancel cancel) {
        return analysis(root, cancel, true);
    }

    /**
     * Like {@link #analysis(Path, Cancel)}; with {@code restart} false, an analysis superseded by a change to a
     * file it read stops with a {@link java.util.concurrent.CancellationException} instead of starting again
     * (the diagnostics engine then re-orders its work, the edited file's context first).
     */
    public Analysis analysis(Path root, Cancel cancel, boolean restart) {
        Path r = norm(root);
        Cancel outer = cancel == null ? Cancel.NONE : cancel;
        // One context is analysed by one thread at a time; no lock is held across contexts, so a slow board
        // never delays another file's analysis, nor the edits the protocol thread applies.
        java.util.concurrent.locks.ReentrantLock rootLock = rootLocks.computeIfAbsent(r,
                k -> new java.util.concurrent.locks.ReentrantLock());
        // waiting for another thread's analysis of this context stays cancellable ($/cancelRequest, a new edit)
        try {
            while (!rootLock.tryLock(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                outer.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
        try {
            while (true) {
                outer.check();
                Cached c = cache.get(r);
                if (c != null && c.valid()) {
                    return c.analysis();
                }
                // snapshot before reading: an edit applied meanwhile sets the overlay first and bumps the stamp
                // after, so a stamp recorded here is never newer than the text read
                Snapshot snap = snapshot();
                long bindingsAt = bindingsEpoch.get(); // read before the analysis reads the schemas
                Boards b = boards;
                Set<Path> watched = c == null ? null : c.stamps().keySet();
                Cancel superseded = () -> snap.superseded(watched);
                long t0 = System.nanoTime();
                Analysis a;
                try {
                    a = b.analyse(r, outer.or(superseded));
                } catch (java.util.concurrent.CancellationException ex) {
                    if (outer.isCancelled() || !restart) {
                        throw ex;
                    }
                    continue; // an input changed: start again on the new text
                }
                Map<Path, Long> read = new HashMap<>();
                Map<Path, Integer> versions = new HashMap<>();
                for (Path f : a.files().keySet()) {
                    read.put(f, snap.stamps().getOrDefault(f, 0L));
                    Document d = snap.docs().get(f);
                    if (d != null) {
                        versions.put(f, d.version());
                    }
                }
                read.putIfAbsent(r, snap.stamps().getOrDefault(r, 0L));
                a.setVersions(versions);
                Cached done = new Cached(a, Map.copyOf(read), snap.config(), bindingsAt, estimatedBytes(a));
                if (!done.validInputs()) {
                    continue; // finished just as one of its files changed: the result is already stale
                }
                if (done.valid()) {
                    cache.put(r, done);
                    keepFinished(r, done, snap);
                } // else the schemas were set meanwhile: this analysis is answered once, not cached
                long ms = (System.nanoTime() - t0) / 1_000_000;
                LOG.log(Level.FINE, () -> "analysed " + r + " (" + a.files().size() + " files, versions "
                        + a.versions().values() + ") in " + ms + " ms");
                return a;
            }
        } finally {
            rootLock.unlock();
        }
    }

    /** The cached analysis of a context when it is still valid, else null (never analyses). */
    public Analysis cachedAnalysis(Path root) {
        Cached c = cache.peek(norm(root));
        return c != null && c.valid() ? c.analysis() : null;
    }

    /** How many analyses are cached, and the heap they retain, estimated in bytes ({@link #estimatedBytes}). */
    public long[] cacheStats() {
        return cache.stats();
    }

    private final Map<Path, java.util.concurrent.locks.ReentrantLock> rootLocks = new ConcurrentHashMap<>();

    /** The inputs as they were when an analysis started. */
    private record Snapshot(Map<Path, Long> stamps, Map<Path, Document> docs, long config, long changeCount,
            Workspace ws) {
        /** True when a file in {@code files} (any file when null) changed since, or the settings did. */
        boolean superseded(Set<Path> files) {
            if (ws.changes.get() == changeCount) {
                return false;
            }
            if (ws.configEpoch.get() != config) {
                return true;
            }
            if (files == null) {
                return true; // first analysis of this context: what it reads is not known yet, so any change
            }
            for (Path f : files) {
                if (!java.util.Objects.equals(ws.stamps.get(f), stamps.get(f))) {
                    return true;
                }
            }
            return false;
        }
    }

    private Snapshot snapshot() {
        long n = changes.get();
        return new Snapshot(Map.copyOf(stamps), Map.copyOf(docs), configEpoch.get(), n, this);
    }

    /** A cached analysis with the stamps of the files it read. */
    private final class Cached {
        private final Analysis analysis;
        private final Map<Path, Long> stamps;
        private final long config;
        private final long bindingsAt;
        private final long weight;

        Cached(Analysis analysis, Map<Path, Long> stamps, long config, long bindingsAt, long weight) {
            this.analysis = analysis;
            this.stamps = stamps;
            this.config = config;
            this.bindingsAt = bindingsAt;
            this.weight = weight;
        }

        Analysis analysis() {
            return analysis;
        }

        Map<Path, Long> stamps() {
            return stamps;
        }

        long weight() {
            return weight;
        }

        boolean valid() {
            return bindingsAt == bindingsEpoch.get() && validInputs();
        }

        /** Valid but for the binding schemas: the settings and the files it read are unchanged. */
        boolean validInputs() {
            if (config != configEpoch.get()) {
                return false;
            }
            for (Map.Entry<Path, Long> e : stamps.entrySet()) {
                if (stampOf(e.getKey()) != e.getValue()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A file's stamp: changes whenever the file is opened, edited, closed or reported changed on disk (0 for a
     * file none of that happened to). Equal stamps mean the text the workspace sees is unchanged.
     */
    public long stamp(Path file) {
        return stampOf(norm(file));
    }

    private long stampOf(Path f) {
        return stamps.getOrDefault(f, 0L);
    }

    /** Estimated heap an analysis retains whatever its size (its models, maps and registries). */
    static final long BYTES_PER_ANALYSIS = 16 << 10;
    /** Estimated heap retained per tree node or property by an analysis (see {@link #estimatedBytes}). */
    static final long BYTES_PER_ENTRY = 400;
    /** Estimated heap retained per diagnostic (message, span, related information). */
    static final long BYTES_PER_DIAGNOSTIC = 300;

    /**
     * The heap an analysis retains, estimated for the cache budget from what it holds: its tree's nodes and
     * properties (each with its syntax, history, spans, and its share of the parse, the DMA, device-link and
     * binding models built from the tree), its property values' bytes, and its diagnostics. Calibrated on real
     * boards by {@code AnalysisHeapBench} (heap after GC with and without the analysis; docs/architecture.md).
     */
    public static long estimatedBytes(Analysis a) {
        long entries = 0;
        long valueBytes = 0;
        java.util.ArrayDeque<dtdma.tree.Node> todo = new java.util.ArrayDeque<>();
        todo.add(a.tree().root());
        while (!todo.isEmpty()) {
            dtdma.tree.Node x = todo.pop();
            entries += 1 + x.properties().size();
            for (dtdma.tree.Property p : x.properties()) {
                valueBytes += p.value().length();
            }
            todo.addAll(x.children());
        }
        return BYTES_PER_ANALYSIS + entries * BYTES_PER_ENTRY + valueBytes
                + (long) a.result().diagnostics().size() * BYTES_PER_DIAGNOSTIC;
    }

    /**
     * The analyses, least recently used first out: at most {@code maxEntries} and {@code maxBytes} estimated
     * bytes summed; the live contexts (open documents' active boards) are evicted last.
     */
    private final class AnalysisCache {
        private final LinkedHashMap<Path, Cached> map = new LinkedHashMap<>(64, 0.75f, true);
        private long weight;

        synchronized Cached get(Path r) {
            return map.get(r);
        }

        synchronized Cached peek(Path r) {
            Cached c = map.remove(r);
            if (c != null) {
                map.put(r, c); // LinkedHashMap has no peek without touching order; keep it used
            }
            return c;
        }

        synchronized void put(Path r, Cached c) {
            Cached old = map.put(r, c);
            weight += c.weight() - (old == null ? 0 : old.weight());
            evict(r);
        }

        synchronized void clear() {
            map.clear();
            weight = 0;
        }

        synchronized long[] stats() {
            return new long[] {map.size(), weight};
        }

        /** Drops entries that can never be valid again, then the least recently used until within budget. */
        private void evict(Path keep) {
            map.entrySet().removeIf(e -> {
                if (!e.getKey().equals(keep) && !e.getValue().valid()) {
                    weight -= e.getValue().weight();
                    return true;
                }
                return false;
            });
            if (map.size() <= maxEntries && weight <= maxBytes) {
                return;
            }
            Set<Path> live = liveContexts();
            for (int pass = 0; pass < 2 && (map.size() > maxEntries || weight > maxBytes); pass++) {
                var it = map.entrySet().iterator();
                while (it.hasNext() && (map.size() > maxEntries || weight > maxBytes)) {
                    var e = it.next();
                    if (e.getKey().equals(keep) || (pass == 0 && live.contains(e.getKey()))) {
                        continue;
                    }
                    weight -= e.getValue().weight();
                    it.remove();
                    finished.remove(e.getKey(), e.getValue()); // over budget: not kept for stale answers either
                }
            }
        }
    }

    /** The analysis of a file's active context. */
    public Analysis analysisFor(Path file, Cancel cancel) {
        Path root = activeContext(file);
        demanded(root);
        return analysis(root, cancel);
    }

    // ------------------------------------------------------------------ answering from a finished analysis

    /** At most this many edits are kept per open document for mapping positions (older ones are dropped). */
    static final int MAX_LOGGED_EDITS = 4096;

    /** The edits applied to an open document since {@code base} (the stamp it was opened or last reset at). */
    private static final class EditLog {
        long base;
        final ArrayList<EditMap.Step> steps = new ArrayList<>();

        EditLog(long base) {
            this.base = base;
        }
    }

    /** Per open document, its edits as offset/length replacements (guarded by {@code lock}). */
    private final Map<Path, EditLog> logs = new ConcurrentHashMap<>();
    /** Per live context, the newest analysis that finished (it may be stale now), with the stamps it read. */
    private final Map<Path, Cached> finished = new ConcurrentHashMap<>();

    /** Logs one didChange's replacements (caller holds {@code lock}); a whole-text replacement resets the log. */
    private void log(Path p, List<int[]> steps) {
        long st = stampOf(p);
        EditLog log = logs.get(p);
        if (log == null || steps.contains(null)) {
            logs.put(p, new EditLog(st));
            return;
        }
        for (int[] x : steps) {
            log.steps.add(new EditMap.Step(st, x[0], x[1], x[2], x[3] != 0));
        }
        if (log.steps.size() > MAX_LOGGED_EDITS) {
            int cut = log.steps.size() - MAX_LOGGED_EDITS / 2;
            long upTo = log.steps.get(cut - 1).stamp();
            log.steps.removeIf(x -> x.stamp() <= upTo);
            log.base = upTo;
        }
    }

    /**
     * Keeps a finished analysis of a live context for answering requests while a newer one runs, when the text
     * it analysed of every open document is exactly the text of the stamp it recorded.
     */
    private void keepFinished(Path r, Cached done, Snapshot snap) {
        Set<Path> live = liveContexts();
        finished.keySet().removeIf(k -> !live.contains(k));
        if (!live.contains(r)) {
            return;
        }
        for (Map.Entry<Path, dtdma.text.SourceFile> e : done.analysis().files().entrySet()) {
            Document d = snap.docs().get(e.getKey());
            if (d != null && !d.text().equals(e.getValue().text())) {
                return; // an edit landed between the snapshot and the read: its stamp does not name this text
            }
        }
        finished.put(r, done);
    }

    /**
     * An analysis with the edits applied since it read its files: {@code edits} has, for each open document
     * edited since, the map between the analysed text and the current one (empty for an analysis of the current
     * text).
     */
    public record View(Analysis analysis, Map<Path, EditMap> edits) {
        /** The edits of a file since the analysis, or null when it is unchanged. */
        public EditMap edits(Path file) {
            return edits.get(file.toAbsolutePath().normalize());
        }

        public boolean stale() {
            return !edits.isEmpty();
        }
    }

    /**
     * What a request on a file is answered from: the analysis of its active context for the current text when it
     * is ready; otherwise the newest finished analysis of that context with the edits since, when every file it
     * read that changed since is an open document changed only by edits (not closed, reopened, replaced whole or
     * changed on disk) and the settings are the same; otherwise the analysis of the current text, waited for (or
     * run) as {@link #analysisFor} does.
     */
    public View view(Path file, Cancel cancel) {
        Path root = activeContext(file);
        demanded(root);
        Cached c = cache.peek(root);
        if (c != null && c.valid()) {
            return new View(c.analysis(), Map.of());
        }
        View v = finishedView(root);
        return v != null ? v : new View(analysis(root, cancel), Map.of());
    }

    /** The analysis of a file's active context for the current text (waited for or run), as a view without edits. */
    public View currentView(Path file, Cancel cancel) {
        return new View(analysisFor(file, cancel), Map.of());
    }

    /** The newest finished analysis of a context with the edits since, or null when it cannot be mapped. */
    View finishedView(Path root) {
        Cached f = finished.get(norm(root));
        if (f == null || f.config != configEpoch.get()) {
            return null;
        }
        synchronized (lock) {
            Map<Path, EditMap> maps = new HashMap<>();
            for (Map.Entry<Path, Long> e : f.stamps().entrySet()) {
                Path file = e.getKey();
                long then = e.getValue();
                if (stampOf(file) == then) {
                    continue;
                }
                EditLog log = logs.get(file);
                Document d = docs.get(file);
                dtdma.text.SourceFile old = f.analysis().file(file);
                if (log == null || d == null || old == null || then < log.base) {
                    return null;
                }
                List<EditMap.Step> since = new ArrayList<>();
                for (EditMap.Step st : log.steps) {
                    if (st.stamp() > then) {
                        since.add(st);
                    }
                }
                if (since.isEmpty()) {
                    return null;
                }
                maps.put(file, new EditMap(since, new dtdma.text.SourceFile(old.id(), file, d.text())));
            }
            return new View(f.analysis(), Map.copyOf(maps));
        }
    }

    // ------------------------------------------------------------------ contexts wanted on demand

    private final List<java.util.function.Consumer<Path>> demandListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Calls {@code l} with a context's root whenever a request needs that context's analysis. */
    public void onDemand(java.util.function.Consumer<Path> l) {
        demandListeners.add(l);
    }

    private void demanded(Path root) {
        for (var l : demandListeners) {
            l.accept(root);
        }
    }
}
