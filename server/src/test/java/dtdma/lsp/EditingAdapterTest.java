package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.DeclarationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapter tier for the editing requests: the real server with a recording client, edits applied as a client would. */
class EditingAdapterTest {
    static final Path BROKEN = ServerAdapterTest.BROKEN;
    static final Path SOC = ServerAdapterTest.SOC;

    RecordingClient client;
    DtdmaLanguageServer server;
    InitializeResult init;

    @BeforeEach
    void start() {
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> { });
        server.connect(client);
        init = server.initialize(ServerAdapterTest.init(ServerAdapterTest.DEMO)).join();
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

    /** Opens the broken board with {@code marked} (one {@code |}) in place of {@code old}; returns the cursor. */
    Position open(String old, String marked) throws Exception {
        String text = Files.readString(BROKEN).replace(old, marked);
        int cursor = text.indexOf('|');
        text = text.substring(0, cursor) + text.substring(cursor + 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(BROKEN), "dts", 1, text)));
        server.awaitIdle();
        return ServerAdapterTest.pos(text, cursor);
    }

    TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(uri(BROKEN));
    }

    @Test
    void capabilitiesAreDeclared() {
        var c = init.getCapabilities();
        assertTrue(c.getCompletionProvider().getTriggerCharacters().contains("&"));
        assertNotNull(c.getSignatureHelpProvider());
        assertNotNull(c.getDocumentLinkProvider());
        assertTrue(c.getRenameProvider().getRight().getPrepareProvider());
        assertTrue(c.getCodeActionProvider().getRight().getCodeActionKinds().contains("quickfix"));
        assertTrue(c.getDeclarationProvider().getLeft());
    }

    List<CompletionItem> complete(Position p, String trigger) {
        CompletionParams cp = new CompletionParams(id(), p);
        if (trigger != null) {
            cp.setContext(new CompletionContext(CompletionTriggerKind.TriggerCharacter, trigger));
        }
        return server.getTextDocumentService().completion(cp).join().getRight().getItems();
    }

    @Test
    void completionOfSdmaCellsWithTextEdits() throws Exception {
        Position p = open("&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 |\n");
        List<CompletionItem> items = complete(p, " ");
        assertEquals(48, items.size());
        CompletionItem ev = items.stream().filter(i -> i.getLabel().equals("22")).findFirst().orElseThrow();
        assertTrue(ev.getDetail().startsWith("used by"), ev.getDetail());
        assertEquals(new Range(p, p), ev.getTextEdit().getLeft().getRange());
        Position q = open("&uart3 {\n", "&uart3 {\n\tdmas = <&|\n");
        List<String> labels = complete(q, "&").stream().map(CompletionItem::getLabel).toList();
        assertTrue(labels.contains("sdma1") && !labels.contains("uart1"), labels.toString());
        Position prop = open("&uart3 {\n", "&uart3 {\n\t|\n");
        assertTrue(complete(prop, " ").isEmpty(), "a space completes only specifier cells");
        assertFalse(complete(prop, null).isEmpty());
    }

    @Test
    void signatureHelpHighlightsTheCell() throws Exception {
        Position p = open("&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 22 |\n");
        var h = server.getTextDocumentService().signatureHelp(new SignatureHelpParams(id(), p)).join();
        assertEquals("<&sdma1 event type priority>", h.getSignatures().get(0).getLabel());
        assertEquals(1, h.getActiveParameter());
    }

    @Test
    void documentLinksAndMacroDeclaration() throws Exception {
        open("x", "x|");
        var links = server.getTextDocumentService().documentLink(new DocumentLinkParams(id())).join();
        assertEquals(1, links.size());
        assertTrue(links.get(0).getTarget().endsWith("demo-soc.dtsi"));
        String text = Files.readString(BROKEN);
        Position m = ServerAdapterTest.pos(text, text.indexOf("SDMA_UART") + 1);
        var decl = server.getTextDocumentService().declaration(new DeclarationParams(id(), m)).join();
        assertTrue(decl.getLeft().get(0).getUri().endsWith("demo-soc.dtsi"));
    }

    @Test
    void renameAcrossFilesAndRefusals() throws Exception {
        open("x", "x|");
        String text = Files.readString(BROKEN);
        Position p = ServerAdapterTest.pos(text, text.indexOf("&sdma1 22") + 2);
        var prep = server.getTextDocumentService().prepareRename(new PrepareRenameParams(id(), p)).join();
        assertEquals("sdma1", prep.getSecond().getPlaceholder());
        WorkspaceEdit e = server.getTextDocumentService().rename(new RenameParams(id(), p, "sdma_a")).join();
        Map<String, List<TextEdit>> ch = e.getChanges();
        assertEquals(2, ch.size(), ch.toString());
        assertTrue(ch.keySet().stream().anyMatch(u -> u.endsWith("demo-soc.dtsi")));
        Position notLabel = ServerAdapterTest.pos(text, text.indexOf("num-cs"));
        assertNull(server.getTextDocumentService().prepareRename(new PrepareRenameParams(id(), notLabel)).join());
        CompletionException ex = assertThrows(CompletionException.class,
                () -> server.getTextDocumentService().rename(new RenameParams(id(), p, "uart1")).join());
        assertTrue(ex.getCause() instanceof ResponseErrorException, ex.toString());
    }

    @Test
    void quickFixesRemoveTheirDiagnostics() throws Exception {
        open("x", "x|");
        String text = Files.readString(BROKEN);
        Range all = new Range(new Position(0, 0), ServerAdapterTest.pos(text, text.length()));
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(id(), all,
                new CodeActionContext(client.last(uri(BROKEN)).getDiagnostics()))).join();
        List<String> titles = actions.stream().map(a -> a.getRight().getTitle()).toList();
        assertTrue(titles.contains("Insert ';'"), titles.toString());
        CodeActionContext onlySource = new CodeActionContext(List.of(), List.of("source"));
        assertTrue(server.getTextDocumentService().codeAction(new CodeActionParams(id(), all, onlySource)).join().isEmpty());
        int version = 2;
        for (String code : List.of("DTS001", "DT003")) {
            CodeAction fix = actions.stream().map(a -> a.getRight())
                    .filter(a -> a.getDiagnostics().get(0).getCode().getLeft().equals(code)).findFirst().orElseThrow();
            assertEquals("quickfix", fix.getKind());
            List<TextEdit> edits = new ArrayList<>(fix.getEdit().getChanges().get(uri(BROKEN)));
            List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
            for (TextEdit t : edits) {
                changes.add(new TextDocumentContentChangeEvent(t.getRange(), t.getNewText()));
            }
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri(BROKEN), version++), changes));
            server.awaitIdle();
            PublishDiagnosticsParams last = client.last(uri(BROKEN));
            assertFalse(ServerAdapterTest.hasCode(last, code), last.toString());
            all = new Range(new Position(0, 0), new Position(200, 0));
            actions = server.getTextDocumentService().codeAction(new CodeActionParams(id(), all,
                    new CodeActionContext(last.getDiagnostics()))).join();
        }
    }

    @Test
    void unknownUrisAnswerEmpty() {
        TextDocumentIdentifier u = new TextDocumentIdentifier("file:///nowhere/x.dts");
        Position p = new Position(1, 1);
        var t = server.getTextDocumentService();
        assertTrue(t.completion(new CompletionParams(u, p)).join().getRight().getItems().isEmpty());
        assertNull(t.signatureHelp(new SignatureHelpParams(u, p)).join());
        assertTrue(t.documentLink(new DocumentLinkParams(u)).join().isEmpty());
        assertNull(t.prepareRename(new PrepareRenameParams(u, p)).join());
        assertNull(t.rename(new RenameParams(u, p, "x")).join());
        assertTrue(t.codeAction(new CodeActionParams(u, new Range(p, p), new CodeActionContext(List.of()))).join()
                .isEmpty());
    }

    @Test
    void kernelBoard() throws Exception {
        Path fsl = KernelLatencyTest.FSL;
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fsl), "kernel sources not unpacked");
        DtdmaLanguageServer s = new DtdmaLanguageServer(code -> { });
        RecordingClient c = new RecordingClient();
        s.connect(c);
        s.initialize(new org.eclipse.lsp4j.InitializeParams()).join();
        s.initialized(new InitializedParams());
        Path evk = fsl.resolve("imx8mp-evk.dts");
        String text = Files.readString(evk);
        s.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(evk), "dts", 1, text)));
        s.awaitIdle();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri(evk));
        var t = s.getTextDocumentService();

        Position ref = ServerAdapterTest.pos(text, text.indexOf("&uart2 {") + 2);
        WorkspaceEdit e = t.rename(new RenameParams(id, ref, "console_uart")).join();
        assertEquals(2, e.getChanges().size(), e.getChanges().keySet().toString());
        assertEquals(2, e.getChanges().get(uri(evk)).size(), "stdout-path and the override");

        var links = t.documentLink(new DocumentLinkParams(id)).join();
        assertTrue(links.stream().anyMatch(l -> l.getTarget().endsWith("imx8mp.dtsi")), links.toString());

        // a cell list in the board: providers after <&, SDMA cells after the controller
        int at = text.indexOf("&uart2 {\n") + "&uart2 {\n".length();
        String edited = text.substring(0, at) + "\tdmas = <&sdma1 \n" + text.substring(at);
        t.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(evk), 2),
                List.of(new TextDocumentContentChangeEvent(edited))));
        s.awaitIdle();
        Position cell = ServerAdapterTest.pos(edited, at + "\tdmas = <&sdma1 ".length());
        CompletionParams cp = new CompletionParams(id, cell);
        cp.setContext(new CompletionContext(CompletionTriggerKind.TriggerCharacter, " "));
        List<CompletionItem> events = t.completion(cp).join().getRight().getItems();
        assertEquals(48, events.size());
        // the edited dmas replaces uart2's own, so no enabled consumer of this board holds an event any more
        assertTrue(events.stream().allMatch(i -> i.getDetail().equals("free event")), events.toString());
        assertEquals("<&sdma1 event type priority>",
                t.signatureHelp(new SignatureHelpParams(id, cell)).join().getSignatures().get(0).getLabel());

        // a finished specifier without its ';' is a syntax error with a quick fix that removes it
        String noSemi = text.substring(0, at) + "\tdmas = <&sdma1 24 4 0>, <&sdma1 25 4 0>\n" + text.substring(at);
        t.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(evk), 3),
                List.of(new TextDocumentContentChangeEvent(noSemi))));
        s.awaitIdle();
        var diags = c.last(uri(evk)).getDiagnostics();
        assertTrue(diags.stream().anyMatch(d -> d.getCode().getLeft().equals("DTS001")), diags.toString());
        var actions = t.codeAction(new CodeActionParams(id, new Range(new Position(0, 0), ServerAdapterTest.pos(noSemi,
                noSemi.length())), new CodeActionContext(diags))).join();
        CodeAction fix = actions.stream().map(x -> x.getRight()).filter(x -> x.getTitle().equals("Insert ';'"))
                .findFirst().orElseThrow(() -> new AssertionError(actions.toString()));
        TextEdit te = fix.getEdit().getChanges().get(uri(evk)).get(0);
        t.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(evk), 4),
                List.of(new TextDocumentContentChangeEvent(te.getRange(), te.getNewText()))));
        s.awaitIdle();
        PublishDiagnosticsParams after = c.last(uri(evk));
        assertEquals(4, after.getVersion());
        assertFalse(ServerAdapterTest.hasCode(after, "DTS"), after.toString());
        s.shutdown().join();
    }
}
