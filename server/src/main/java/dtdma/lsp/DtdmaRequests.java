package dtdma.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.Mode;
import dtdma.devlink.Scenario;
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
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * The device-link custom requests {@code dtdma/topology} and {@code dtdma/simulate} (see docs/protocol.md), and
 * {@code dtdma/heap} for the benchmark. Bad parameters answer a JSON-RPC {@code InvalidParams} error.
 */
public final class DtdmaRequests {
    private final DtdmaLanguageServer server;
    private final java.util.concurrent.ExecutorService exec = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "dtdma-custom-request", 64L << 20); // the pipeline recurses deeply
        t.setDaemon(true);
        return t;
    });

    DtdmaRequests(DtdmaLanguageServer server) {
        this.server = server;
    }

    /** {@code dtdma/topology}: {uri, mode?, fwDevlinkStrict?, settings?, scenario?} → the topology graph JSON. */
    @JsonRequest(value = "dtdma/topology", useSegment = false)
    public CompletableFuture<JsonObject> topology(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            Scenario scenario = scenario(params, false);
            return run(params, scenario).json(scenario != null);
        }, exec);
    }

    /** {@code dtdma/simulate}: {uri, mode?, scenario} → {mode, steps: [{step, result, trace, state}]}. */
    @JsonRequest(value = "dtdma/simulate", useSegment = false)
    public CompletableFuture<JsonObject> simulate(JsonObject params) {
        return CompletableFuture.supplyAsync(() -> {
            Scenario scenario = scenario(params, true);
            TopologyFeature.Run r = run(params, scenario);
            JsonObject out = new JsonObject();
            out.addProperty("mode", r.last().json().get("mode").getAsString());
            out.add("steps", r.stepsJson());
            return out;
        }, exec);
    }

    /** {@code dtdma/heap}: runs a full GC and answers {used, committed, max} heap bytes (for the benchmark). */
    @JsonRequest(value = "dtdma/heap", useSegment = false)
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

    private TopologyFeature.Run run(JsonObject params, Scenario scenario) {
        Path p = params == null || !params.has("uri") ? null : Convert.path(params.get("uri").getAsString());
        if (p == null) {
            throw invalid("params.uri must be a file: URI");
        }
        Analysis a;
        try {
            a = server.ws().analysisFor(p, () -> false);
        } catch (RuntimeException e) {
            throw invalid("cannot analyse " + p + ": " + e.getMessage());
        }
        DevlinkSettings s = settings(params, a.devlinkSettings(), scenario);
        try {
            return TopologyFeature.run(a.dma(), a.sdma(), s, scenario, a.root().getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw invalid("scenario: " + e.getMessage());
        }
    }

    private static DevlinkSettings settings(JsonObject params, DevlinkSettings base, Scenario scenario) {
        DevlinkSettings s = base;
        try {
            String words = string(params, "settings");
            if (scenario != null && scenario.settings() != null) {
                words = (words == null ? "" : words + " ") + scenario.settings();
            }
            if (words != null) {
                DevlinkSettings x = DevlinkSettings.parse(words);
                s = new DevlinkSettings(s.mode(), s.fwDevlinkStrict(), s.customFlags(), s.customToChannel(),
                        s.frankLegalRpmActive() || x.frankLegalRpmActive(), s.channelPm() || x.channelPm(),
                        s.controllerPm() || x.controllerPm(), x.irqSafe(), x.requests(), x.lateRequest(),
                        x.mandatory(), x.autosuspendMs());
            }
            String mode = string(params, "mode");
            if (mode != null) {
                s = DevlinkSettings.isStrictName(mode) ? s.withMode(Mode.NONE).withStrict(true)
                        : s.withMode(Mode.parse(mode)).withStrict(false);
            }
            if (params.has("fwDevlinkStrict")) {
                s = s.withStrict(params.get("fwDevlinkStrict").getAsBoolean());
            }
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
            throw invalid(e.getMessage());
        }
        return s;
    }

    private static Scenario scenario(JsonObject params, boolean required) {
        JsonElement e = params == null ? null : params.get("scenario");
        if (e == null || e.isJsonNull()) {
            if (required) {
                throw invalid("params.scenario is required: {\"events\": [{\"op\": \"resume\", \"device\": \"...\"}]}");
            }
            return null;
        }
        try {
            return Scenario.parse(e.isJsonPrimitive() ? e.getAsString() : e.toString());
        } catch (IllegalArgumentException ex) {
            throw invalid(ex.getMessage());
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
