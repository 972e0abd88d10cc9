package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** Wire tier: real JSON-RPC over piped streams ({@link JarIT} does it over the stdio of the built jar). */
class WireTest {
    static final Path BROKEN = ServerAdapterTest.BROKEN;

    static void session(LanguageServer remote, RecordingClient client) throws Exception {
        remote.initialize(ServerAdapterTest.init(ServerAdapterTest.DEMO)).get(30, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        String uri = BROKEN.toUri().toString();
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dts", 1, Files.readString(BROKEN))));
        PublishDiagnosticsParams p = client.await(d -> d.getUri().equals(uri) && !d.getDiagnostics().isEmpty())
                .get(60, TimeUnit.SECONDS);
        assertEquals(1, p.getVersion());
        assertTrue(p.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().startsWith("SD")
                || d.getCode().getLeft().startsWith("DT0")), p.toString());
        String text = Files.readString(BROKEN);
        var hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                ServerAdapterTest.pos(text, text.indexOf("<&sdma1 22") + 3))).get(30, TimeUnit.SECONDS);
        assertTrue(hover.getContents().getRight().getValue().contains("IMX_DMATYPE_UART"));
        remote.shutdown().get(30, TimeUnit.SECONDS);
    }

    @Test
    void overPipes() throws Exception {
        // java.nio pipes, not java.io's Piped streams: those break when a writing thread ends ("Write end dead")
        Pipe toServer = Pipe.open();
        Pipe toClient = Pipe.open();
        InputStream serverIn = Channels.newInputStream(toServer.source());
        OutputStream clientOut = Channels.newOutputStream(toServer.sink());
        InputStream clientIn = Channels.newInputStream(toClient.source());
        OutputStream serverOut = Channels.newOutputStream(toClient.sink());
        int[] exit = {-1};
        Launcher<?> server = LspMain.launch(serverIn, serverOut, c -> exit[0] = c);
        var serverListening = server.startListening();
        RecordingClient client = new RecordingClient();
        Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        var clientListening = cl.startListening();
        session(cl.getRemoteProxy(), client);
        cl.getRemoteProxy().exit();
        clientOut.close();
        serverListening.get(30, TimeUnit.SECONDS);
        assertEquals(0, exit[0]);
        clientListening.cancel(true);
        serverOut.close();
    }
}
