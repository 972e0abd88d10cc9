package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapter tier: the real server object with a recording client, no streams. */
class ServerAdapterTest {
    static final Path REPO = Path.of(System.getProperty("dtdma.repo", "..")).toAbsolutePath().normalize();
    static final Path DEMO = REPO.resolve("examples/imx-demo");
    static final Path BROKEN = DEMO.resolve("broken-board.dts");
    static final Path SOC = DEMO.resolve("demo-soc.dtsi");

    RecordingClient client;
    DtdmaLanguageServer server;
    int exitCode = -1;

    static InitializeParams init(Path root) {
        InitializeParams p = new InitializeParams();
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "demo")));
        p.setInitializationOptions(JsonParser.parseString("{\"dtdma\": {\"includePaths\": [\"../include\"]}}"));
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities w = new WindowClientCapabilities();
        w.setWorkDoneProgress(true);
        caps.setWindow(w);
        p.setCapabilities(caps);
        return p;
    }

    @BeforeEach
    void start() {
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> exitCode = code);
        server.connect(client);
        server.initialize(init(DEMO)).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
    }

    @AfterEach
    void stop() {
        server.shutdown().join();
    }

    static String uri(Path p) {
        return p.toUri().toString();
    }

    void open(Path p, int version) throws Exception {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(p), "dts", version, Files.readString(p))));
        server.awaitIdle();
    }

    static boolean hasCode(PublishDiagnosticsParams p, String prefix) {
        return p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().startsWith(prefix));
    }

    @Test
    void scanReportsProgress() {
        assertFalse(client.progress.isEmpty());
    }

    @Test
    void openPublishesDiagnosticsWithTheVersion() throws Exception {
        open(BROKEN, 1);
        PublishDiagnosticsParams p = client.last(uri(BROKEN));
        assertNotNull(p);
        assertEquals(1, p.getVersion());
        assertTrue(hasCode(p, "DT0") || hasCode(p, "SD"), p.toString());
        assertTrue(hasCode(p, "DTS"), "the missing ';' is a syntax error: " + p);
    }

    @Test
    void changeRepublishesForTheNewVersionOnly() throws Exception {
        open(BROKEN, 1);
        int before = client.diagnostics.size();
        // line 8 (0-based): '\tstatus = "okay"' misses its ';'
        String line = Files.readAllLines(BROKEN).get(8);
        assertEquals("\tstatus = \"okay\"", line);
        TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(
                new Range(new Position(8, line.length()), new Position(8, line.length())), ";");
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(BROKEN), 2), List.of(e)));
        server.awaitIdle();
        List<PublishDiagnosticsParams> after = client.publishedFor(uri(BROKEN));
        after = after.subList(Math.min(after.size(), countFor(before)), after.size());
        assertFalse(after.isEmpty());
        for (PublishDiagnosticsParams p : after) {
            assertEquals(2, p.getVersion());
        }
        PublishDiagnosticsParams last = client.last(uri(BROKEN));
        assertFalse(hasCode(last, "DTS"), "syntax error fixed: " + last);
        assertTrue(hasCode(last, "DT0") || hasCode(last, "SD"));
    }

    private int countFor(int firstN) {
        int n = 0;
        for (int i = 0; i < firstN; i++) {
            if (client.diagnostics.get(i).getUri().equals(uri(BROKEN))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void closeClearsDiagnostics() throws Exception {
        open(BROKEN, 1);
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(BROKEN))));
        server.awaitIdle();
        assertTrue(client.last(uri(BROKEN)).getDiagnostics().isEmpty());
    }

    @Test
    void dtsiIsCheckedInItsBoardAndContextsAreListed() throws Exception {
        open(SOC, 1);
        assertNotNull(client.last(uri(SOC)));
        JsonObject q = new JsonObject();
        q.addProperty("uri", uri(SOC));
        JsonObject r = server.contexts(q).join();
        assertEquals(2, r.getAsJsonArray("contexts").size());
        assertTrue(r.getAsJsonArray("contexts").get(0).getAsJsonObject().get("active").getAsBoolean());
        JsonObject set = new JsonObject();
        set.addProperty("uri", uri(SOC));
        set.addProperty("context", uri(DEMO.resolve("demo-board.dts")));
        assertTrue(server.setActiveContext(set).join());
        assertTrue(server.contexts(q).join().getAsJsonArray("contexts").get(1).getAsJsonObject().get("active")
                .getAsBoolean());
        server.awaitIdle();
    }

    static final Path DEMO_BOARD = DEMO.resolve("demo-board.dts");

    private Path activeContextOf(Path file) {
        JsonObject q = new JsonObject();
        q.addProperty("uri", uri(file));
        for (var e : server.contexts(q).join().getAsJsonArray("contexts")) {
            if (e.getAsJsonObject().get("active").getAsBoolean()) {
                return Path.of(java.net.URI.create(e.getAsJsonObject().get("uri").getAsString()));
            }
        }
        return null;
    }

    private boolean publishedProblemsFor(Path p) {
        return client.publishedFor(uri(p)).stream().anyMatch(d -> !d.getDiagnostics().isEmpty());
    }

    @Test
    void dtsiTakesTheBoardOpenedLastAndOtherBoardsStayOutOfProblems() throws Exception {
        open(DEMO_BOARD, 1);
        open(SOC, 1);
        // broken-board.dts sorts first, but the user opened demo-board.dts
        assertEquals(DEMO_BOARD, activeContextOf(SOC));
        assertFalse(publishedProblemsFor(BROKEN), "broken-board.dts was never opened: " + client.diagnostics);
        JsonObject set = new JsonObject();
        set.addProperty("uri", uri(SOC));
        set.addProperty("context", uri(BROKEN));
        assertTrue(server.setActiveContext(set).join());
        server.awaitIdle();
        assertEquals(BROKEN, activeContextOf(SOC));
        assertFalse(publishedProblemsFor(BROKEN), "a board that only lends its tree to the .dtsi shows nothing");
        open(BROKEN, 1);
        assertTrue(hasCode(client.last(uri(BROKEN)), "DTS"), "opened: its problems show");
        // a board opened later does not override the user's pick
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(BROKEN))));
        server.awaitIdle();
        assertTrue(client.last(uri(BROKEN)).getDiagnostics().isEmpty(), "closed again: cleared");
        open(DEMO_BOARD, 2);
        assertEquals(BROKEN, activeContextOf(SOC));
    }

    @Test
    void dtsiFollowsTheMostRecentlyEditedBoard() throws Exception {
        open(DEMO_BOARD, 1);
        open(BROKEN, 1);
        open(SOC, 1);
        assertEquals(BROKEN, activeContextOf(SOC));
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri(DEMO_BOARD), 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), " "))));
        server.awaitIdle();
        assertEquals(DEMO_BOARD, activeContextOf(SOC));
    }

    @Test
    void contextChoicesOfAnEarlierSessionAreRestored() throws Exception {
        server.shutdown().join();
        server = new DtdmaLanguageServer(code -> exitCode = code);
        client = new RecordingClient();
        server.connect(client);
        InitializeParams p = init(DEMO);
        p.setInitializationOptions(JsonParser.parseString("{\"dtdma\": {\"includePaths\": [\"../include\"]},"
                + " \"contexts\": [{\"uri\": \"" + uri(SOC) + "\", \"context\": \"" + uri(DEMO_BOARD) + "\"},"
                + " {\"uri\": 3}, {\"uri\": \"" + uri(DEMO.resolve("nothing.dtsi")) + "\", \"context\": \"" + uri(BROKEN)
                + "\", \"explicit\": true}]}"));
        server.initialize(p).join();
        JsonObject status = server.status(new JsonObject()).join();
        assertEquals("starting", status.get("state").getAsString());
        server.initialized(new InitializedParams());
        server.awaitIdle();
        status = server.status(new JsonObject()).join();
        assertEquals("ready", status.get("state").getAsString());
        assertEquals(2, status.get("boards").getAsInt());
        open(SOC, 1);
        assertEquals(DEMO_BOARD, activeContextOf(SOC), "remembered, though broken-board.dts sorts first");
        open(BROKEN, 1);
        assertEquals(BROKEN, activeContextOf(SOC), "a board opened in this session wins over a remembered default");
    }

    @Test
    void hoverNamesTheBoardAndPutsRuntimePmFirst() throws Exception {
        open(SOC, 1);
        String text = Files.readString(SOC);
        int at = text.indexOf("dmas = <&sdma1");
        assertTrue(at > 0);
        var hover = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri(SOC)),
                pos(text, at + "dmas = <&sdma1 ".length()))).join();
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.startsWith("Board: `broken-board.dts`"), md);
        int pm = md.indexOf("**Runtime PM** (mode `");
        assertTrue(pm > 0 && pm < md.indexOf("- controller:"), md);
        assertTrue(md.indexOf("\n") < pm && md.substring(0, pm).split("\n").length <= 3, md);
    }

    @Test
    void requestsAnswerOnAnOpenBoard() throws Exception {
        open(BROKEN, 1);
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri(BROKEN));
        String text = Files.readString(BROKEN);
        Position dmas = pos(text, text.indexOf("<&sdma1 22") + 3);
        var hover = server.getTextDocumentService().hover(new HoverParams(id, dmas)).join();
        assertTrue(hover.getContents().getRight().getValue().contains("event: 22"));
        var def = server.getTextDocumentService().definition(new DefinitionParams(id, dmas)).join();
        assertTrue(def.getLeft().get(0).getUri().endsWith("demo-soc.dtsi"));
        var refs = server.getTextDocumentService().references(
                new ReferenceParams(id, dmas, new ReferenceContext(true))).join();
        assertTrue(refs.size() >= 3, refs.toString());
        assertFalse(server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(id)).join().isEmpty());
        assertFalse(server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(id)).join().isEmpty());
        var hints = server.getTextDocumentService().inlayHint(new InlayHintParams(id,
                new Range(new Position(0, 0), new Position(100, 0)))).join();
        assertEquals(2, hints.size());
        assertTrue(hints.get(0).getLabel().getLeft().contains("UART rx · prio high"), hints.get(0).getLabel().getLeft());
    }

    static Position pos(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, offset - start);
    }

    @Test
    void outOfOrderRequestsOnUnknownUrisAnswerEmpty() {
        for (String u : List.of("file:///nowhere/x.dts", "untitled:Untitled-1", "not a uri", "file:///nowhere/y.dtsi")) {
            TextDocumentIdentifier id = new TextDocumentIdentifier(u);
            Position p = new Position(3, 4);
            var t = server.getTextDocumentService();
            assertNull(t.hover(new HoverParams(id, p)).join());
            assertTrue(t.definition(new DefinitionParams(id, p)).join().getLeft().isEmpty());
            assertTrue(t.references(new ReferenceParams(id, p, new ReferenceContext(true))).join().isEmpty());
            assertTrue(t.documentSymbol(new DocumentSymbolParams(id)).join().isEmpty());
            assertTrue(t.foldingRange(new FoldingRangeRequestParams(id)).join().isEmpty());
            assertTrue(t.inlayHint(new InlayHintParams(id, new Range(p, p))).join().isEmpty());
            t.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(u, 5),
                    List.of(new TextDocumentContentChangeEvent("x"))));
            t.didClose(new DidCloseTextDocumentParams(id));
            JsonObject q = new JsonObject();
            q.addProperty("uri", u);
            server.contexts(q).join();
            q.addProperty("context", "file:///elsewhere/z.dts");
            assertFalse(server.setActiveContext(q).join());
        }
        server.awaitIdle();
    }

    @Test
    void badSettingsAreLoggedAndIgnored() {
        var before = server.ws().settings();
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                JsonParser.parseString("{\"dtdma\": {\"includePaths\": 7, \"kernelRoot\": [1]}}")));
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams("nonsense"));
        server.awaitIdle();
        assertEquals(before, server.ws().settings());
        assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().contains("includePaths")), client.logs.toString());
    }

    /** dtc's checks as you type: the level comes from dtdma.dtcWarnings; related places reach the client. */
    @Test
    void dtcWarningLevelFollowsTheSettingAndLinksTheOtherNode(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path board = dir.resolve("u.dts");
        Files.writeString(board, "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                + "\ta@10 { reg = <0x10 4>; };\n\tb@10 { reg = <0x10 4>; };\n};\n");
        RecordingClient c = new RecordingClient();
        DtdmaLanguageServer s = new DtdmaLanguageServer(code -> { });
        s.connect(c);
        s.initialize(init(dir)).join();
        s.initialized(new InitializedParams());
        s.awaitIdle();
        s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(board), "dts", 1, Files.readString(board))));
        s.awaitIdle();
        assertFalse(hasCode(c.last(uri(board)), "DC029"), "unique_unit_address is off in make dtbs");
        s.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
                JsonParser.parseString("{\"dtdma\": {\"dtcWarnings\": \"W=1\"}}")));
        s.awaitIdle();
        PublishDiagnosticsParams p = c.last(uri(board));
        var d = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("DC029")).findFirst()
                .orElseThrow(() -> new AssertionError(p.toString()));
        assertEquals(4, d.getRange().getStart().getLine());
        assertTrue(d.getMessage().getLeft().contains("duplicate unit-address (also used in node /b@10)"), d.getMessage().toString());
        assertEquals(1, d.getRelatedInformation().size());
        assertEquals(5, d.getRelatedInformation().get(0).getLocation().getRange().getStart().getLine());
        s.shutdown().join();
    }

    @Test
    void exitCodeFollowsShutdown() {
        DtdmaLanguageServer s = new DtdmaLanguageServer(code -> exitCode = code);
        s.exit();
        assertEquals(1, exitCode);
        DtdmaLanguageServer s2 = new DtdmaLanguageServer(code -> exitCode = code);
        s2.shutdown().join();
        s2.exit();
        assertEquals(0, exitCode);
    }

    @Test
    void watchedFileChangesReachTheIncludingBoardAndTheDtsi(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path board = dir.resolve("b.dts");
        Path part = dir.resolve("part.dtsi");
        Files.writeString(board, "/dts-v1/;\n#include \"part.dtsi\"\n/ { x = <&ok>; };\n");
        Files.writeString(part, "/ { ok: n { }; };\n");
        RecordingClient c = new RecordingClient();
        DtdmaLanguageServer s = new DtdmaLanguageServer(code -> { });
        s.connect(c);
        s.initialize(init(dir)).join();
        s.initialized(new InitializedParams());
        s.awaitIdle();
        assertEquals(List.of(board.toRealPath()), s.ws().contexts(part.toRealPath()));
        s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(board), "dts", 1, Files.readString(board))));
        s.awaitIdle();
        assertTrue(c.last(uri(board)).getDiagnostics().isEmpty(), c.last(uri(board)).toString());
        Files.writeString(part, "/ { ok: n { y = <&missing>; }; };\n");
        s.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                new org.eclipse.lsp4j.FileEvent(uri(part), org.eclipse.lsp4j.FileChangeType.Changed))));
        s.awaitIdle();
        PublishDiagnosticsParams onPart = c.last(uri(part));
        assertNotNull(onPart, "the board's error in part.dtsi is published on part.dtsi");
        assertEquals(1, onPart.getDiagnostics().size(), onPart.toString());
        assertNull(onPart.getVersion());
        Files.writeString(part, "/ { ok: n { }; };\n");
        s.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(List.of(
                new org.eclipse.lsp4j.FileEvent(uri(part), org.eclipse.lsp4j.FileChangeType.Changed))));
        s.awaitIdle();
        assertTrue(c.last(uri(part)).getDiagnostics().isEmpty(), "cleared with an empty list");
        s.shutdown().join();
    }

    @Test
    void analysisStopsWhenCancelled() {
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> server.ws().analysis(BROKEN, () -> true));
    }
}
