package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The schema processing dt-schema applies to every binding before it validates a tree (dt-schema 2022.08,
 * {@code dtschema/lib.py}: {@code fixup_schema} and {@code add_select_schema}): a {@code select} made from the
 * {@code compatible} values (or {@code $nodename}); {@code phandle}, {@code status}, {@code pinctrl-*} and
 * {@code assigned-clock*} allowed in every closed node; {@code interrupts} implying {@code interrupts-extended};
 * integer and string properties normalised to the matrix form the values take ({@code [[1, 2], [3]]},
 * {@code ["a", "b"]}); implicit {@code minItems}/{@code maxItems} from an {@code items} list; and
 * {@code dependencies} split into the 2019-09 keywords. Works in place on a Jackson tree.
 */
final class SchemaProcessor {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern INT_ARRAY_REF = Pattern.compile("int(8|16|32|64)-array");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("-(kBps|bits|percent|bp|m?hz|sec|ms|us|ns|ps|mm|nanoamp"
            + "|(micro-)?ohms|micro(amp|watt)(-hours)?|milliwatt|microvolt|picofarads|(milli)?celsius|kelvin|kpascal)$");
    private static final Set<String> KNOWN_ARRAY_PROPS = Set.of("assigned-clock-rates", "linux,keycodes",
            "max8997,pmic-buck1-dvs-voltage", "max8997,pmic-buck2-dvs-voltage", "max8997,pmic-buck5-dvs-voltage");
    private static final Set<String> VARIABLE_MATRIX_PROPS = Set.of("fsl,pins");

    private SchemaProcessor() {
    }

    /** Processes one binding's top-level schema. */
    static void process(ObjectNode schema) {
        schema.remove("examples");
        schema.remove("maintainers");
        schema.remove("historical");
        addSelect(schema);
        fixupSubSchema(schema, true);
        schema.put("type", "object");
    }

    // ---- select -------------------------------------------------------------------------------------

    static void addSelect(ObjectNode schema) {
        if (schema.has("select")) {
            return;
        }
        JsonNode props = schema.get("properties");
        if (!(props instanceof ObjectNode)) {
            schema.put("select", false);
            return;
        }
        if (props.has("compatible")) {
            Set<String> compatibles = new TreeSet<>(nodeCompatibles(props.get("compatible")));
            compatibles.remove("syscon");
            compatibles.remove("simple-mfd");
            if (!compatibles.isEmpty()) {
                ObjectNode sel = F.objectNode();
                sel.set("required", F.arrayNode().add("compatible"));
                ArrayNode en = F.arrayNode();
                compatibles.forEach(en::add);
                ObjectNode contains = F.objectNode();
                contains.set("enum", en);
                ObjectNode compat = F.objectNode();
                compat.set("contains", contains);
                sel.set("properties", F.objectNode().set("compatible", compat));
                schema.set("select", sel);
                return;
            }
        }
        JsonNode nodename = props.get("$nodename");
        if (nodename != null && !nodename.equals(BooleanNode.TRUE)) {
            ObjectNode sel = F.objectNode();
            sel.set("required", F.arrayNode().add("$nodename"));
            sel.set("properties", F.objectNode().set("$nodename", nodename.deepCopy()));
            schema.set("select", sel);
            return;
        }
        schema.put("select", false);
    }

    /** Every string under an {@code enum}, {@code const} or {@code pattern} of a compatible schema. */
    static Set<String> nodeCompatibles(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        collect(schema, "enum", out, true);
        collect(schema, "const", out, false);
        collect(schema, "pattern", out, false);
        return out;
    }

    private static void collect(JsonNode n, String key, Set<String> out, boolean firstMustBeString) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(key)) {
                    JsonNode v = e.getValue();
                    if (v.isArray()) {
                        if (!firstMustBeString || (v.size() > 0 && v.get(0).isTextual())) {
                            v.forEach(x -> out.add(x.isTextual() ? x.asText() : x.toString()));
                        }
                    } else {
                        out.add(v.isTextual() ? v.asText() : v.toString());
                    }
                } else {
                    collect(e.getValue(), key, out, firstMustBeString);
                }
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(x -> collect(x, key, out, firstMustBeString));
        }
    }

    // ---- node level ---------------------------------------------------------------------------------

    private static void fixupSubSchema(JsonNode node, boolean isProp) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        schema.remove("description");
        fixupInterrupts(schema);
        if (isProp) {
            fixupNodeProps(schema);
        }
        if (BooleanNode.TRUE.equals(schema.get("additionalProperties"))) {
            schema.remove("additionalProperties");
        }
        List<String> keys = new ArrayList<>();
        schema.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
            JsonNode v = schema.get(k);
            if (v == null) {
                continue;
            }
            switch (k) {
                case "select", "if", "then", "else", "additionalProperties", "not" -> fixupSubSchema(v, false);
                case "allOf", "anyOf", "oneOf" -> v.forEach(s -> fixupSubSchema(s, true));
                default -> {
                }
            }
            if (Set.of("dependentRequired", "dependentSchemas", "dependencies", "properties", "patternProperties", "$defs")
                    .contains(k) && v instanceof ObjectNode props) {
                List<String> names = new ArrayList<>();
                props.fieldNames().forEachRemaining(names::add);
                for (String prop : names) {
                    walkProperties(prop, props.get(prop));
                    fixupSubSchema(props.get(prop), true);
                }
            }
        }
        to201909(schema);
    }

    private static void fixupNodeProps(ObjectNode schema) {
        if (!(schema.has("properties") || schema.has("patternProperties") || schema.has("unevaluatedProperties"))) {
            return;
        }
        if (BooleanNode.TRUE.equals(schema.get("additionalProperties"))
                || BooleanNode.TRUE.equals(schema.get("unevaluatedProperties"))) {
            return;
        }
        if (!(schema.get("properties") instanceof ObjectNode)) {
            schema.set("properties", F.objectNode());
        }
        ObjectNode props = (ObjectNode) schema.get("properties");
        for (String p : List.of("phandle", "status", "secure-status", "$nodename")) {
            if (!props.has(p)) {
                props.put(p, true);
            }
        }
        List<String> keys = new ArrayList<>();
        props.fieldNames().forEachRemaining(keys::add);
        if (schema.get("patternProperties") instanceof ObjectNode pp) {
            pp.fieldNames().forEachRemaining(keys::add);
        }
        boolean pinctrl = keys.stream().anyMatch(k -> k.startsWith("pinctrl-") && k.length() > 8
                && Character.isDigit(k.charAt(8)));
        if (!pinctrl) {
            if (!props.has("pinctrl-names")) {
                props.put("pinctrl-names", true);
            }
            if (!(schema.get("patternProperties") instanceof ObjectNode)) {
                schema.set("patternProperties", F.objectNode());
            }
            ((ObjectNode) schema.get("patternProperties")).put("pinctrl-[0-9]+", true);
        }
        if (keys.contains("clocks") && !keys.contains("assigned-clocks")) {
            props.put("assigned-clocks", true);
            props.put("assigned-clock-rates", true);
            props.put("assigned-clock-parents", true);
        }
    }

    private static void fixupInterrupts(ObjectNode schema) {
        if (!(schema.get("properties") instanceof ObjectNode props)) {
            return;
        }
        if ((props.has("interrupts") || props.has("interrupt-controller")) && !props.has("interrupt-parent")) {
            props.put("interrupt-parent", true);
        }
        if (!props.has("interrupts") || props.has("interrupts-extended")) {
            return;
        }
        props.set("interrupts-extended", props.get("interrupts").deepCopy());
        JsonNode req = schema.get("required");
        if (!(req instanceof ArrayNode reqs) || !contains(reqs, "interrupts")) {
            return;
        }
        ArrayNode reqList = F.arrayNode();
        reqList.add(F.objectNode().set("required", F.arrayNode().add("interrupts")));
        reqList.add(F.objectNode().set("required", F.arrayNode().add("interrupts-extended")));
        if (schema.has("oneOf")) {
            if (!(schema.get("allOf") instanceof ArrayNode)) {
                schema.set("allOf", F.arrayNode());
            }
            ((ArrayNode) schema.get("allOf")).add(F.objectNode().set("oneOf", reqList));
        } else {
            schema.set("oneOf", reqList);
        }
        for (int i = 0; i < reqs.size(); i++) {
            if ("interrupts".equals(reqs.get(i).asText())) {
                reqs.remove(i);
                break;
            }
        }
    }

    private static boolean contains(ArrayNode a, String s) {
        for (JsonNode x : a) {
            if (s.equals(x.asText())) {
                return true;
            }
        }
        return false;
    }

    // ---- property level -----------------------------------------------------------------------------

    private static void walkProperties(String prop, JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        for (String cond : List.of("allOf", "oneOf", "anyOf")) {
            JsonNode l = schema.get(cond);
            if (l != null && l.isArray()) {
                l.forEach(s -> walkProperties(prop, s));
            }
        }
        if (schema.has("then")) {
            walkProperties(prop, schema.get("then"));
        }
        fixupVals(prop, schema);
    }

    private static void fixupVals(String prop, ObjectNode schema) {
        schema.remove("description");
        fixupReg(prop, schema);
        removeEmptyItems(schema);
        fixupIntMatrix(prop, schema);
        intArrayMinMaxToMatrix(prop, schema);
        intArrayItemsToMatrix(prop, schema);
        stringToArray(schema);
        scalarToArray(schema);
        itemsSize(schema);
        to201909(schema);
    }

    private static boolean valueIs(ObjectNode s, String key, boolean integer) {
        JsonNode v = s.get(key);
        if (v == null) {
            return false;
        }
        if (v.isArray()) {
            if (v.size() == 0) {
                return false;
            }
            v = v.get(0);
        }
        return integer ? v.isIntegralNumber() : v.isTextual();
    }

    private static boolean isIntSchema(JsonNode n) {
        if (!(n instanceof ObjectNode s)) {
            return false;
        }
        for (String k : List.of("const", "enum", "minimum", "maximum")) {
            if (valueIs(s, k, true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStringSchema(ObjectNode s) {
        for (String k : List.of("const", "enum", "pattern")) {
            if (valueIs(s, k, false)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode extractSingle(ObjectNode s) {
        ObjectNode out = F.objectNode();
        for (String k : List.of("const", "enum", "pattern", "minimum", "maximum")) {
            JsonNode v = s.remove(k);
            if (v != null) {
                out.set(k, v);
            }
        }
        return out;
    }

    private static void stringToArray(ObjectNode s) {
        if (isStringSchema(s)) {
            s.set("items", F.arrayNode().add(extractSingle(s)));
        }
    }

    private static void fixupReg(String prop, ObjectNode s) {
        if (!prop.equals("reg")) {
            return;
        }
        ObjectNode item;
        JsonNode items = s.get("items");
        if (items != null) {
            JsonNode first = items.isArray() ? (items.size() > 0 ? items.get(0) : null) : items;
            if (!isIntSchema(first)) {
                return;
            }
            item = (ObjectNode) first;
        } else if (isIntSchema(s)) {
            item = s;
        } else {
            return;
        }
        ObjectNode inner = F.objectNode();
        inner.set("items", F.arrayNode().add(extractSingle(item)));
        s.set("items", F.arrayNode().add(inner));
    }

    private static boolean isMatrix(ObjectNode s) {
        JsonNode items = s.get("items");
        if (items == null) {
            return false;
        }
        if (items.isArray()) {
            for (JsonNode l : items) {
                if (l.has("items") || l.has("maxItems") || l.has("minItems")) {
                    return true;
                }
            }
            return false;
        }
        return items.has("items") || items.has("maxItems") || items.has("minItems");
    }

    /** (min, max) as dt-schema's {@code _get_array_range}. */
    private static int[] arrayRange(JsonNode n) {
        if (n instanceof ArrayNode a) {
            if (a.size() != 1) {
                return new int[] {0, 0};
            }
            n = a.get(0);
        }
        if (n == null || !n.isObject()) {
            return new int[] {1, 0};
        }
        JsonNode items = n.get("items");
        if (items != null && items.isArray()) {
            int max = items.size();
            int min = n.has("minItems") ? n.get("minItems").asInt() : max;
            return new int[] {min, max};
        }
        int min = n.has("minItems") ? n.get("minItems").asInt() : 1;
        int max = n.has("maxItems") ? n.get("maxItems").asInt() : (n.has("minItems") ? n.get("minItems").asInt() : 0);
        return new int[] {min, max};
    }

    private static void fixupIntMatrix(String prop, ObjectNode s) {
        if (!isMatrix(s)) {
            return;
        }
        int[] outer = arrayRange(s);
        int[] inner = arrayRange(s.get("items"));
        if (VARIABLE_MATRIX_PROPS.contains(prop) || (outer[0] != outer[1] && inner[0] != inner[1])) {
            s.remove("items");
            s.remove("maxItems");
            s.remove("minItems");
            s.put("type", "array");
        }
    }

    private static boolean isIntArraySchema(String prop, ObjectNode s) {
        if (s.get("allOf") instanceof ArrayNode all) {
            for (JsonNode item : all) {
                if (item.has("items") && item instanceof ObjectNode o) {
                    s = o;
                    continue;
                }
                if (item.has("$ref")) {
                    return INT_ARRAY_REF.matcher(item.get("$ref").asText()).find();
                }
            }
        }
        if (s.has("$ref")) {
            return INT_ARRAY_REF.matcher(s.get("$ref").asText()).find();
        } else if (UNIT_SUFFIX.matcher(prop).find() || KNOWN_ARRAY_PROPS.contains(prop)) {
            return true;
        }
        JsonNode items = s.get("items");
        return items != null && ((items.isArray() && items.size() > 0 && isIntSchema(items.get(0)))
                || (items.isObject() && isIntSchema(items)));
    }

    private static void intArrayMinMaxToMatrix(String prop, ObjectNode s) {
        if (!isIntArraySchema(prop, s)) {
            return;
        }
        if (s.get("allOf") instanceof ArrayNode all) {
            for (JsonNode item : all) {
                if ((item.has("minItems") || item.has("maxItems")) && item instanceof ObjectNode o) {
                    s = o;
                    break;
                }
            }
        }
        if (s.has("items") && s.get("items").isArray()) {
            return;
        }
        if (isMatrix(s)) {
            return;
        }
        if (s.has("maxItems") && s.get("maxItems").asInt() == 1) {
            return;
        }
        ObjectNode tmp = F.objectNode();
        if (s.has("minItems")) {
            tmp.set("minItems", s.remove("minItems"));
        }
        if (s.has("maxItems")) {
            tmp.set("maxItems", s.remove("maxItems"));
        }
        if (tmp.isEmpty()) {
            return;
        }
        ObjectNode first = tmp.deepCopy();
        ObjectNode second = F.objectNode();
        second.set("items", F.arrayNode().add(tmp.deepCopy()));
        first.set("items", F.objectNode().put("maxItems", 1));
        if (first.has("minItems") && first.get("minItems").asInt() == 1) {
            first.put("minItems", 2);
        }
        ArrayNode oneOf = F.arrayNode().add(first).add(second);
        s.set("oneOf", oneOf);
        itemsSize(oneOf);
    }

    private static void intArrayItemsToMatrix(String prop, ObjectNode s) {
        if (!isIntArraySchema(prop, s)) {
            return;
        }
        if (s.get("allOf") instanceof ArrayNode all) {
            for (JsonNode item : all) {
                if (item.has("items") && item instanceof ObjectNode o) {
                    s = o;
                    break;
                }
            }
        }
        if (!s.has("items") || isMatrix(s)) {
            return;
        }
        ObjectNode moved = F.objectNode();
        for (String k : List.of("items", "minItems", "maxItems", "uniqueItems", "default")) {
            JsonNode v = s.remove(k);
            if (v != null) {
                moved.set(k, v);
            }
        }
        JsonNode was = moved.get("items");
        if (was.isObject()) {
            s.set("items", moved);
        } else {
            s.set("items", F.arrayNode().add(moved));
        }
    }

    private static void scalarToArray(ObjectNode s) {
        if (!isIntSchema(s)) {
            return;
        }
        ObjectNode inner = F.objectNode();
        inner.set("items", F.arrayNode().add(extractSingle(s)));
        s.set("items", F.arrayNode().add(inner));
    }

    private static void removeEmptyItems(ObjectNode s) {
        JsonNode items = s.get("items");
        if (items == null) {
            return;
        }
        if (items instanceof ObjectNode o) {
            removeEmptyItems(o);
            return;
        }
        if (!(items instanceof ArrayNode list)) {
            return;
        }
        for (JsonNode item : list) {
            if (item instanceof ObjectNode o) {
                o.remove("description");
                removeEmptyItems(o);
                if (!o.isEmpty()) {
                    return;
                }
            } else {
                return;
            }
        }
        if (!s.has("type")) {
            s.put("type", "array");
        }
        if (!s.has("maxItems")) {
            s.put("maxItems", list.size());
        }
        if (!s.has("minItems")) {
            s.put("minItems", list.size());
        }
        s.remove("items");
    }

    private static void itemsSize(JsonNode n) {
        if (n instanceof ArrayNode a) {
            a.forEach(SchemaProcessor::itemsSize);
        } else if (n instanceof ObjectNode s) {
            s.remove("description");
            if (s.has("items")) {
                s.put("type", "array");
                JsonNode items = s.get("items");
                if (items.isArray()) {
                    int c = items.size();
                    if (!s.has("minItems")) {
                        s.put("minItems", c);
                    }
                    if (!s.has("maxItems")) {
                        s.put("maxItems", c);
                    }
                }
                itemsSize(items);
            } else if (s.has("maxItems") && !s.has("minItems")) {
                s.set("minItems", s.get("maxItems"));
            } else if (s.has("minItems") && !s.has("maxItems")) {
                s.set("maxItems", s.get("minItems"));
            }
        }
    }

    private static void to201909(ObjectNode s) {
        JsonNode deps = s.remove("dependencies");
        if (deps instanceof ObjectNode d) {
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getValue().isArray() ? "dependentRequired" : "dependentSchemas";
                if (!(s.get(key) instanceof ObjectNode)) {
                    s.set(key, F.objectNode());
                }
                ((ObjectNode) s.get(key)).set(e.getKey(), e.getValue());
            }
        } else if (deps != null) {
            s.set("dependencies", deps);
        }
    }
}
