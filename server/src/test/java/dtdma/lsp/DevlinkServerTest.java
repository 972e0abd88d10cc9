package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapter tier: device-link settings, the custom requests and the new editor features on the real server object. */
class DevlinkServerTest {
    static final Path DEMO = ServerAdapterTest.DEMO;
    static final Path BOARD = DEMO.resolve("demo-board.dts");
    static final Path SOC = ServerAdapterTest.SOC;

    RecordingClient client;
    DtdmaLanguageServer server;
    InitializeResult init;

    @BeforeEach
    void start() throws Exception {
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> { });
        server.connect(client);
        InitializeParams p = ServerAdapterTest.init(DEMO);
        p.setInitializationOptions(JsonParser.parseString(
                "{\"dtdma\": {\"includePaths\": [\"../include\"], \"devlink\": {\"mode\": \"frank-sketch\"}}}"));
        init = server.initialize(p).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(BOARD), "dts", 1, Files.readString(BOARD))));
        server.awaitIdle();
    }

    @AfterEach
    void stop() {
        server.shutdown().join();
    }

    static String uri(Path p) {
        return p.toUri().toString();
    }

    static boolean has(PublishDiagnosticsParams p, String code) {
        return p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals(code));
    }

    void configure(String json) {
        server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(JsonParser.parseString(json)));
        server.awaitIdle();
    }

    // DL002 is on ecspi1's "tx" in the SoC file: the board's console UART requests no DMA (imx_uart_startup)
    @Test
    void devlinkDiagnosticsFollowTheConfiguredModeAndSeverities() {
        assertTrue(has(client.last(uri(SOC)), "DL002"), client.last(uri(SOC)).toString());
        configure("{\"dtdma\": {\"severity\": {\"DL002\": \"off\"}}}");
        assertFalse(has(client.last(uri(SOC)), "DL002"), client.last(uri(SOC)).toString());
        configure("{\"dtdma\": {\"severity\": {}, \"devlink\": {\"mode\": \"none\"}}}");
        assertTrue(client.last(uri(SOC)).getDiagnostics().stream()
                .noneMatch(d -> d.getCode().getLeft().startsWith("DL")));
    }

    @Test
    void badSettingsWarnAndKeepTheMode() {
        configure("{\"dtdma\": {\"devlink\": {\"mode\": \"felsch-v7\"}}}");
        assertTrue(has(client.last(uri(SOC)), "DL002"));
        synchronized (client) {
            assertTrue(client.logs.stream().anyMatch(m -> m.getMessage().contains("felsch-v7")), client.logs.toString());
        }
    }

    @Test
    void hoverAddsTheDeviceLink() throws Exception {
        String text = Files.readString(SOC);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(SOC), "dts", 1, text)));
        server.awaitIdle();
        var h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri(SOC)),
                ServerAdapterTest.pos(text, text.indexOf("<&sdma1 1 SDMA_CSPI") + 3))).get();
        String md = h.getContents().getRight().getValue();
        assertTrue(md.contains("Device link") && md.contains("DL002"), md);
        // the runtime-PM line comes right after the board line, before the specifier's details
        String[] lines = md.split("\n\n", 3);
        assertEquals("Board: `demo-board.dts`", lines[0]);
        assertTrue(lines[1].startsWith("**Runtime PM** (mode `frank-sketch`): "), lines[1]);
        assertTrue(lines[2].startsWith("**dmas[1]**"), lines[2]);
    }

    @Test
    void hoverRuntimePmLineNamesTheSuppliersOfAPmRuntimeLink() throws Exception {
        configure("{\"dtdma\": {\"devlink\": {\"mode\": \"frank-legal\", \"runtimePm\": {\"channelPm\": true}}}}");
        // ecspi1 requests its channels at probe (spi_imx_sdma_init); the board's UARTs request theirs only when
        // a port is opened, and the console port never (imx_uart_startup)
        String text = Files.readString(SOC);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(SOC), "dts", 1, text)));
        server.awaitIdle();
        var h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri(SOC)),
                ServerAdapterTest.pos(text, text.indexOf("<&sdma1 0 SDMA_CSPI") + 3))).get();
        String pm = h.getContents().getRight().getValue().split("\n\n", 3)[1];
        assertTrue(pm.startsWith("**Runtime PM** (mode `frank-legal`): "), pm);
        assertTrue(pm.contains("supplier `dma"), "the channel device supplies the consumer: " + pm);
        assertTrue(pm.contains("usage_count"), pm);
    }

    @Test
    void topologyAndSimulateRequests() throws Exception {
        JsonObject p = new JsonObject();
        p.addProperty("uri", uri(BOARD));
        JsonObject t = server.dtdmaRequests().topology(p).get();
        assertEquals("frank-sketch", t.get("mode").getAsString());
        assertTrue(t.getAsJsonArray("devices").size() > 3);
        // devices with a devicetree path say where their node is defined, for the graph's click-to-source
        JsonObject sdma = null;
        for (var d : t.getAsJsonArray("devices")) {
            if ("controller".equals(d.getAsJsonObject().get("kind").getAsString())) {
                sdma = d.getAsJsonObject();
            }
        }
        assertNotNull(sdma);
        JsonObject loc = sdma.getAsJsonObject("location");
        assertTrue(loc.get("uri").getAsString().endsWith("demo-soc.dtsi"), loc.toString());
        String soc = Files.readAllLines(BOARD.resolveSibling("demo-soc.dtsi")).get(loc.get("line").getAsInt());
        assertTrue(soc.substring(loc.get("character").getAsInt()).startsWith("dma-controller@"), soc);
        p.addProperty("mode", "felsch-v2");
        p.add("scenario", JsonParser.parseString("{\"events\": [{\"op\": \"unbind\", \"device\": \"sdma1\"}]}"));
        JsonObject s = server.dtdmaRequests().simulate(p).get();
        assertEquals("felsch-v2", s.get("mode").getAsString());
        assertEquals(2, s.getAsJsonArray("steps").size());
        assertTrue(s.getAsJsonArray("steps").get(1).getAsJsonObject().getAsJsonArray("trace").size() > 0);
        p.add("scenario", JsonParser.parseString("{\"events\": [{\"op\": \"explode\", \"device\": \"sdma1\"}]}"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> server.dtdmaRequests().simulate(p).get());
        assertInstanceOf(ResponseErrorException.class, e.getCause().getCause() == null ? e.getCause()
                : e.getCause() instanceof ResponseErrorException ? e.getCause() : e.getCause().getCause());
        JsonObject noUri = new JsonObject();
        assertThrows(ExecutionException.class, () -> server.dtdmaRequests().topology(noUri).get());
    }

    @Test
    void lensesTokensSymbolsAndNodeReferences() throws Exception {
        assertTrue(init.getCapabilities().getSemanticTokensProvider().getLegend().getTokenTypes().contains("macro"));
        List<? extends CodeLens> lenses = server.getTextDocumentService()
                .codeLens(new CodeLensParams(new TextDocumentIdentifier(uri(SOC)))).get();
        assertTrue(lenses.stream().anyMatch(l -> l.getCommand().getTitle().startsWith("3 consumers \u00b7 ")),
                lenses.toString());
        var tokens = server.getTextDocumentService().semanticTokensFull(
                new SemanticTokensParams(new TextDocumentIdentifier(uri(BOARD)))).get();
        assertTrue(tokens.getData().size() > 50 && tokens.getData().size() % 5 == 0);
        var syms = server.getWorkspaceService().symbol(new WorkspaceSymbolParams("uart")).get().getRight();
        assertTrue(syms.stream().anyMatch(s -> s.getName().equals("uart2")), syms.toString());
        String soc = Files.readString(SOC);
        assertTrue(server.ws().setActiveContext(SOC, BOARD));
        ReferenceParams rp = new ReferenceParams(new TextDocumentIdentifier(uri(SOC)),
                ServerAdapterTest.pos(soc, soc.indexOf("serial@30890000") + 2), new ReferenceContext(false));
        List<? extends Location> refs = server.getTextDocumentService().references(rp).get();
        assertTrue(refs.stream().anyMatch(l -> l.getUri().equals(uri(BOARD))), refs.toString());
    }
}
