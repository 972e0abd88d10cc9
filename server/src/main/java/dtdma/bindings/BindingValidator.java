package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Validates every node of a merged tree against the bindings that select it, as dt-validate does: nodes in
 * tree order, {@code $nodename} set on each node as it is reached, every schema whose {@code select} matches
 * applied to the node (its properties and its child nodes), and on a disabled node (or below one) missing
 * required properties not reported.
 *
 * <p>Incremental: a node's validation reads only its JSON instance (its properties' names and values as split
 * into entries, which is where the parent's {@code #address-cells}/{@code #size-cells}, the interrupt parent's
 * and the phandle targets' {@code #...-cells} enter, and the same for every node below it, since a schema applies
 * to the child nodes too), each integer's written width, its name and compatibles (selection), and whether an
 * ancestor is disabled. The digest of exactly these inputs keys the node's findings in the binding set's
 * {@link ValidationCache}; an edit re-validates only the nodes whose inputs changed (the edited node and its
 * ancestors), and cached findings are re-attached to the current tree's nodes (so their places are current).
 */
public final class BindingValidator {
    private BindingValidator() {
    }

    /** The findings of one tree; {@code cancelled} is polled between nodes. */
    public static List<BindingFinding> validate(DeviceTree tree, BindingSet set, BooleanSupplier cancelled) {
        return validate(tree, set, cancelled, set.validationCache);
    }

    /** As {@link #validate(DeviceTree, BindingSet, BooleanSupplier)} with the given cache, or none (null). */
    static List<BindingFinding> validate(DeviceTree tree, BindingSet set, BooleanSupplier cancelled,
            ValidationCache cache) {
        NodeValues values = NodeValues.of(tree, set);
        Map<Node, String> keys = cache == null ? null : NodeDigest.of(tree.root(), values);
        List<BindingFinding> out = new ArrayList<>();
        walk(tree.root(), false, values, set, out, cancelled, cache, keys);
        return out;
    }

    private static void walk(Node n, boolean disabledIn, NodeValues values, BindingSet set, List<BindingFinding> out,
            BooleanSupplier cancelled, ValidationCache cache, Map<Node, String> keys) {
        if (!n.isRoot() && n.name().startsWith("__")) {
            return;
        }
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("binding validation cancelled");
        }
        boolean disabled = disabledIn;
        if (n.property("status") != null) {
            disabled = n.status().equals("disabled");
        }
        ObjectNode json = values.json.get(n);
        json.putArray("$nodename").add(n.isRoot() ? "/" : n.name());
        String key = cache == null ? null : (disabledIn ? "D" : "E") + keys.get(n);
        List<ValidationCache.Entry> known = key == null ? null : cache.get(key);
        List<BindingFinding> reused = known == null ? null : new ArrayList<>(known.size());
        for (int i = 0; known != null && i < known.size(); i++) {
            BindingFinding f = attach(n, known.get(i));
            if (f == null) {
                reused = null; // cannot happen while the key holds the child names; validate rather than guess
                break;
            }
            reused.add(f);
        }
        if (reused != null) {
            out.addAll(reused);
        } else {
            int from = out.size();
            validateNode(n, json, disabled, values, set, out);
            if (cache != null) {
                List<ValidationCache.Entry> mine = new ArrayList<>();
                for (BindingFinding f : out.subList(from, out.size())) {
                    ValidationCache.Entry e = detach(n, f);
                    if (e == null) {
                        mine = null; // not expressible relative to the node: not cached
                        break;
                    }
                    mine.add(e);
                }
                if (mine != null) {
                    cache.put(key, mine);
                }
            }
        }
        for (Node c : n.children()) {
            walk(c, disabled, values, set, out, cancelled, cache, keys);
        }
    }

    private static ValidationCache.Entry detach(Node validated, BindingFinding f) {
        List<String> below = new ArrayList<>();
        for (Node x = f.node(); x != validated; x = x.parent()) {
            if (x == null || x.parent() == null) {
                return null;
            }
            below.add(0, x.name());
        }
        return new ValidationCache.Entry(f.kind(), below, f.property(), f.path(), f.keyword(), f.schemaPath(),
                f.binding(), f.detail(), f.disabled());
    }

    private static BindingFinding attach(Node validated, ValidationCache.Entry e) {
        Node node = validated;
        for (String name : e.below()) {
            node = node.child(name);
            if (node == null) {
                return null;
            }
        }
        return new BindingFinding(e.kind(), node, validated, e.property(), e.path(), e.keyword(), e.schemaPath(),
                e.binding(), e.detail(), e.disabled());
    }

    /** The findings of the schemas that select {@code n}, applied to its JSON. */
    private static void validateNode(Node n, ObjectNode json, boolean disabled, NodeValues values, BindingSet set,
            List<BindingFinding> out) {
        for (Binding b : set.selectFor(json, n.compatibles())) {
            JsonSchema s = set.compiled(b);
            if (s == null) {
                continue;
            }
            List<BindingFinding> mine = new ArrayList<>();
            java.util.Set<ValidationMessage> messages;
            try {
                messages = s.validate(json);
            } catch (RuntimeException e) {
                // a binding the validator cannot apply (a $ref to a schema that is not there, ...): the others run
                java.util.logging.Logger.getLogger(BindingValidator.class.getName()).log(java.util.logging.Level.FINE,
                        "binding " + b.file() + " not applied to " + n.path(), e);
                continue;
            }
            java.util.Set<String> echoed = new java.util.HashSet<>();
            for (ValidationMessage m : withAnyOf(messages)) {
                BindingFinding f = finding(n, json, b, m, disabled, values);
                if (f != null) {
                    mine.add(f);
                } else if (disabled) {
                    ValidationMessage echo = echoOfDroppedRequired(m, json, b);
                    if (echo != null && echoed.add(echo.getProperty())) {
                        BindingFinding e = finding(n, json, b, echo, disabled, values);
                        if (e != null) {
                            mine.add(new BindingFinding(e.kind(), e.node(), e.validated(), e.property(), e.path(),
                                    e.keyword(), e.schemaPath(), e.binding(), "fails its schema on a required "
                                    + "property (not reported while the node is disabled), so the binding, closed by "
                                    + "unevaluatedProperties: false, does not accept it", e.disabled()));
                        }
                    }
                }
            }
            // a property whose value failed a rule is not also "unevaluated" (annotations of a failing
            // subschema are dropped by the JSON-Schema rules, which would report it twice)
            java.util.Set<String> failed = new java.util.HashSet<>();
            for (BindingFinding f : mine) {
                if (f.kind() != BindingFinding.Kind.UNEXPECTED && f.property() != null) {
                    failed.add(f.node().path() + "\0" + f.property());
                }
                if (f.node() != f.validated() && !f.path().isEmpty()) {
                    // any finding inside a child node (an unexpected grandchild too) fails the child's subschema
                    int colon = f.path().indexOf(':');
                    failed.add(f.validated().path() + "\0" + (colon < 0 ? f.path() : f.path().substring(0, colon)));
                }
            }
            for (BindingFinding f : mine) {
                if (!(f.keyword().equals("unevaluatedProperties") && failed.contains(f.node().path() + "\0" + f.property()))) {
                    out.add(f);
                }
            }
        }
    }

    /**
     * dt-validate drops a disabled node's missing-property failures, but not what they leave behind: when the
     * property or child they are in (imx8mq.dtsi's disabled {@code mipi-dsi}: {@code ports} without
     * {@code port@1}) fails its subschema, a binding closed by {@code unevaluatedProperties: false} reports it as
     * unevaluated ("'ports' was unexpected"). That report, for a dropped {@code required} (or a combinator of
     * them) inside a property of the node; null otherwise.
     */
    private static ValidationMessage echoOfDroppedRequired(ValidationMessage m, ObjectNode json, Binding b) {
        boolean required = "required".equals(m.getType())
                || (("oneOf".equals(m.getType()) || "anyOf".equals(m.getType())) && onlyRequired(m));
        JsonNodePath at = m.getInstanceLocation();
        if (!required || nestedInCombinator(m) || at == null || at.getNameCount() == 0
                || !(b.schema() instanceof ObjectNode schema) || !schema.path("unevaluatedProperties").isBoolean()
                || schema.path("unevaluatedProperties").asBoolean()) {
            return null;
        }
        String property = String.valueOf(at.getElement(0));
        if (!json.has(property)) {
            return null;
        }
        JsonNodePath root = at;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ValidationMessage.builder().type("unevaluatedProperties").code("unevaluatedProperties")
                .property(property).instanceLocation(root).instanceNode(json)
                .evaluationPath(new JsonNodePath(com.networknt.schema.PathType.JSON_POINTER).append("unevaluatedProperties"))
                .schemaLocation(com.networknt.schema.SchemaLocation.of(b.id() + "/unevaluatedProperties"))
                .messageSupplier(() -> "/" + property + ": unevaluated (its subschema fails)").build();
    }

    private static BindingFinding finding(Node validated, ObjectNode json, Binding b, ValidationMessage m,
            boolean disabled, NodeValues values) {
        String keyword = m.getType();
        String schemaPath = m.getSchemaLocation() == null ? "" : fragment(m.getSchemaLocation().toString());
        if (keyword.equals("minContains") && schemaPath.endsWith("/contains")) {
            // a plain "contains" (no item matches; its implied minContains is 1): a failed condition, as
            // dt-validate reports it ("does not contain items matching the given schema"), not a count
            keyword = "contains";
        }
        if (nestedInCombinator(m)) {
            return null; // reported through its oneOf/anyOf/not, as dt-validate does
        }
        // walk the instance path: child nodes first, then the property, then indices
        JsonNodePath at = m.getInstanceLocation();
        Node node = validated;
        JsonNode cur = json;
        int i = 0;
        StringBuilder path = new StringBuilder();
        String property = null;
        for (; i < at.getNameCount(); i++) {
            Object e = at.getElement(i);
            if (path.length() > 0) {
                path.append(':');
            }
            path.append(e);
            if (property == null && e instanceof String name && cur instanceof ObjectNode o
                    && o.get(name) instanceof ObjectNode child) {
                Node c = node.child(name);
                if (c != null) {
                    node = c;
                    cur = child;
                    continue;
                }
            }
            if (property == null) {
                property = String.valueOf(e);
            }
        }
        if (property == null && node != validated && node.parent() != null
                && !java.util.Set.of("required", "additionalProperties", "unevaluatedProperties", "dependentRequired",
                        "dependentSchemas", "false").contains(keyword)) {
            // the value under a key is a child node: the finding is about the parent's key
            property = node.name();
            node = node.parent();
            cur = values.json.get(node);
        }
        // dt-validate looks at the failing instance: a child node the parent's binding checks has its own status
        boolean nodeDisabled = disabled || (cur instanceof ObjectNode o && o.has("status")
                && o.get("status").toString().contains("disabled"))
                || (m.getInstanceNode() instanceof ObjectNode o2 && o2.has("status")
                && o2.get("status").toString().contains("disabled"));
        BindingFinding.Kind kind;
        String detail;
        switch (keyword) {
            case "required" -> {
                if (nodeDisabled) {
                    return null;
                }
                kind = BindingFinding.Kind.REQUIRED;
                property = m.getProperty();
                detail = "required property is missing";
            }
            case "additionalProperties", "unevaluatedProperties", "false" -> {
                kind = BindingFinding.Kind.UNEXPECTED;
                if (m.getProperty() != null && property == null) {
                    property = m.getProperty();
                }
                detail = property != null && cur instanceof ObjectNode o && o.get(property) instanceof ObjectNode
                        ? "child node is not allowed by the binding" : "property is not allowed by the binding";
            }
            case "enum", "const", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                    "multipleOf", "uniqueItems" -> {
                kind = BindingFinding.Kind.VALUE;
                detail = valueDetail(keyword, m, path.toString(), property);
            }
            case "minItems", "maxItems", "minProperties", "maxProperties", "minContains", "maxContains" -> {
                kind = BindingFinding.Kind.COUNT;
                detail = countDetail(keyword, m);
            }
            case "type", "typeSize" -> {
                kind = BindingFinding.Kind.TYPE;
                detail = strip(m.getMessage());
            }
            case "oneOf", "anyOf", "not", "dependentRequired", "dependentSchemas", "contains", "if", "then",
                    "else", "allOf" -> {
                if (nodeDisabled && keyword.equals("dependentRequired")) {
                    return null;
                }
                if (nodeDisabled && (keyword.equals("oneOf") || keyword.equals("anyOf")) && onlyRequired(m)) {
                    return null;
                }
                kind = BindingFinding.Kind.CONDITION;
                detail = strip(m.getMessage());
            }
            default -> {
                kind = BindingFinding.Kind.CONDITION;
                detail = strip(m.getMessage());
            }
        }
        return new BindingFinding(kind, node, validated, property, path.toString(), keyword, schemaPath, b, detail,
                nodeDisabled);
    }

    /**
     * The messages plus one {@code anyOf} message for each failing {@code anyOf}: the validator reports only the
     * failures of its alternatives (which are not reported one by one, see {@link #nestedInCombinator}), while
     * dt-validate reports "'anyOf' conditional failed" once. Its schema node is the list of alternatives (for
     * {@link #onlyRequired}) when every alternative failed only on {@code required}.
     */
    static java.util.Collection<ValidationMessage> withAnyOf(java.util.Collection<ValidationMessage> messages) {
        java.util.Map<String, List<ValidationMessage>> groups = new java.util.LinkedHashMap<>();
        java.util.Set<String> own = new java.util.HashSet<>();
        java.util.Map<String, JsonNodePath> instances = new java.util.HashMap<>();
        for (ValidationMessage m : messages) {
            JsonNodePath ev = m.getEvaluationPath();
            if (ev == null) {
                continue;
            }
            if ("anyOf".equals(m.getType())) {
                own.add(ev + "\0" + m.getInstanceLocation());
                continue;
            }
            for (int i = 0; i < ev.getNameCount() - 1; i++) {
                Object e = ev.getElement(i);
                if ("oneOf".equals(e) || "not".equals(e)) {
                    break; // the outermost combinator reports itself
                }
                if ("anyOf".equals(e)) {
                    JsonNodePath at = ev;
                    for (int k = ev.getNameCount() - 1; k > i; k--) {
                        at = at.getParent();
                    }
                    JsonNodePath instance = anyOfInstance(m, i);
                    String key = at + "\0" + instance;
                    instances.putIfAbsent(key, instance);
                    groups.computeIfAbsent(key, x -> new ArrayList<>()).add(m);
                    break;
                }
            }
        }
        if (groups.isEmpty()) {
            return messages;
        }
        List<ValidationMessage> out = new ArrayList<>(messages);
        for (java.util.Map.Entry<String, List<ValidationMessage>> g : groups.entrySet()) {
            if (own.contains(g.getKey())) {
                continue;
            }
            ValidationMessage first = g.getValue().get(0);
            JsonNodePath ev = first.getEvaluationPath();
            int anyOf = -1;
            for (int i = 0; i < ev.getNameCount() && anyOf < 0; i++) {
                if ("anyOf".equals(ev.getElement(i))) {
                    anyOf = i;
                }
            }
            int trim = ev.getNameCount() - anyOf - 1;
            JsonNodePath path = ev;
            for (int k = 0; k < trim; k++) {
                path = path.getParent();
            }
            com.networknt.schema.SchemaLocation loc = first.getSchemaLocation();
            if (loc != null && loc.getFragment() != null && loc.getFragment().getNameCount() > trim) {
                JsonNodePath f = loc.getFragment();
                for (int k = 0; k < trim; k++) {
                    f = f.getParent();
                }
                if ("anyOf".equals(f.getElement(f.getNameCount() - 1))) {
                    loc = new com.networknt.schema.SchemaLocation(loc.getAbsoluteIri(), f);
                }
            }
            boolean onlyRequired = true;
            java.util.Set<String> alternatives = new java.util.TreeSet<>();
            java.util.Set<String> details = new java.util.LinkedHashSet<>();
            for (ValidationMessage m : g.getValue()) {
                JsonNodePath e = m.getEvaluationPath();
                onlyRequired &= "required".equals(m.getType()) && e.getNameCount() == anyOf + 3;
                alternatives.add(String.valueOf(e.getElement(anyOf + 1)));
                details.add(strip(m.getMessage()));
            }
            com.fasterxml.jackson.databind.node.ArrayNode schema = null;
            if (onlyRequired) {
                schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
                for (ValidationMessage m : g.getValue()) {
                    schema.addObject().putArray("required").add(m.getProperty());
                }
            }
            // a supplier, not message(): that text is a MessageFormat pattern, and the details quote the
            // binding's regular expressions, whose "{1,2}" is not a format element
            String message = "none of the " + alternatives.size() + " alternatives holds: " + String.join("; ", details);
            out.add(ValidationMessage.builder().type("anyOf").code("anyOf").evaluationPath(path).schemaLocation(loc)
                    .instanceLocation(instances.get(g.getKey())).instanceNode(first.getInstanceNode())
                    .schemaNode(schema).messageSupplier(() -> message)
                    .build());
        }
        return out;
    }

    /**
     * The instance the {@code anyOf} at evaluation-path index {@code anyOf} was applied to: the message's instance
     * less the steps its alternative took into the value (an item, a property). The alternatives of syscon.yaml's
     * {@code compatible} fail on different instances (an item's {@code enum}, the list's {@code minItems}), and are
     * still one failing {@code anyOf}, as dt-validate reports it.
     */
    static JsonNodePath anyOfInstance(ValidationMessage m, int anyOf) {
        JsonNodePath ev = m.getEvaluationPath();
        int n = ev.getNameCount();
        int steps = 0;
        for (int i = anyOf + 2; i < n - 1; i++) { // after "anyOf", its index; the last element is the failing keyword
            switch (String.valueOf(ev.getElement(i))) {
                case "properties", "patternProperties" -> {
                    steps++;
                    i++; // the property's name or pattern
                }
                case "items", "prefixItems" -> {
                    steps++;
                    if (i + 1 < n - 1 && String.valueOf(ev.getElement(i + 1)).matches("[0-9]+")) {
                        i++; // the item's index
                    }
                }
                case "additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems",
                        "contains", "propertyNames" -> steps++;
                case "allOf", "anyOf", "oneOf", "dependentSchemas" -> i++; // an index or a name, no step
                default -> {
                }
            }
        }
        JsonNodePath at = m.getInstanceLocation();
        for (int k = 0; k < steps && at.getParent() != null; k++) {
            at = at.getParent();
        }
        return at;
    }

    /** Whether the failing combinator's subschemas are all {@code required} lists (interrupts or interrupts-extended). */
    private static boolean onlyRequired(ValidationMessage m) {
        JsonNode s = m.getSchemaNode();
        if (s == null || !s.isArray()) {
            return false;
        }
        for (JsonNode sub : s) {
            if (!(sub.isObject() && sub.size() == 1 && sub.has("required"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean nestedInCombinator(ValidationMessage m) {
        JsonNodePath ev = m.getEvaluationPath();
        if (ev == null) {
            return false;
        }
        for (int i = 0; i < ev.getNameCount() - 1; i++) {
            Object e = ev.getElement(i);
            if ("oneOf".equals(e) || "anyOf".equals(e) || "not".equals(e)) {
                return true;
            }
        }
        return false;
    }

    private static String fragment(String location) {
        int h = location.indexOf('#');
        return h < 0 ? "#" : location.substring(h);
    }

    /** The message without the leading instance location networknt puts on it. */
    private static String strip(String msg) {
        if (msg == null) {
            return "";
        }
        int c = msg.indexOf(": ");
        // the instance location comes first: a JSON pointer, empty for the node itself (": must be valid ...")
        if (c >= 0 && (msg.startsWith("/") || msg.startsWith("$") || msg.startsWith(":"))) {
            return msg.substring(c + 2);
        }
        return msg;
    }

    private static String valueDetail(String keyword, ValidationMessage m, String path, String property) {
        JsonNode schema = m.getSchemaNode();
        JsonNode value = m.getInstanceNode();
        String index = index(path);
        String got = show(value);
        return switch (keyword) {
            case "const" -> show(schema) + " was expected" + index + ", found " + got;
            case "enum" -> got + index + " is not one of " + list(schema);
            case "pattern" -> got + index + " does not match '" + (schema == null ? "" : schema.asText()) + "'";
            case "minimum" -> got + index + " is less than the minimum " + show(schema);
            case "maximum" -> got + index + " is greater than the maximum " + show(schema);
            default -> strip(m.getMessage());
        };
    }

    private static String countDetail(String keyword, ValidationMessage m) {
        JsonNode value = m.getInstanceNode();
        JsonNode schema = m.getSchemaNode();
        int n = value != null && value.isContainerNode() ? value.size() : -1;
        String what = n == 1 ? "entry" : "entries";
        return switch (keyword) {
            case "minItems" -> "has " + n + " " + what + ", the binding requires at least " + show(schema);
            case "maxItems" -> "has " + n + " " + what + ", the binding allows at most " + show(schema);
            default -> strip(m.getMessage());
        };
    }

    /** " at index 2" for an instance path ending in an index, "" otherwise. */
    private static String index(String path) {
        int c = path.lastIndexOf(':');
        String last = c < 0 ? path : path.substring(c + 1);
        return last.matches("\\d+") ? " at index " + last : "";
    }

    private static String show(JsonNode v) {
        if (v == null) {
            return "?";
        }
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        if (v.isIntegralNumber()) {
            long x = v.asLong();
            return x > 9 ? "0x" + Long.toHexString(x) : Long.toString(x);
        }
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String list(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            return show(arr);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode x : arr) {
            if (parts.size() == 8) {
                parts.add("...");
                break;
            }
            parts.add(show(x));
        }
        return String.join(", ", parts);
    }
}
