package dtdma.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.workspace.DiagnosticsEngine;
import dtdma.workspace.FormatSettings;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintRegistrationOptions;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The dtdma language server: a thin protocol layer over {@link Workspace} and the {@code features} package.
 * Handles the lifecycle (initialize, the workspace scan with {@code $/progress}, shutdown, exit, the parent
 * process watch), settings, and the custom requests {@code dtdma/contexts} and {@code dtdma/setActiveContext}.
 */
public final class DtdmaLanguageServer implements LanguageServer, LanguageClientAware {
    private static final Logger LOG = Logger.getLogger(DtdmaLanguageServer.class.getName());

    private final IntConsumer exit;
    private final Workspace ws = new Workspace(Settings.DEFAULT, true);
    private final DiagnosticsEngine engine;
    private volatile FormatSettings formatSettings = FormatSettings.DEFAULT;
    private final DtsTextDocumentService text;
    private final DtsWorkspaceService workspace;
    private final Map<Path, String> clientUris = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dtdma-parent-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private volatile boolean shutdown;
    private volatile List<Path> roots = List.of();
    private volatile boolean progressSupported;
    private volatile boolean watchRegistration;
    private volatile CompletableFuture<Void> scan = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> bindingsLoad = CompletableFuture.completedFuture(null);
    private volatile Path bindingsSetting;
    private volatile Path dtSchemaSetting;
    private volatile String bindingsLoaded = "";
    private ClientLogHandler logHandler;

    /** @param exit called with the exit code on {@code exit} or when the parent process dies */
    public DtdmaLanguageServer(IntConsumer exit) {
        this.exit = exit;
        this.engine = new DiagnosticsEngine(ws, this::publish);
        this.text = new DtsTextDocumentService(this);
        this.workspace = new DtsWorkspaceService(this);
    }

    Workspace ws() {
        return ws;
    }

    private final dtdma.features.LanguageService service = new dtdma.features.LanguageService(ws);

    /** The language service every request goes through. */
    dtdma.features.LanguageService service() {
        return service;
    }

    /** {@code dtdma.format.*} and {@code dtdma.style}. */
    FormatSettings formatSettings() {
        return formatSettings;
    }

    DiagnosticsEngine engine() {
        return engine;
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
        Logger root = Logger.getLogger("dtdma");
        if (logHandler != null) {
            root.removeHandler(logHandler);
        }
        logHandler = new ClientLogHandler(c);
        root.addHandler(logHandler);
    }

    /** Remembers the URI spelling the client used for a file, so diagnostics go back under the same URI. */
    void rememberUri(Path p, String uri) {
        clientUris.put(p, uri);
    }

    String uriOf(Path p) {
        return clientUris.getOrDefault(p, Convert.uri(p));
    }

    private void publish(DiagnosticsEngine.FileDiagnostics fd) {
        LanguageClient c = client;
        if (c == null) {
            return;
        }
        List<org.eclipse.lsp4j.Diagnostic> ds = new ArrayList<>();
        for (dtdma.check.Diagnostic d : fd.diagnostics()) {
            ds.add(Convert.diagnostic(d, fd.sources()));
        }
        PublishDiagnosticsParams p = new PublishDiagnosticsParams(uriOf(fd.file()), ds);
        p.setVersion(fd.version());
        c.publishDiagnostics(p);
    }

    /** Waits until every scheduled analysis has published (for tests). */
    public void awaitIdle() {
        scan.join();
        bindingsLoad.join();
        engine.awaitIdle();
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getProcessId() != null) {
            watchParent(params.getProcessId());
        }
        List<Path> r = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Path p = Convert.path(f.getUri());
                if (p != null) {
                    r.add(p);
                }
            }
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        if (r.isEmpty() && rootUri != null) {
            Path p = Convert.path(rootUri);
            if (p != null) {
                r.add(p);
            }
        }
        roots = List.copyOf(r);
        applySettings(params.getInitializationOptions());
        restoreContexts(params.getInitializationOptions());
        var caps = params.getCapabilities();
        progressSupported = caps != null && caps.getWindow() != null
                && Boolean.TRUE.equals(caps.getWindow().getWorkDoneProgress());
        watchRegistration = caps != null && caps.getWorkspace() != null
                && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());

        ServerCapabilities sc = new ServerCapabilities();
        sc.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        sc.setHoverProvider(true);
        sc.setDefinitionProvider(true);
        sc.setReferencesProvider(true);
        sc.setDocumentSymbolProvider(true);
        sc.setFoldingRangeProvider(true);
        sc.setInlayHintProvider(Either.forRight(new InlayHintRegistrationOptions()));
        EditCapabilities.declare(sc);
        sc.setSemanticTokensProvider(new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
                FeatureConvert.legend(), Boolean.TRUE));
        sc.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
        sc.setWorkspaceSymbolProvider(true);
        sc.setDocumentFormattingProvider(true);
        sc.setDocumentRangeFormattingProvider(true);
        sc.setDocumentOnTypeFormattingProvider(new org.eclipse.lsp4j.DocumentOnTypeFormattingOptions(";", List.of("}")));
        return CompletableFuture.completedFuture(new InitializeResult(sc, new ServerInfo("dtdma", version())));
    }

    private static String version() {
        return dtdma.workspace.Version.get();
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (watchRegistration && c != null) {
            DidChangeWatchedFilesRegistrationOptions o = new DidChangeWatchedFilesRegistrationOptions(List.of(
                    new FileSystemWatcher(Either.forLeft("**/*.{dts,dtsi,dtso,h}"))));
            c.registerCapability(new RegistrationParams(List.of(new Registration(UUID.randomUUID().toString(),
                    "workspace/didChangeWatchedFiles", o))));
        }
        startScan();
        startBindings();
    }

    /** The binding-schema load in the background (for tests: wait on it). */
    CompletableFuture<Void> bindingsLoad() {
        return bindingsLoad;
    }

    /**
     * Loads the binding schemas in the background with {@code $/progress}: the {@code dtdma.bindings} directory,
     * else the bindings of a kernel tree around the first workspace folder; dt-schema's core schemas from
     * {@code dtdma.dtSchema} or an installed dt-schema. Without them the BND checks stay off, said once in the log.
     */
    private void startBindings() {
        LanguageClient c = client;
        Path first = roots.isEmpty() ? null : roots.get(0);
        java.util.Optional<Path> dir = dtdma.bindings.BindingSources.bindingsDir(bindingsSetting,
                bindingsSetting == null && first != null ? first.resolve("Makefile") : null);
        java.util.Optional<Path> core = dtdma.bindings.BindingSources.dtSchemaDir(dtSchemaSetting);
        String key = dir.map(Path::toString).orElse("") + "\0" + core.map(Path::toString).orElse("");
        if (key.equals(bindingsLoaded)) {
            return;
        }
        bindingsLoaded = key;
        if (dir.isEmpty() || core.isEmpty()) {
            String why = dir.isEmpty() ? "no bindings directory (set dtdma.bindings, or open a kernel tree)"
                    : "no dt-schema found (install Debian's dt-schema package, or set dtdma.dtSchema)";
            LOG.info("binding checks off: " + why);
            if (c != null && (bindingsSetting != null || dtSchemaSetting != null || dir.isPresent())) {
                c.logMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Info,
                        "dtdma: binding checks off: " + why));
            }
            ws.setBindings(null);
            return;
        }
        Either<String, Integer> token = Either.forLeft("dtdma-bindings-" + UUID.randomUUID());
        boolean progress = progressSupported && c != null;
        bindingsLoad = CompletableFuture.runAsync(() -> {
            if (progress) {
                try {
                    c.createProgress(new WorkDoneProgressCreateParams(token)).get(10, TimeUnit.SECONDS);
                    WorkDoneProgressBegin b = new WorkDoneProgressBegin();
                    b.setTitle("dtdma: loading binding schemas");
                    c.notifyProgress(new ProgressParams(token, Either.forLeft(b)));
                } catch (Exception e) {
                    LOG.log(Level.FINE, "no progress", e);
                }
            }
            long t0 = System.nanoTime();
            String end;
            try {
                dtdma.bindings.BindingSet set = dtdma.bindings.BindingSet.load(dir.get(), core.get(),
                        dtdma.bindings.BindingSources.defaultCacheDir(), msg -> {
                            if (progress) {
                                WorkDoneProgressReport rep = new WorkDoneProgressReport();
                                rep.setMessage(msg);
                                c.notifyProgress(new ProgressParams(token, Either.forLeft(rep)));
                            }
                        });
                ws.setBindings(set);
                end = set.size() + " schemas" + (set.fromCache() ? " (cached)" : "") + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms";
                LOG.info("binding schemas: " + end + " from " + dir.get());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot load binding schemas from " + dir.get(), e);
                end = "failed: " + e.getMessage();
                if (c != null) {
                    c.logMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Warning,
                            "dtdma: binding checks off: cannot load " + dir.get() + ": " + e.getMessage()));
                }
            }
            if (progress) {
                WorkDoneProgressEnd e = new WorkDoneProgressEnd();
                e.setMessage(end);
                c.notifyProgress(new ProgressParams(token, Either.forLeft(e)));
            }
            engine.refreshAll();
        });
    }

    private void startScan() {
        LanguageClient c = client;
        List<Path> r = roots;
        if (r.isEmpty()) {
            scanned = true;
            return;
        }
        Either<String, Integer> token = Either.forLeft("dtdma-scan-" + UUID.randomUUID());
        boolean progress = progressSupported && c != null;
        scan = CompletableFuture.runAsync(() -> {
            if (progress) {
                try {
                    c.createProgress(new WorkDoneProgressCreateParams(token)).get(10, TimeUnit.SECONDS);
                    WorkDoneProgressBegin b = new WorkDoneProgressBegin();
                    b.setTitle("dtdma: indexing boards");
                    b.setPercentage(0);
                    c.notifyProgress(new ProgressParams(token, Either.forLeft(b)));
                } catch (Exception e) {
                    LOG.log(Level.FINE, "no progress", e);
                }
            }
            int[] lastPct = {-1};
            ws.scan(r, () -> shutdown, (done, total) -> {
                scanDone = done;
                scanTotal = total;
                int pct = total == 0 ? 100 : done * 100 / total;
                if (progress && pct != lastPct[0] && pct % 5 == 0) {
                    lastPct[0] = pct;
                    WorkDoneProgressReport rep = new WorkDoneProgressReport();
                    rep.setMessage(done + "/" + total + " boards");
                    rep.setPercentage(pct);
                    c.notifyProgress(new ProgressParams(token, Either.forLeft(rep)));
                }
            });
            if (progress) {
                WorkDoneProgressEnd e = new WorkDoneProgressEnd();
                e.setMessage(ws.index().boards().size() + " boards");
                c.notifyProgress(new ProgressParams(token, Either.forLeft(e)));
            }
            scanned = true;
            engine.refreshAll();
        }).exceptionally(e -> {
            LOG.log(Level.WARNING, "workspace scan failed", e);
            scanned = true;
            return null;
        });
    }

    private volatile int scanDone;
    private volatile int scanTotal;
    private volatile boolean scanned;

    /**
     * Context choices of an earlier session, from {@code initializationOptions.contexts}:
     * {@code [{"uri": file, "context": board, "explicit": bool}]}. Malformed entries are skipped.
     */
    private void restoreContexts(Object options) {
        if (!(options instanceof com.google.gson.JsonObject o) || !o.has("contexts") || !o.get("contexts").isJsonArray()) {
            return;
        }
        for (JsonElement e : o.getAsJsonArray("contexts")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject c = e.getAsJsonObject();
            JsonElement u = c.get("uri");
            JsonElement b = c.get("context");
            if (u == null || b == null || !u.isJsonPrimitive() || !b.isJsonPrimitive()) {
                continue;
            }
            Path file = Convert.path(u.getAsString());
            Path board = Convert.path(b.getAsString());
            if (file != null && board != null) {
                JsonElement x = c.get("explicit");
                ws.rememberContext(file, board, x != null && x.isJsonPrimitive() && x.getAsBoolean());
            }
        }
    }

    /**
     * {@code dtdma/status}: {@code {"state": "starting" | "indexing" | "ready", "done": n, "total": n,
     * "boards": n}} — the board index scan's progress, for a client's status display.
     */
    @JsonRequest(value = "dtdma/status", useSegment = false)
    public CompletableFuture<JsonObject> status(JsonObject params) {
        JsonObject o = new JsonObject();
        o.addProperty("state", scanned ? "ready" : scanTotal > 0 ? "indexing" : "starting");
        o.addProperty("done", scanDone);
        o.addProperty("total", scanTotal);
        o.addProperty("boards", ws.index().boards().size());
        return CompletableFuture.completedFuture(o);
    }

    /**
     * {@code dtdma/messageTooLarge}: stands in for a message whose body was above the frame limit (see
     * {@link FramingInputStream}); params {@code {method, bytes, uri?}}. A request is answered with an
     * {@code InvalidRequest} error. A dropped {@code didOpen} or {@code didChange} leaves the server without the
     * editor's text, so it stops following that document (it is closed here; later changes to it are ignored
     * until it is opened again) and tells the user, rather than analysing text the editor no longer has.
     */
    @JsonRequest(value = "dtdma/messageTooLarge", useSegment = false)
    public CompletableFuture<Object> messageTooLarge(JsonObject params) {
        String method = params != null && params.has("method") ? params.get("method").getAsString() : "a message";
        long bytes = params != null && params.has("bytes") ? params.get("bytes").getAsLong() : -1;
        String uri = params != null && params.has("uri") ? params.get("uri").getAsString() : null;
        String size = bytes + " bytes, above the limit of " + dtdma.check.Budgets.MAX_MESSAGE_BYTES + " bytes";
        Path p = uri == null ? null : Convert.path(uri);
        LanguageClient c = client;
        if (p != null && (method.equals("textDocument/didOpen") || method.equals("textDocument/didChange"))) {
            ws.close(p);
            engine.changed(p);
            if (c != null) {
                c.showMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Error, "dtdma: "
                        + method + " for " + p.getFileName() + " was " + size + "; it was dropped and the server no "
                        + "longer follows this document: close and reopen it (checks read the file on disk meanwhile)"));
            }
        } else if (c != null) {
            c.logMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Warning,
                    "dtdma: " + method + " was " + size + "; it was dropped"));
        }
        return CompletableFuture.failedFuture(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(
                new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidRequest,
                        method + " was " + size, null)));
    }

    void applySettings(Object options) {
        JsonElement json = options instanceof JsonElement j ? j : null;
        if (options != null && json == null) {
            LOG.warning("dtdma settings are not JSON: " + options + "; keeping the previous settings");
            return;
        }
        Path base = roots.isEmpty() ? null : roots.get(0);
        Settings s = Settings.fromJson(json, base, ws.settings(), LOG::warning);
        FormatSettings fs = FormatSettings.fromJson(json, formatSettings, LOG::warning);
        boolean restyle = fs.style() != formatSettings.style();
        formatSettings = fs;
        engine.setStyle(fs.style());
        ws.configure(s);
        if (restyle) {
            engine.refreshAll();
        }
        readBindingSettings(json, base);
    }

    /** {@code dtdma.bindings} and {@code dtdma.dtSchema}: directories (relative to the workspace root). */
    private void readBindingSettings(JsonElement json, Path base) {
        if (json == null || !json.isJsonObject()) {
            return;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("dtdma") && o.get("dtdma").isJsonObject()) {
            o = o.getAsJsonObject("dtdma");
        }
        boolean changed = false;
        for (String key : List.of("bindings", "dtSchema")) {
            if (!o.has(key)) {
                continue;
            }
            JsonElement e = o.get(key);
            Path p = null;
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isBlank()) {
                try {
                    p = Path.of(e.getAsString());
                    p = (base != null && !p.isAbsolute() ? base.resolve(p) : p).toAbsolutePath().normalize();
                } catch (java.nio.file.InvalidPathException ex) {
                    LOG.warning("dtdma." + key + " is not a valid path: " + e + "; ignored");
                    p = null;
                }
            } else if (!e.isJsonNull()) {
                LOG.warning("dtdma." + key + " must be a directory, got " + e + "; ignored");
            }
            if (key.equals("bindings")) {
                changed |= !java.util.Objects.equals(p, bindingsSetting);
                bindingsSetting = p;
            } else {
                changed |= !java.util.Objects.equals(p, dtSchemaSetting);
                dtSchemaSetting = p;
            }
        }
        if (changed && client != null && !bindingsLoaded.isEmpty()) {
            startBindings();
        }
    }

    private void watchParent(long pid) {
        watchdog.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                LOG.warning("parent process " + pid + " is gone; exiting");
                exit.accept(1);
            }
        }, 1, 3, TimeUnit.SECONDS);
    }

    /** Watches a client process given on the command line ({@code --clientProcessId}). */
    public void watchClientProcess(long pid) {
        watchParent(pid);
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        engine.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        watchdog.shutdownNow();
        engine.shutdown();
        exit.accept(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return text;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    /** {@code dtdma/contexts}: the boards a file is analysed in, and which one is active. */
    @JsonRequest(value = "dtdma/contexts", useSegment = false)
    public CompletableFuture<JsonObject> contexts(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            Path p = params == null || !params.has("uri") ? null : Convert.path(params.get("uri").getAsString());
            JsonObject out = new JsonObject();
            com.google.gson.JsonArray arr = new com.google.gson.JsonArray();
            if (p != null) {
                Path active = ws.activeContext(p);
                for (Path c : ws.contexts(p)) {
                    JsonObject o = new JsonObject();
                    o.addProperty("uri", Convert.uri(c));
                    o.addProperty("active", c.equals(active));
                    o.addProperty("explicit", c.equals(active) && ws.explicitContext(p));
                    o.addProperty("partial", c.equals(p) && !dtdma.workspace.Boards.isBoard(p));
                    arr.add(o);
                }
            }
            out.add("contexts", arr);
            return out;
        });
    }

    /** {@code dtdma/setActiveContext}: picks the board a file is analysed in; answers whether it was accepted. */
    @JsonRequest(value = "dtdma/setActiveContext", useSegment = false)
    public CompletableFuture<Boolean> setActiveContext(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            if (params == null || !params.has("uri") || !params.has("context")) {
                return false;
            }
            Path p = Convert.path(params.get("uri").getAsString());
            Path c = Convert.path(params.get("context").getAsString());
            if (p == null || c == null || !ws.setActiveContext(p, c)) {
                return false;
            }
            engine.refreshAll();
            engine.changed(p);
            return true;
        });
    }

    private final DtdmaRequests requests = new DtdmaRequests(this);

    /** The device-link requests, for tests. */
    DtdmaRequests dtdmaRequests() {
        return requests;
    }

    /** {@code dtdma/topology}: the topology graph of a board as JSON (see {@link DtdmaRequests#topology}). */
    @JsonRequest(value = "dtdma/topology", useSegment = false)
    public CompletableFuture<JsonObject> topology(JsonObject params) {
        return requests.topology(params);
    }

    /** {@code dtdma/simulate}: a scenario's states and traces (see {@link DtdmaRequests#simulate}). */
    @JsonRequest(value = "dtdma/simulate", useSegment = false)
    public CompletableFuture<JsonObject> simulate(JsonObject params) {
        return requests.simulate(params);
    }

    /**
     * {@code dtdma/heap}: the heap in use after a full GC (see {@link DtdmaRequests#heap}), for the benchmark.
     * A debug request: answered only when the server runs with {@code -Ddtdma.debug=true}, else MethodNotFound.
     */
    @JsonRequest(value = "dtdma/heap", useSegment = false)
    public CompletableFuture<JsonObject> heap(JsonObject params) {
        if (!Boolean.getBoolean("dtdma.debug")) {
            CompletableFuture<JsonObject> f = new CompletableFuture<>();
            f.completeExceptionally(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(
                    new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                            org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.MethodNotFound,
                            "dtdma/heap is a debug request: start the server with -Ddtdma.debug=true", null)));
            return f;
        }
        return requests.heap(params);
    }
}
