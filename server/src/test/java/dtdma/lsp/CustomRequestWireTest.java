package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** Wire tier: {@code dtdma/topology}, {@code dtdma/simulate} and {@code dtdma/heap} over real JSON-RPC streams. */
class CustomRequestWireTest {
    /** The client's view of the server's custom requests. */
    interface Api extends LanguageServer {
        @JsonRequest(value = "dtdma/topology", useSegment = false)
        CompletableFuture<JsonObject> topology(JsonObject params);

        @JsonRequest(value = "dtdma/simulate", useSegment = false)
        CompletableFuture<JsonObject> simulate(JsonObject params);

        @JsonRequest(value = "dtdma/heap", useSegment = false)
        CompletableFuture<JsonObject> heap(JsonObject params);
    }

    @Test
    void customRequestsOverPipes() throws Exception {
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
        Launcher<Api> cl = new Launcher.Builder<Api>().setLocalService(client).setRemoteInterface(Api.class)
                .setInput(clientIn).setOutput(clientOut).create();
        var clientListening = cl.startListening();
        Api remote = cl.getRemoteProxy();
        remote.initialize(ServerAdapterTest.init(ServerAdapterTest.DEMO)).get(30, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());

        JsonObject p = new JsonObject();
        p.addProperty("uri", ServerAdapterTest.DEMO.resolve("demo-board.dts").toUri().toString());
        p.addProperty("mode", "felsch-v2");
        JsonObject t = remote.topology(p).get(60, TimeUnit.SECONDS);
        assertEquals("felsch-v2", t.get("mode").getAsString());
        assertTrue(t.getAsJsonArray("edges").toString().contains("AUTOREMOVE_CONSUMER"), t.toString());
        p.add("scenario", JsonParser.parseString("{\"events\": [{\"op\": \"resume\", \"device\": \"ecspi1\"}]}"));
        JsonObject s = remote.simulate(p).get(60, TimeUnit.SECONDS);
        assertEquals(2, s.getAsJsonArray("steps").size());
        p.addProperty("mode", "felsch-v9");
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> remote.simulate(p).get(60, TimeUnit.SECONDS));
        ResponseErrorException re = (ResponseErrorException) e.getCause();
        assertEquals(ResponseErrorCode.InvalidParams.getValue(), re.getResponseError().getCode());
        assertTrue(re.getResponseError().getMessage().contains("felsch-v9"));
        // dtdma/heap is a debug request: refused unless the server runs with -Ddtdma.debug=true
        ExecutionException off = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> remote.heap(new JsonObject()).get(60, TimeUnit.SECONDS));
        assertEquals(ResponseErrorCode.MethodNotFound.getValue(),
                ((ResponseErrorException) off.getCause()).getResponseError().getCode());
        System.setProperty("dtdma.debug", "true");
        try {
            assertTrue(remote.heap(new JsonObject()).get(60, TimeUnit.SECONDS).get("used").getAsLong() > 0);
        } finally {
            System.clearProperty("dtdma.debug");
        }
        remote.shutdown().get(30, TimeUnit.SECONDS);
        remote.exit();
        clientOut.close();
        serverListening.get(30, TimeUnit.SECONDS);
        assertEquals(0, exit[0]);
        clientListening.cancel(true);
        serverOut.close();
    }
}
