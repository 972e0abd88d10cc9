package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The protocol held under abuse, with raw frames over pipes: the lifecycle errors the specification names,
 * and the framing layer recovering from bad headers (each followed by a request that must still be answered).
 */
class RawProtocolTest {
    /** A raw JSON-RPC peer on the other end of the server's pipes. */
    static final class Raw implements AutoCloseable {
        final OutputStream out;
        final BlockingQueue<JsonObject> in = new LinkedBlockingQueue<>();
        final int[] exit = {-1};
        private final Thread reader;

        Raw() throws Exception {
            Pipe toServer = Pipe.open();
            Pipe toClient = Pipe.open();
            out = Channels.newOutputStream(toServer.sink());
            InputStream clientIn = Channels.newInputStream(toClient.source());
            var l = LspMain.launch(Channels.newInputStream(toServer.source()), Channels.newOutputStream(toClient.sink()),
                    c -> exit[0] = c);
            l.startListening();
            reader = new Thread(() -> {
                try {
                    while (true) {
                        JsonObject o = readFrame(clientIn);
                        if (o == null) {
                            return;
                        }
                        in.add(o);
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void send(String raw) throws Exception {
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void frame(String json) throws Exception {
            byte[] b = json.getBytes(StandardCharsets.UTF_8);
            send("Content-Length: " + b.length + "\r\n\r\n" + json);
        }

        void request(int id, String method, String params) throws Exception {
            frame("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        }

        /** The response to a request id (other messages are skipped). */
        JsonObject response(int id) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end) {
                JsonObject o = in.poll(1, TimeUnit.SECONDS);
                if (o != null && o.has("id") && !o.has("method") && o.get("id").getAsInt() == id) {
                    return o;
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            out.close();
        }
    }

    static JsonObject readFrame(InputStream in) throws Exception {
        int len = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                String l = line.toString().trim();
                line.setLength(0);
                if (l.isEmpty()) {
                    break;
                }
                if (l.toLowerCase().startsWith("content-length:")) {
                    len = Integer.parseInt(l.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        byte[] body = in.readNBytes(len);
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static final String INIT = "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}";

    static int code(JsonObject response) {
        assertNotNull(response, "no response");
        assertTrue(response.has("error"), response.toString());
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void lifecycleErrorsAsTheSpecificationNamesThem() throws Exception {
        try (Raw r = new Raw()) {
            r.request(1, "textDocument/hover", "{\"textDocument\":{\"uri\":\"file:///x.dts\"},\"position\":{\"line\":0,\"character\":0}}");
            assertEquals(-32002, code(r.response(1)));
            r.request(2, "initialize", INIT);
            JsonObject init = r.response(2);
            assertNotNull(init);
            assertTrue(init.has("result"), init.toString());
            r.request(3, "shutdown", "null");
            JsonObject sd = r.response(3);
            assertTrue(sd.has("result") && !sd.has("error"), sd.toString());
            r.request(4, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"file:///x.dts\"}}");
            assertEquals(-32600, code(r.response(4)));
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.exit[0] < 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(0, r.exit[0]);
        }
    }

    @Test
    void badHeadersAreSkippedAndTheServerKeepsAnswering() throws Exception {
        try (Raw r = new Raw()) {
            r.request(1, "initialize", INIT);
            assertNotNull(r.response(1));
            int id = 10;
            String[] bad = {
                "Content-Length: abc\r\n\r\n{}",
                "Content-Length: 99999999999999999999\r\n\r\n{}",
                "Content-Length: 9999999999\r\n\r\n{}",
                "Content-Length: -5\r\n\r\n{}",
                "Content-Length: 0\r\n\r\n",
                "Content-Type: text/plain\r\n\r\n{}",
                "garbage without any header at all\r\n\r\n",
                "\u0000\u0001\u0002binary\r\n",
            };
            for (String b : bad) {
                r.send(b);
                r.request(++id, "workspace/symbol", "{\"query\":\"x\"}");
                JsonObject resp = r.response(id);
                assertNotNull(resp, "no answer after " + b);
            }
            // a body that is not JSON, and wrong parameter types: an error answer, and the server stays
            r.frame("{this is not json");
            r.request(++id, "textDocument/hover", "{\"textDocument\":42,\"position\":\"x\"}");
            assertNotNull(r.response(id));
            r.request(++id, "workspace/symbol", "{\"query\":\"x\"}");
            assertNotNull(r.response(id));
        }
    }

    @Test
    void expectedFaultsLogOneLineAndUnexpectedOnesKeepTheirStackTrace() {
        java.util.logging.LogRecord expected = new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, "bad message");
        expected.setThrown(new IllegalStateException(new com.google.gson.JsonSyntaxException("Expected BEGIN_OBJECT")));
        assertTrue(ExpectedFaults.oneLine(expected));
        assertEquals(null, expected.getThrown());
        assertEquals("bad message: com.google.gson.JsonSyntaxException: Expected BEGIN_OBJECT", expected.getMessage());
        java.util.logging.LogRecord bug = new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, "request failed");
        NullPointerException npe = new NullPointerException("x");
        bug.setThrown(npe);
        assertTrue(ExpectedFaults.oneLine(bug));
        assertEquals(npe, bug.getThrown());
    }

    @Test
    void framingPassesGoodFramesAndCountsSkippedOnes() throws Exception {
        String good = "{\"a\":1}";
        String input = "Content-Length: 7\r\n\r\n" + good + "Content-Length: x\r\n\r\nzzz" + "content-length: 7\n\n" + good
                + "Content-Length: 100000\r\n\r\n" + "junk" + "Content-Length: 7\r\n\r\n" + good;
        FramingInputStream f = new FramingInputStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.transferTo(out);
        String s = out.toString(StandardCharsets.UTF_8);
        assertEquals(("Content-Length: 7\r\n\r\n" + good).repeat(3), s);
        assertEquals(2, f.skippedFrames());
    }
    @Test
    void anOversizedMessageIsReplacedByANoticeNamingIt() throws Exception {
        String good = "{\"a\":1}";
        String big = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/formatting\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///w/a%20b.dts\"},\"options\":{\"id\":99,\"pad\":\"" + "x".repeat(5000) + "\"}}}";
        String input = "Content-Length: 7\r\n\r\n" + good + "Content-Length: " + big.length() + "\r\n\r\n" + big
                + "Content-Length: 7\r\n\r\n" + good;
        FramingInputStream f = new FramingInputStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        f.transferTo(out);
        java.io.InputStream frames = new ByteArrayInputStream(out.toByteArray());
        assertEquals(good, readFrame(frames).toString());
        JsonObject notice = readFrame(frames);
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"dtdma/messageTooLarge\",\"params\":{\"method\":"
                + "\"textDocument/formatting\",\"bytes\":" + big.length() + ",\"uri\":\"file:///w/a%20b.dts\"}}",
                notice.toString());
        assertEquals(good, readFrame(frames).toString());
        assertEquals(null, readFrame(frames));
        // a body whose first bytes name no method stands for nothing: skipped as before
        assertEquals(null, FramingInputStream.notice("xxxx", 5000));
        // a notification: no id (an "id" inside the parameters is not the message's)
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"dtdma/messageTooLarge\",\"params\":{\"method\":"
                + "\"textDocument/didChange\",\"bytes\":5000}}", new String(FramingInputStream.notice(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"id\":3", 5000),
                StandardCharsets.UTF_8).replaceFirst("(?s)^.*?\r\n\r\n", ""));
    }

    /**
     * Over the real protocol stack and its 64 MiB limit: a dropped didChange is not silent (the user is told which
     * document the server stopped following), a dropped request is answered with an error, and the server goes on.
     */
    @Test
    void overTheLimitTheClientIsToldAndRequestsAreAnswered() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("dtdma-big");
        Path dts = dir.resolve("big.dts");
        java.nio.file.Files.writeString(dts, "/dts-v1/;\n/ { };\n");
        String uri = dts.toUri().toString();
        String pad = "x".repeat(dtdma.check.Budgets.MAX_MESSAGE_BYTES + 1024);
        try (Raw r = new Raw()) {
            r.request(1, "initialize", INIT);
            assertNotNull(r.response(1));
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\",\"languageId\":\"dts\",\"version\":1,\"text\":\"/dts-v1/;\\n/ { };\\n\"}}}");
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\",\"version\":2},\"contentChanges\":[{\"text\":\"" + pad + "\"}]}}");
            JsonObject shown = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (shown == null && System.nanoTime() < end) {
                JsonObject o = r.in.poll(1, TimeUnit.SECONDS);
                if (o != null && "window/showMessage".equals(o.has("method") ? o.get("method").getAsString() : null)) {
                    shown = o.getAsJsonObject("params");
                }
            }
            assertNotNull(shown, "the user was not told");
            assertEquals(1, shown.get("type").getAsInt(), shown.toString());
            String text = shown.get("message").getAsString();
            assertTrue(text.contains("textDocument/didChange for big.dts") && text.contains("close and reopen"), text);
            r.request(5, "textDocument/formatting", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"options\":"
                    + "{\"tabSize\":8,\"insertSpaces\":false,\"pad\":\"" + pad + "\"}}");
            assertEquals(-32600, code(r.response(5)));
            r.request(6, "workspace/symbol", "{\"query\":\"x\"}");
            assertNotNull(r.response(6));
        }
    }
}
