package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code $/cancelRequest} over JSON-RPC: a request waiting for a slow analysis is answered RequestCancelled at once. */
class CancelRequestTest {
    @TempDir
    Path dir;

    /** A board of {@code n} labelled nodes, each referring to the next (its first analysis takes a while). */
    static String board(int n) {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("\tn").append(i).append(": node@").append(Integer.toHexString(0x1000 + i * 16)).append(" {\n")
                    .append("\t\treg = <0x").append(Integer.toHexString(0x1000 + i * 16)).append(" 0x10>;\n")
                    .append("\t\tlink = <&n").append((i + 1) % n).append(">;\n\t};\n\n");
        }
        return sb.append("};\n").toString();
    }

    @Test
    void aCancelledRequestIsAnsweredRequestCancelledBeforeTheAnalysisItWaitedForFinishes() throws Exception {
        Path f = dir.resolve("big.dts");
        String text = board(8000);
        Files.writeString(f, text);
        String uri = f.toUri().toString();
        try (RawProtocolTest.Raw r = new RawProtocolTest.Raw()) {
            r.request(1, "initialize", "{\"processId\":null,\"rootUri\":" + new JsonPrimitive(dir.toUri().toString())
                    + ",\"capabilities\":{}}");
            assertNotNull(r.response(1));
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            JsonObject item = new JsonObject();
            item.addProperty("uri", uri);
            item.addProperty("languageId", "dts");
            item.addProperty("version", 1);
            item.addProperty("text", text);
            JsonObject open = new JsonObject();
            open.add("textDocument", item);
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":" + open + "}");
            // needs the analysis of the whole board, which the diagnostics engine has just started
            r.request(2, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":" + new JsonPrimitive(uri) + "}}");
            r.frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":2}}");
            boolean published = false;
            JsonObject answer = null;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answer == null && System.nanoTime() < end) {
                JsonObject o = r.in.poll(1, TimeUnit.SECONDS);
                if (o == null) {
                    continue;
                }
                if (o.has("method") && o.get("method").getAsString().equals("textDocument/publishDiagnostics")
                        && o.getAsJsonObject("params").get("uri").getAsString().equals(uri)) {
                    published = true;
                } else if (o.has("id") && !o.has("method") && o.get("id").getAsInt() == 2) {
                    answer = o;
                }
            }
            assertNotNull(answer, "the cancelled request is answered");
            assertEquals(-32800, RawProtocolTest.code(answer), "RequestCancelled: " + answer);
            assertFalse(published, "answered before the analysis it waited for had finished");
            r.request(3, "shutdown", "null");
            assertNotNull(r.response(3));
        }
    }
}
