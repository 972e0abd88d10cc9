package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a DMA consumer's binding says about its channels: the {@code dma-names} it lists (in order when the
 * binding gives {@code items}, as a set when it gives an {@code enum}), whether {@code dma-names} and
 * {@code dmas} are required, and how many {@code dmas} entries it allows. Read from the binding's top-level
 * {@code properties} and {@code required}; constraints a binding adds per compatible inside {@code if}/{@code then}
 * are checked by the BND validation, not summarised here.
 *
 * @param binding       the binding the facts come from
 * @param names         the names the binding lists, empty when it lists none
 * @param ordered       whether {@link #names} is the order the entries must have (an {@code items} list)
 * @param namesRequired whether {@code dma-names} is under {@code required}
 * @param dmasRequired  whether {@code dmas} is under {@code required}
 * @param minDmas       the fewest {@code dmas} entries allowed, or null when the binding does not say
 * @param maxDmas       the most {@code dmas} entries allowed, or null when the binding does not say
 * @param minNames      the {@code minItems} of {@code dma-names}, or null when the binding does not say
 */
public record DmaFacts(Binding binding, List<String> names, boolean ordered, boolean namesRequired,
        boolean dmasRequired, Integer minDmas, Integer maxDmas, Integer minNames) {

    /**
     * The names every node of this binding must have: for an ordered list, the first {@code minItems} (all when
     * the binding gives no {@code minItems}); for a set of alternatives ({@code enum}), none.
     */
    public List<String> requiredNames() {
        if (!ordered) {
            return List.of();
        }
        int n = minNames == null ? names.size() : Math.min(minNames, names.size());
        return names.subList(0, n);
    }

    /** Whether the binding describes DMA at all ({@code dmas} or {@code dma-names} among its properties). */
    public boolean describesDma() {
        return !names.isEmpty() || minDmas != null || maxDmas != null || dmasRequired || namesRequired;
    }

    /**
     * The facts of the first binding (most specific compatible first) that lists {@code dmas} or
     * {@code dma-names}, or null when no binding of the node does.
     */
    public static DmaFacts of(BindingSet set, List<String> compatibles) {
        if (set == null) {
            return null;
        }
        for (Binding b : BindingDocs.forNode(set, compatibles)) {
            DmaFacts f = of(b);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    static DmaFacts of(Binding b) {
        JsonNode raw = BindingDocs.raw(b);
        JsonNode props = raw == null ? null : raw.get("properties");
        if (props == null || !props.isObject() || (!props.has("dmas") && !props.has("dma-names"))) {
            return null;
        }
        List<String> required = new ArrayList<>();
        if (raw.get("required") != null) {
            raw.get("required").forEach(r -> required.add(r.asText()));
        }
        List<String> names = new ArrayList<>();
        boolean ordered = false;
        JsonNode dn = props.get("dma-names");
        Integer minNames = dn != null && dn.has("minItems") ? dn.get("minItems").asInt() : null;
        if (dn != null && dn.isObject()) {
            JsonNode items = dn.get("items");
            if (items != null && items.isArray()) {
                ordered = true;
                for (JsonNode it : items) {
                    if (it.has("const")) {
                        names.add(it.get("const").asText());
                    } else if (it.has("enum")) {
                        it.get("enum").forEach(e -> names.add(e.asText()));
                        ordered = false;
                    }
                }
            } else if (items != null && items.has("enum")) {
                items.get("enum").forEach(e -> names.add(e.asText()));
            } else if (dn.has("const")) {
                names.add(dn.get("const").asText());
                ordered = true;
            } else if (dn.has("enum")) {
                dn.get("enum").forEach(e -> names.add(e.asText()));
            }
        }
        Integer min = null;
        Integer max = null;
        JsonNode dmas = props.get("dmas");
        if (dmas != null && dmas.isObject()) {
            if (dmas.has("minItems")) {
                min = dmas.get("minItems").asInt();
            }
            if (dmas.has("maxItems")) {
                max = dmas.get("maxItems").asInt();
            }
            JsonNode items = dmas.get("items");
            if (items != null && items.isArray()) {
                max = max == null ? items.size() : max;
                min = min == null ? items.size() : min;
            } else if (max != null && min == null) {
                min = max; // dt-schema's rule: maxItems alone fixes the count
            }
        }
        return new DmaFacts(b, List.copyOf(names), ordered, required.contains("dma-names"), required.contains("dmas"),
                min, max, minNames);
    }
}
