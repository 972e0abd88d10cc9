package dtdma.devlink;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dtdma.check.Budgets;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario file: optional settings (the {@link DevlinkSettings#parse} words) and a list of events, e.g.
 * <pre>{"settings": "channel-pm", "events": [{"op": "resume", "device": "ecspi1"},
 *   {"op": "unbind", "device": "sdma1"}, {"op": "bind", "device": "sdma1"}]}</pre>
 * Ops: resume, suspend, bind, unbind, open / close (a port's startup and shutdown), hw_params / hw_free (a PCM's,
 * optionally with {@code name}), request, release (the last two with {@code name}). Open and hw_params make the
 * requests the consumer-driver model puts there ({@code dma.DriverRequests}).
 */
public record Scenario(String settings, List<Simulation.Event> events) {
    public Scenario {
        events = List.copyOf(events);
    }

    /**
     * Parses the JSON text.
     *
     * @throws IllegalArgumentException when it is not a scenario
     */
    public static Scenario parse(String json) {
        if (json.length() > Budgets.MAX_SCENARIO_BYTES) {
            throw new IllegalArgumentException("a scenario is limited to " + Budgets.MAX_SCENARIO_BYTES + " characters, this one has "
                    + json.length());
        }
        checkDepth(json);
        try {
            JsonElement root = JsonParser.parseString(json);
            JsonArray arr;
            String settings = null;
            if (root.isJsonArray()) {
                arr = root.getAsJsonArray();
            } else {
                JsonObject o = root.getAsJsonObject();
                if (o.has("settings")) {
                    settings = o.get("settings").getAsString();
                }
                arr = o.has("events") ? o.getAsJsonArray("events") : new JsonArray();
            }
            if (arr.size() > Budgets.MAX_SCENARIO_EVENTS) {
                throw new IllegalArgumentException("a scenario is limited to " + Budgets.MAX_SCENARIO_EVENTS
                        + " events, this one has " + arr.size());
            }
            List<Simulation.Event> events = new ArrayList<>();
            for (JsonElement e : arr) {
                JsonObject eo = e.getAsJsonObject();
                if (!eo.has("op") || !eo.has("device")) {
                    throw new IllegalArgumentException("every event needs \"op\" and \"device\": " + eo);
                }
                events.add(new Simulation.Event(eo.get("op").getAsString(), eo.get("device").getAsString(),
                        eo.has("name") ? eo.get("name").getAsString() : null));
            }
            return new Scenario(settings, events);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new IllegalArgumentException("not a scenario: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a scenario file: only a regular file (never a FIFO or device, which could block or never end), at
     * most {@link Budgets#MAX_SCENARIO_BYTES} bytes.
     *
     * @throws java.io.IOException when it cannot be read
     * @throws IllegalArgumentException when it is not a scenario or exceeds a limit
     */
    public static Scenario read(Path file) throws java.io.IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new java.io.IOException(a.isDirectory() ? "it is a directory" : "not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Budgets.MAX_SCENARIO_BYTES + 1);
        }
        if (bytes.length > Budgets.MAX_SCENARIO_BYTES) {
            throw new IllegalArgumentException("a scenario file is limited to " + Budgets.MAX_SCENARIO_BYTES + " bytes");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Refuses JSON nested deeper than {@link Budgets#MAX_JSON_DEPTH} before a recursive parser sees it. */
    private static void checkDepth(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > Budgets.MAX_JSON_DEPTH) {
                    throw new IllegalArgumentException("a scenario is limited to " + Budgets.MAX_JSON_DEPTH
                            + " levels of nested arrays and objects");
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }
}
