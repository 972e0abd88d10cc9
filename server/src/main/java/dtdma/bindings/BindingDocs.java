package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a binding says to a person: its properties with their descriptions, types and allowed values, read from
 * the binding file as written (processing drops descriptions). For hover and completion.
 */
public final class BindingDocs {
    private static final Map<String, JsonNode> RAW = new ConcurrentHashMap<>();

    private BindingDocs() {
    }

    /** One property as the binding documents it. */
    public record Prop(String name, String description, String type, List<String> values, boolean required) {
    }

    /** The bindings of a node: those selecting one of its compatibles, most specific compatible first. */
    public static List<Binding> forNode(BindingSet set, List<String> compatibles) {
        Set<Binding> out = new LinkedHashSet<>();
        for (String c : compatibles) {
            out.addAll(set.forCompatible(c));
        }
        return new ArrayList<>(out);
    }

    /** The properties a binding lists (its own {@code properties}, in order), with what it says of each. */
    public static List<Prop> properties(Binding b) {
        JsonNode raw = raw(b);
        List<Prop> out = new ArrayList<>();
        if (raw == null || !(raw.get("properties") instanceof ObjectNode props)) {
            return out;
        }
        Set<String> required = new LinkedHashSet<>();
        if (raw.get("required") != null) {
            raw.get("required").forEach(r -> required.add(r.asText()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("$")) {
                continue;
            }
            out.add(prop(e.getKey(), e.getValue(), required.contains(e.getKey())));
        }
        return out;
    }

    /** One property of a binding, or null when the binding does not list it. */
    public static Prop property(Binding b, String name) {
        for (Prop p : properties(b)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static Prop prop(String name, JsonNode s, boolean required) {
        String description = s.has("description") ? s.get("description").asText().strip() : null;
        String type = null;
        List<String> values = new ArrayList<>();
        collect(s, values, 0);
        Set<String> refs = new LinkedHashSet<>();
        refs(s, refs, 0);
        for (String r : refs) {
            int i = r.indexOf("types.yaml#/definitions/");
            type = i >= 0 ? r.substring(i + "types.yaml#/definitions/".length()) : r;
            break;
        }
        if (type == null && s.has("type")) {
            type = s.get("type").asText();
        }
        return new Prop(name, description, type, List.copyOf(new LinkedHashSet<>(values)), required);
    }

    /** The {@code const} and {@code enum} values under a property, in order (items of a list first to last). */
    private static void collect(JsonNode n, List<String> out, int depth) {
        if (n == null || depth > 8) {
            return;
        }
        if (n.isObject()) {
            if (n.has("const") && n.get("const").isValueNode()) {
                out.add(n.get("const").asText());
            }
            if (n.has("enum") && n.get("enum").isArray()) {
                n.get("enum").forEach(v -> out.add(v.asText()));
            }
            for (String k : List.of("items", "oneOf", "anyOf", "allOf", "contains")) {
                collect(n.get(k), out, depth + 1);
            }
        } else if (n.isArray()) {
            n.forEach(x -> collect(x, out, depth + 1));
        }
    }

    private static void refs(JsonNode n, Set<String> out, int depth) {
        if (n == null || depth > 4 || !n.isObject()) {
            return;
        }
        if (n.has("$ref")) {
            out.add(n.get("$ref").asText());
        }
        for (String k : List.of("allOf", "oneOf", "anyOf")) {
            if (n.get(k) != null && n.get(k).isArray()) {
                n.get(k).forEach(x -> refs(x, out, depth + 1));
            }
        }
    }

    static JsonNode raw(Binding b) {
        if (b.path() == null) {
            return null;
        }
        return RAW.computeIfAbsent(b.path().toString() + "\0" + b.id(), k -> {
            try {
                return Yaml.parse(new String(Files.readAllBytes(b.path()), StandardCharsets.UTF_8), b.file());
            } catch (IOException | IllegalArgumentException e) {
                return com.fasterxml.jackson.databind.node.NullNode.getInstance();
            }
        });
    }
}
