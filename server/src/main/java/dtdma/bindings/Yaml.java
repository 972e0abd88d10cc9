package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads a binding (YAML 1.2, core schema, as dt-schema reads it) into a Jackson tree. */
final class Yaml {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Yaml() {
    }

    /** The first document of {@code text}; a YAML error is thrown as {@link IllegalArgumentException}. */
    static JsonNode parse(String text, String label) {
        LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false).setMaxAliasesForCollections(200).setCodePointLimit(16 << 20).build();
        try {
            Iterable<Object> docs = new Load(settings).loadAllFromString(text);
            for (Object d : docs) {
                return toJson(d, 0);
            }
            return F.nullNode();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode toJson(Object o, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("nesting too deep");
        }
        if (o == null) {
            return F.nullNode();
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = F.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n.set(String.valueOf(e.getKey()), toJson(e.getValue(), depth + 1));
            }
            return n;
        }
        if (o instanceof List<?> l) {
            ArrayNode a = F.arrayNode();
            for (Object x : l) {
                a.add(toJson(x, depth + 1));
            }
            return a;
        }
        if (o instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (o instanceof Integer i) {
            return F.numberNode(i.longValue());
        }
        if (o instanceof Long l) {
            return F.numberNode(l);
        }
        if (o instanceof BigInteger b) {
            return F.numberNode(b);
        }
        if (o instanceof Double d) {
            return F.numberNode(d);
        }
        if (o instanceof Number num) {
            return F.numberNode(num.doubleValue());
        }
        return F.textNode(String.valueOf(o));
    }
}
