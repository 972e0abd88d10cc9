package dtdma.workspace;

import dtdma.check.Diagnostic;
import dtdma.style.StyleChecks;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the published diagnostics of the live contexts current. Every change schedules the affected contexts
 * on a background thread that analyses up to {@link #PARALLEL} of them at once on a bounded pool (an analysis in
 * flight restarts inside the workspace when a file it read changes, and runs on when an unrelated file does); the
 * active context of the file edited last goes first, then those that were fastest last time, and each is
 * published as soon as it is done, so one slow board does not hold back the others (a file's diagnostics wait
 * only for its active context; contexts that read an older version of it are left out until they are redone); a context's diagnostics go to every file of
 * the context (an error a board causes in an included {@code .dtsi} is shown on that file), merged over the
 * live contexts. After an edit of an open document, the other contexts that read it (the other open boards
 * including an edited {@code .dtsi}) are re-checked only once the user is idle or a request needs them. A file
 * whose diagnostics went away gets an empty list; results for a document version that is
 * no longer current are dropped. The publisher is injected, and {@link #awaitIdle()} lets tests wait without
 * sleeping.
 */
public final class DiagnosticsEngine {
    private static final Logger LOG = Logger.getLogger(DiagnosticsEngine.class.getName());

    /** The diagnostics of one file; {@code version} is the open document's version, or null for a closed file. */
    public record FileDiagnostics(Path file, Integer version, List<Diagnostic> diagnostics, SourceRegistry sources) {
        public FileDiagnostics {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Workspace ws;
    /** Whether the style checks (STY0xx) run on the files of each analysis ({@code dtdma.style}). */
    private volatile boolean style;
    private final Consumer<FileDiagnostics> publisher;
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "dtdma-analysis", 64L << 20); // deep include chains recurse
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> dirty = new LinkedHashSet<>();
    private final Map<Path, Map<Path, List<Diagnostic>>> byRoot = new HashMap<>();
    private final Map<Path, SourceRegistry> registries = new HashMap<>();
    private final Map<Path, List<Diagnostic>> published = new HashMap<>();
    private AtomicBoolean current = new AtomicBoolean();
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

    public DiagnosticsEngine(Workspace ws, Consumer<FileDiagnostics> publisher) {
        this.ws = ws;
        this.publisher = publisher;
        ws.onDemand(this::demand);
    }

    /**
     * A file changed (opened, edited, closed, or changed on disk): re-check every live context it is part of. For
     * an open document, its active context is checked at once; the other contexts that read it (the other open
     * boards including an edited {@code .dtsi}) wait until the user is idle ({@link #IDLE_MILLIS} without an edit)
     * or a request needs one of them, and work on them in flight yields to the next edit.
     */
    public synchronized void changed(Path file) {
        Path p = file.toAbsolutePath().normalize();
        Path ctx = null;
        if (ws.document(p) != null) {
            ctx = ws.activeContext(p);
            dirty.add(ctx);
            deferred.remove(ctx);
            lazy.remove(ctx);
            first = ctx; // the context the user is looking at goes before the other boards that read the file
            lastEdit = System.nanoTime();
        }
        Path active = ctx;
        byRoot.forEach((root, files) -> {
            if (root.equals(p) || files.containsKey(p)) {
                if (active == null || root.equals(active)) {
                    dirty.add(root);
                } else {
                    dirty.remove(root);
                    deferred.add(root);
                    lazy.add(root);
                }
            }
        });
        armIdle();
        schedule();
    }

    /** How long the user must not edit before the other includers of an edited file are re-checked. */
    public static final long IDLE_MILLIS = Long.getLong("dtdma.idleMillis", 400L);
    /** Contexts to re-check once the user is idle or a request needs them. */
    private final Set<Path> deferred = new LinkedHashSet<>();
    /**
     * Contexts re-checked only because a file they include changed (not one of their own documents, not needed by
     * a request): when such work yields to a new edit it waits for the next idle period again.
     */
    private final Set<Path> lazy = new java.util.HashSet<>();
    private volatile long lastEdit = System.nanoTime();
    private boolean idleArmed;
    private final java.util.concurrent.ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dtdma-idle");
        t.setDaemon(true);
        return t;
    });

    /** A request needs a context's analysis: a deferred context is re-checked now. */
    private synchronized void demand(Path root) {
        lazy.remove(root);
        if (deferred.remove(root)) {
            dirty.add(root);
            schedule();
            notifyAll();
        }
    }

    private void armIdle() {
        if (!idleArmed && !deferred.isEmpty() && !shut) {
            idleArmed = true;
            long wait = Math.max(1, IDLE_MILLIS - (System.nanoTime() - lastEdit) / 1_000_000);
            try {
                idle.schedule(this::idleTick, wait, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                idleArmed = false; // shut down
            }
        }
    }

    /** The user has been idle long enough: the deferred contexts are re-checked (else the timer waits on). */
    private synchronized void idleTick() {
        idleArmed = false;
        if ((System.nanoTime() - lastEdit) / 1_000_000 < IDLE_MILLIS) {
            armIdle();
            return;
        }
        if (!deferred.isEmpty()) {
            dirty.addAll(deferred);
            deferred.clear();
            schedule();
        }
        notifyAll();
    }

    /** The contexts waiting for the user to be idle (for tests). */
    synchronized Set<Path> deferred() {
        return new LinkedHashSet<>(deferred);
    }

    /** Re-checks every live context (after a settings change or the workspace scan). */
    public synchronized void refreshAll() {
        dirty.addAll(ws.liveContexts());
        dirty.addAll(byRoot.keySet());
        schedule();
    }

    private void schedule() {
        current.set(true);
        AtomicBoolean token = new AtomicBoolean();
        current = token;
        last = last.thenRunAsync(() -> run(token), exec).exceptionally(e -> {
            LOG.log(Level.SEVERE, "diagnostics failed", e);
            return null;
        });
    }

    /** Turns the style checks on or off; the caller refreshes the published diagnostics. */
    public void setStyle(boolean on) {
        style = on;
    }

    /** Waits until every scheduled check has run and published, the deferred ones included. */
    public void awaitIdle() {
        while (true) {
            CompletableFuture<Void> f;
            synchronized (this) {
                f = last;
            }
            f.join();
            synchronized (this) {
                if (f == last && deferred.isEmpty()) {
                    return;
                }
                if (f == last) {
                    try {
                        wait(IDLE_MILLIS); // until the idle timer moves the deferred contexts on
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Stops the background thread. */
    public void shutdown() {
        current.set(true);
        shut = true;
        exec.shutdownNow();
        pool.shutdownNow();
        idle.shutdownNow();
    }

    private void run(AtomicBoolean cancelled) {
        Set<Path> live = ws.liveContexts();
        Set<Path> touched = unpublished;
        synchronized (this) {
            for (Iterator<Map.Entry<Path, Map<Path, List<Diagnostic>>>> it = byRoot.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Path, Map<Path, List<Diagnostic>>> e = it.next();
                if (!live.contains(e.getKey())) {
                    touched.addAll(e.getValue().keySet());
                    touched.add(e.getKey());
                    registries.remove(e.getKey());
                    it.remove();
                }
            }
            dirty.addAll(live.stream().filter(r -> !byRoot.containsKey(r)).toList());
        }
        while (true) {
            // what the previous contexts changed is published before the next ones are analysed
            publish(touched, cancelled);
            List<Path> batch = new ArrayList<>();
            synchronized (this) {
                if (cancelled.get()) {
                    return;
                }
                // the active context of the file edited last goes first; then the contexts that took least time
                // last: one slow board does not hold back the diagnostics of the others
                List<Path> order = new ArrayList<>(dirty.stream().filter(live::contains)
                        .sorted(java.util.Comparator.comparingLong(r -> lastMillis.getOrDefault(r, 0L))).toList());
                if (first != null && order.remove(first)) {
                    order = List.of(first); // the context the user is looking at runs alone, on the whole machine
                }
                if (order.isEmpty()) {
                    dirty.clear();
                    break;
                }
                batch.addAll(order.subList(0, Math.min(PARALLEL, order.size())));
                dirty.removeAll(batch);
            }
            // different boards in parallel (a bounded pool); each is published as soon as it is done
            List<CompletableFuture<Analysis>> running = new ArrayList<>();
            for (int i = 1; i < batch.size(); i++) {
                Path r = batch.get(i);
                running.add(CompletableFuture.supplyAsync(() -> ws.analysis(r, yielding(r, cancelled), false), pool));
            }
            boolean again = false;
            for (int i = 0; i < batch.size(); i++) {
                Path root = batch.get(i);
                long t0 = System.nanoTime();
                Analysis a;
                try {
                    a = i == 0 ? ws.analysis(root, yielding(root, cancelled), false) : join(running.get(i - 1));
                } catch (CancellationException e) {
                    yielded(root);
                    again = true;
                    continue;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    LOG.log(Level.SEVERE, "analysis of " + root + " failed", e);
                    failed(root, e, touched);
                    continue;
                }
                try {
                    record(root, a, touched, yielding(root, cancelled));
                } catch (CancellationException e) {
                    yielded(root); // the style checks yield like the analysis (which stays cached: quick again)
                    again = true;
                    continue;
                }
                synchronized (this) {
                    lastMillis.put(root, (System.nanoTime() - t0) / 1_000_000);
                    lazy.remove(root);
                }
                publish(touched, cancelled);
            }
            if (again) {
                return;
            }
        }
        publish(touched, cancelled);
    }

    /** Files whose diagnostics changed and are not yet published (the engine thread's own). */
    private final Set<Path> unpublished = new TreeSet<>();

    /** How many contexts the engine analyses at once. */
    static final int PARALLEL = Math.max(1, Integer.getInteger("dtdma.analysisThreads",
            Math.min(2, Runtime.getRuntime().availableProcessors())));
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
        Thread t = new Thread(null, r, "dtdma-analysis-pool", 64L << 20);
        t.setDaemon(true);
        return t;
    });
    private volatile boolean shut;
    /**
     * The cancel signal of one context's analysis in a run. It stops at shutdown (and, inside the workspace, when
     * a file it read changes: the work is then re-ordered, the edited file's active context first); it yields
     * when newer work was scheduled (the run's token) while the user has moved on to another context. The context
     * the user is looking at is never interrupted by changes elsewhere, and a slow board being analysed in the
     * background never holds back the diagnostics of the file the user just opened or edited: it is re-queued
     * behind it.
     */
    private dtdma.text.Cancel yielding(Path root, AtomicBoolean runToken) {
        return () -> shut || (runToken.get() && !root.equals(first));
    }

    /** A context whose work yielded runs again: at once, or, for an includer checked lazily, when the user is idle. */
    private synchronized void yielded(Path root) {
        if (root.equals(first) || !lazy.contains(root)) {
            dirty.add(root);
        } else {
            deferred.add(root); // superseded by an edit elsewhere: again once the user is idle
            armIdle();
        }
    }

    private static Analysis join(CompletableFuture<Analysis> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Files a context's diagnostics by file, with the versions of the documents it read. */
    private void record(Path root, Analysis a, Set<Path> touched, dtdma.text.Cancel cancel) {
        Map<Path, List<Diagnostic>> grouped = new LinkedHashMap<>();
        for (Path f : a.files().keySet()) {
            grouped.put(f, new ArrayList<>());
        }
        grouped.computeIfAbsent(root, k -> new ArrayList<>());
        SeverityOverrides overrides = ws.settings().severity();
        List<Diagnostic> all = a.result().diagnostics();
        if (style) {
            all = new ArrayList<>(all);
            dtdma.style.StyleHints order = FormatHints.labelOrder(a);
            for (SourceFile sf : a.files().values()) {
                all.addAll(StyleChecks.run(sf, order, cancel));
            }
        }
        for (Diagnostic d0 : all) {
            Diagnostic d = overrides.apply(d0);
            if (d == null) {
                continue;
            }
            SourceFile f = a.fileOf(d.span());
            if (f != null) {
                grouped.computeIfAbsent(f.path().toAbsolutePath().normalize(), k -> new ArrayList<>()).add(d);
            }
        }
        synchronized (this) {
            Map<Path, List<Diagnostic>> old = byRoot.put(root, grouped);
            registries.put(root, a.sources());
            if (old != null) {
                touched.addAll(old.keySet());
            }
            touched.addAll(grouped.keySet());
            versions.put(root, a.versions());
        }
    }

    private final Map<Path, Map<Path, Integer>> versions = new HashMap<>();
    /** The active context of the file changed last: analysed first. */
    private volatile Path first;
    private final Map<Path, Long> lastMillis = new HashMap<>();

    /**
     * An analysis that threw (the pipeline catches what it expects, so this is a bug): the context's file gets
     * one diagnostic saying so, never an empty list that reads as "no problems".
     */
    private void failed(Path root, Throwable e, Set<Path> touched) {
        SourceRegistry reg = new SourceRegistry();
        SourceFile f = reg.register(root, "");
        Diagnostic d = Diagnostic.of(dtdma.check.Code.LIM002, new dtdma.text.Span(f.id(), 0, 0),
                "dtdma could not analyse this file: internal error " + e + "; no other problems are reported for it");
        Map<Path, List<Diagnostic>> grouped = new LinkedHashMap<>();
        grouped.put(root, new ArrayList<>(List.of(d)));
        synchronized (this) {
            Map<Path, List<Diagnostic>> old = byRoot.put(root, grouped);
            registries.put(root, reg);
            if (old != null) {
                touched.addAll(old.keySet());
            }
            touched.add(root);
            versions.remove(root);
        }
    }

    /**
     * A context's diagnostics on a file reach the user when the file is open or the context's board is: a board
     * that only lends its tree to an open {@code .dtsi} shows nothing on its own files.
     */
    private boolean shown(Path file, Path root) {
        return ws.document(file) != null || ws.document(root) != null;
    }

    private void publish(Set<Path> touched, AtomicBoolean cancelled) {
        for (Path f : new ArrayList<>(touched)) {
            List<Diagnostic> merged = new ArrayList<>();
            Set<Object> seen = new java.util.HashSet<>();
            SourceRegistry reg = null;
            Document doc = ws.document(f);
            Path active = doc == null ? null : ws.activeContext(f);
            boolean activeStale = false;
            boolean activeMissing;
            synchronized (this) {
                if (cancelled.get()) {
                    return; // the rest stay unpublished for the next run
                }
                activeMissing = active != null && !byRoot.containsKey(active);
                for (Map.Entry<Path, Map<Path, List<Diagnostic>>> e : byRoot.entrySet()) {
                    List<Diagnostic> l = e.getValue().get(f);
                    if (l == null || !shown(f, e.getKey())) {
                        continue;
                    }
                    Integer v = versions.getOrDefault(e.getKey(), Map.of()).get(f);
                    if (doc != null && v != null && doc.version() != v) {
                        // this context read an older version: its spans do not fit the text; it is re-analysed
                        activeStale |= e.getKey().equals(active);
                        continue;
                    }
                    reg = registries.get(e.getKey());
                    for (Diagnostic d : l) {
                        if (seen.add(List.of(d.code(), d.span(), d.message()))) {
                            merged.add(d);
                        }
                    }
                }
            }
            touched.remove(f);
            if (activeStale || activeMissing) {
                continue; // the context the user sees is being re-analysed: published when it is done
            }
            List<Diagnostic> before = published.get(f);
            if (doc == null && (before == null ? merged.isEmpty() : before.equals(merged))) {
                continue;
            }
            if (merged.isEmpty()) {
                published.remove(f);
            } else {
                published.put(f, merged);
            }
            try {
                publisher.accept(new FileDiagnostics(f, doc == null ? null : doc.version(), merged, reg));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "publishing diagnostics of " + f + " failed", e);
            }
        }
    }
}
