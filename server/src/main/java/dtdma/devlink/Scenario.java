package dtdma.devlink;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a scenario: " + e.getMessage(), e);
        }
    }
}
