package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding schemas in the server: background loading with progress, BND diagnostics, hover, completion, fix. */
class BindingsServerTest {
    static final Path BINDINGS = ServerAdapterTest.REPO.resolve("fixtures/bindings");
    static final String BOARD = """
            /dts-v1/;
            / {
            \tcompatible = "vendor,bnd-board";
            \tmodel = "m";
            \t#address-cells = <1>;
            \t#size-cells = <1>;
            \tinterrupt-parent = <&intc>;
            \tintc: interrupt-controller@800 { reg = <0x800 4>; interrupt-controller; #interrupt-cells = <1>; };
            \tedma: dma-controller@3000 { reg = <0x3000 4>; #dma-cells = <1>; };
            \tserial@2000 {
            \t\tcompatible = "vendor,bnd-uart";
            \t\treg = <0x2000 0x100>;
            \t\tinterrupts = <5>;
            \t\tdmas = <&edma 1>, <&edma 2>;
            \t\tdma-names = "rx", "tx";
            \t\t
            \t};
            };
            """;

    @TempDir
    Path dir;
    RecordingClient client;
    DtdmaLanguageServer server;
    Path board;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(dtdma.bindings.BindingSources.dtSchemaDir(null).isPresent(), "dt-schema not installed");
        board = dir.resolve("board.dts");
        Files.writeString(board, BOARD);
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> { });
        server.connect(client);
        InitializeParams p = new InitializeParams();
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(dir.toUri().toString(), "w")));
        p.setInitializationOptions(JsonParser.parseString("{\"dtdma\": {\"bindings\": \""
                + BINDINGS.toString().replace("\\", "\\\\") + "\"}}"));
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities w = new WindowClientCapabilities();
        w.setWorkDoneProgress(true);
        caps.setWindow(w);
        p.setCapabilities(caps);
        server.initialize(p).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(board.toUri().toString(), "dts", 1, BOARD)));
        server.awaitIdle();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown().join();
        }
    }

    TextDocumentIdentifier id() {
        return new TextDocumentIdentifier(board.toUri().toString());
    }

    @Test
    void loadsInTheBackgroundWithProgressAndPublishes() {
        assertTrue(client.progress.stream().anyMatch(p -> p.getValue().getLeft().toString()
                .contains("dtdma: loading binding schemas")), client.progress.toString());
        PublishDiagnosticsParams p = client.last(board.toUri().toString());
        assertNotNull(p);
        Diagnostic d = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("BND002")).findFirst()
                .orElseThrow(() -> new AssertionError(p.toString()));
        assertEquals("`clocks`: required property is missing (binding `serial/vendor,bnd-uart.yaml`)",
                d.getMessage().getLeft());
        assertEquals(9, d.getRange().getStart().getLine());
        assertTrue(d.getRelatedInformation().get(0).getLocation().getUri().endsWith("vendor,bnd-uart.yaml"),
                d.getRelatedInformation().toString());
    }

    @Test
    void hoverShowsTheBinding() {
        var node = server.getTextDocumentService().hover(new HoverParams(id(), new Position(9, 3))).join();
        String md = node.getContents().getRight().getValue();
        assertTrue(md.contains("Example UART with two DMA channels (dtdma test binding)"), md);
        assertTrue(md.contains("serial/vendor,bnd-uart.yaml](file:"), md);
        var prop = server.getTextDocumentService().hover(new HoverParams(id(), new Position(14, 4))).join();
        String pm = prop.getContents().getRight().getValue();
        assertTrue(pm.contains("Allowed: `rx`, `tx`"), pm);
    }

    @Test
    void completionOffersTheBindingsNamesAndValues() {
        List<CompletionItem> props = server.getTextDocumentService().completion(
                new CompletionParams(id(), new Position(15, 2))).join().getRight().getItems();
        List<String> labels = props.stream().map(CompletionItem::getLabel).toList();
        assertEquals("clocks", labels.get(0), labels.toString());
        assertTrue(labels.contains("clock-names") && labels.contains("fifo-depth"), labels.toString());
        assertTrue(!labels.subList(0, 4).contains("reg"), "reg is set already: " + labels);
        List<String> names = server.getTextDocumentService().completion(new CompletionParams(id(), new Position(14, 21)))
                .join().getRight().getItems().stream().map(CompletionItem::getLabel).toList();
        assertEquals(List.of("rx", "tx"), names.subList(0, 2), names.toString());
    }

    @Test
    void quickFixAddsTheMissingProperty() {
        PublishDiagnosticsParams p = client.last(board.toUri().toString());
        Diagnostic d = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("BND002")).findFirst()
                .orElseThrow();
        var actions = server.getTextDocumentService().codeAction(new CodeActionParams(id(),
                new Range(d.getRange().getStart(), d.getRange().getEnd()), new CodeActionContext(List.of(d)))).join();
        var fix = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().equals("Add required property clocks"))
                .findFirst().orElseThrow(() -> new AssertionError(actions.toString()));
        var edits = fix.getEdit().getChanges().get(board.toUri().toString());
        assertEquals("\n\t\tclocks = <&>;", edits.get(0).getNewText());
        assertEquals(new Position(9, 14), edits.get(0).getRange().getStart());
    }
}
