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

    @Test
    void arraysAreSplitWithTheEntrySizesOfTheBoard() throws Exception {
        String text = "/dts-v1/;\n/ {\n\tclk: clock-controller {\n\t\t#clock-cells = <1>;\n\t};\n\n\tn {\n"
                + "\t\tclocks = <&clk 1 &clk 2>;\n\t};\n};\n";
        Path b = Files.writeString(dir.resolve("clocks.dts"), text);
        String u = b.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(u, "dts", 1, text)));
        server.awaitIdle();
        List<? extends TextEdit> edits = server.getTextDocumentService().formatting(
                new DocumentFormattingParams(new TextDocumentIdentifier(u), tabs())).join();
        // a blank line after /dts-v1/; and the clocks split by the provider's #clock-cells
        assertEquals(List.of("\n", "\t\tclocks = <&clk 1>, <&clk 2>;\n"), edits.stream().map(TextEdit::getNewText).toList());
        assertEquals(7, edits.get(1).getRange().getStart().getLine());
    }

    @Test
    void overridesInTheOrderOfTheDtsiAreNotReported() throws Exception {
        Files.writeString(dir.resolve("soc.dtsi"), "/ {\n\tuart: serial {\n\t};\n\n\ti2c: i2c {\n\t};\n};\n");
        String text = "/dts-v1/;\n\n#include \"soc.dtsi\"\n\n/ {\n\tmodel = \"x\";\n\tBad_Name = <1>;\n};\n\n&uart {\n\tstatus = \"okay\";\n};\n\n"
                + "&i2c {\n\tstatus = \"okay\";\n};\n";
        Path b = Files.writeString(dir.resolve("order.dts"), text);
        String u = b.toUri().toString();
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(
                "{\"dtdma\": {\"style\": true}}")));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(u, "dts", 1, text)));
        server.awaitIdle();
        PublishDiagnosticsParams p = client.last(u);
        // the style checks ran (STY002 on Bad_Name), and &uart before &i2c follows the .dtsi
        assertTrue(p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("STY002")),
                p.getDiagnostics().toString());
        assertTrue(p.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("STY007")),
                p.getDiagnostics().toString());
    }
}
