package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentOnTypeFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapter tier: formatting requests, the format settings and the style diagnostics on the real server. */
class FormattingServerTest {
    @TempDir
    Path dir;
    RecordingClient client;
    DtdmaLanguageServer server;
    InitializeResult init;
    Path file;
    String uri;

    static final String MESSY = "/dts-v1/;\n/ {\n\tn {\n\t\tstatus = \"okay\";\n\t\tcompatible=\"x\";\n\t};\n};\n";

    @BeforeEach
    void start() throws Exception {
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> { });
        server.connect(client);
        init = server.initialize(ServerAdapterTest.init(dir)).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        file = Files.writeString(dir.resolve("board.dts"), MESSY);
        uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dts", 1, MESSY)));
        server.awaitIdle();
    }

    @AfterEach
    void stop() {
        server.shutdown().join();
    }

    private static FormattingOptions tabs() {
        return new FormattingOptions(8, false);
    }

    @Test
    void advertisesAndAnswersFormatting() {
        assertEquals(Boolean.TRUE, init.getCapabilities().getDocumentFormattingProvider().getLeft());
        assertEquals(Boolean.TRUE, init.getCapabilities().getDocumentRangeFormattingProvider().getLeft());
        assertEquals(";", init.getCapabilities().getDocumentOnTypeFormattingProvider().getFirstTriggerCharacter());
        List<? extends TextEdit> edits = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(uri), tabs())).join();
        assertEquals(List.of("\n", "\t\tcompatible = \"x\";\n"), edits.stream().map(TextEdit::getNewText).toList());
        List<? extends TextEdit> range = server.getTextDocumentService().rangeFormatting(new DocumentRangeFormattingParams(
                new TextDocumentIdentifier(uri), tabs(), new Range(new Position(4, 0), new Position(4, 3)))).join();
        assertEquals(1, range.size());
        assertEquals(4, range.get(0).getRange().getStart().getLine());
        List<? extends TextEdit> typed = server.getTextDocumentService().onTypeFormatting(new DocumentOnTypeFormattingParams(
                new TextDocumentIdentifier(uri), tabs(), new Position(4, 17), ";")).join();
        assertEquals(range.get(0).getNewText(), typed.get(0).getNewText());
        // spaces requested by the editor, but the file is indented with tabs: the file's style wins by default
        List<? extends TextEdit> spaces = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(4, true))).join();
        assertEquals(edits.size(), spaces.size());
    }

    @Test
    void settingsTurnFormattingOffAndStyleOn() throws Exception {
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                "{\"dtdma\": {\"format\": {\"enable\": false}, \"style\": true}}")));
        server.awaitIdle();
        assertEquals(List.of(), server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(uri), tabs())).join());
        PublishDiagnosticsParams p = client.last(uri);
        assertTrue(p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("STY008")),
                p.getDiagnostics().toString());
        List<? extends org.eclipse.lsp4j.jsonrpc.messages.Either<org.eclipse.lsp4j.Command, CodeAction>> actions =
                server.getTextDocumentService().codeAction(new CodeActionParams(new TextDocumentIdentifier(uri),
                        new Range(new Position(3, 0), new Position(3, 10)), new CodeActionContext(List.of()))).join();
        assertTrue(actions.stream().anyMatch(a -> a.getRight().getTitle().equals("Move status last")), actions.toString());
        // keepFileStyle off: the editor's spaces are used
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                "{\"dtdma\": {\"format\": {\"enable\": true, \"keepFileStyle\": false}, \"style\": false}}")));
        server.awaitIdle();
        List<? extends TextEdit> spaces = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true))).join();
        assertTrue(spaces.stream().anyMatch(e -> e.getNewText().startsWith("    compatible")), spaces.toString());
        assertTrue(client.last(uri).getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().startsWith("STY")));
    }
}
