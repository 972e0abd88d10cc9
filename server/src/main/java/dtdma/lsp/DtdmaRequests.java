package dtdma.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.features.TopologyFeature;
import dtdma.workspace.Analysis;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The device-link custom requests {@code dtdma/topology} and {@code dtdma/simulate} (see docs/protocol.md), and
 * {@code dtdma/heap} for the benchmark. Bad parameters answer a JSON-RPC {@code InvalidParams} error.
 */
final class DtdmaRequests {
    private final DtdmaLanguageServer server;
    private final java.util.concurrent.ExecutorService exec = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(null, r, "dtdma-custom-request", 64L << 20); // the pipeline recurses deeply
        t.setDaemon(true);
        return t;
    });

    DtdmaRequests(DtdmaLanguageServer server) {
        this.server = server;
    }

    /** {@code dtdma/topology}: {uri, mode?, fwDevlinkStrict?, settings?, scenario?} → the topology graph JSON. */
    public CompletableFuture<JsonObject> topology(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            JsonElement sc = params == null ? null : params.get("scenario");
            Analysis[] a = new Analysis[1];
            JsonObject out = run(params, false, a).json(sc != null && !sc.isJsonNull());
            locate(out, a[0]);
            return out;
        }, exec);
    }

    /** Adds {@code location: {uri, line, character}} (where the node is first defined) to each device with a path. */
    private void locate(JsonObject topology, Analysis a) {
        if (a == null || !topology.has("devices") || !topology.get("devices").isJsonArray()) {
            return;
        }
        for (JsonElement e : topology.getAsJsonArray("devices")) {
            JsonObject d = e.getAsJsonObject();
            JsonElement path = d.get("path");
            if (path == null || !path.isJsonPrimitive()) {
                continue;
            }
            dtdma.tree.Node n = a.tree().resolvePath(path.getAsString());
            dtdma.text.Span span = n == null ? null : n.nameSpan();
            dtdma.text.SourceFile f = span == null ? null : a.fileOf(span);
            if (f != null) {
                org.eclipse.lsp4j.Position pos = Convert.position(f.lines(), span.start());
                JsonObject loc = new JsonObject();
                loc.addProperty("uri", server.uriOf(f.path().toAbsolutePath().normalize()));
                loc.addProperty("line", pos.getLine());
                loc.addProperty("character", pos.getCharacter());
                d.add("location", loc);
            }
        }
    }

    /** {@code dtdma/simulate}: {uri, mode?, scenario} → {mode, steps: [{step, result, trace, state}]}. */
    public CompletableFuture<JsonObject> simulate(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            TopologyFeature.Run r = run(params, true, new Analysis[1]);
            JsonObject out = new JsonObject();
            out.addProperty("mode", r.last().json().get("mode").getAsString());
            out.add("steps", r.stepsJson());
            return out;
        }, exec);
    }

    /** {@code dtdma/heap}: runs a full GC and answers {used, committed, max} heap bytes (for the benchmark). */
    public CompletableFuture<JsonObject> heap(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            System.gc();
            System.gc();
            MemoryUsage u = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            JsonObject o = new JsonObject();
            o.addProperty("used", u.getUsed());
            o.addProperty("committed", u.getCommitted());
            o.addProperty("max", u.getMax());
            return o;
        }, exec);
    }

    private TopologyFeature.Run run(JsonObject params, boolean scenarioRequired, Analysis[] analysed) {
        Path p = params == null || !params.has("uri") ? null : Convert.path(params.get("uri").getAsString());
        if (p == null) {
            throw invalid("params.uri must be a file: URI");
        }
        JsonElement sc = params.get("scenario");
        String scenario = sc == null || sc.isJsonNull() ? null : sc.isJsonPrimitive() ? sc.getAsString() : sc.toString();
        if (scenario == null && scenarioRequired) {
            throw invalid("params.scenario is required: {\"events\": [{\"op\": \"resume\", \"device\": \"...\"}]}");
        }
        Analysis a;
        try {
            a = server.ws().analysisFor(p, () -> false);
        } catch (RuntimeException e) {
            throw invalid("cannot analyse " + p + ": " + e.getMessage());
        }
        analysed[0] = a;
        try {
            Boolean strict = params.has("fwDevlinkStrict") ? params.get("fwDevlinkStrict").getAsBoolean() : null;
            return TopologyFeature.run(a, string(params, "mode"), strict, string(params, "settings"), scenario);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw invalid(e.getMessage());
        }
    }

    private static String string(JsonObject o, String key) {
        if (o == null || !o.has(key) || o.get(key).isJsonNull()) {
            return null;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive()) {
            throw invalid("params." + key + " must be a string");
        }
        return e.getAsString();
    }

    private static CompletionException invalid(String message) {
        return new CompletionException(new ResponseErrorException(
                new ResponseError(ResponseErrorCode.InvalidParams, message, null)));
    }
}
