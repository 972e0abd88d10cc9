package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbstractJsonValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code additionalProperties} for the property names that start with {@code #}. The validator library skips
 * such names (it takes them for fragments), and in a devicetree they are the {@code #address-cells} /
 * {@code #...-cells} properties bindings most often forbid. {@link #mark} puts this keyword next to every
 * {@code additionalProperties} of a schema before it is compiled; its validator applies the sibling
 * {@code additionalProperties} to the {@code #} names only, so together they cover every name.
 */
final class AdditionalPropertiesKeyword implements Keyword {
    static final String NAME = "x-dtdma-hash-names";

    @Override
    public String getValue() {
        return NAME;
    }

    /** Adds the keyword beside every {@code additionalProperties} of {@code schema} (in place). */
    static void mark(JsonNode schema, int depth) {
        if (depth > 200) {
            return;
        }
        if (schema instanceof ObjectNode o) {
            if (o.has("additionalProperties") && !o.get("additionalProperties").equals(
                    com.fasterxml.jackson.databind.node.BooleanNode.TRUE)) {
                o.put(NAME, true);
            }
            mergeTrivialPatterns(o);
            o.elements().forEachRemaining(c -> mark(c, depth + 1));
        } else if (schema instanceof ArrayNode a) {
            a.forEach(c -> mark(c, depth + 1));
        }
    }

    /**
     * Joins the {@code patternProperties} whose schemas accept anything ({@code true} or {@code {}}) into one
     * alternation: they only decide what {@code additionalProperties} leaves alone, and a name matches the
     * alternation exactly when it matches one of them. {@code vendor-prefixes.yaml} has some 700 such patterns
     * and applies to every node; tried one by one they dominated the validation of a board.
     */
    private static void mergeTrivialPatterns(ObjectNode o) {
        if (!(o.get("patternProperties") instanceof ObjectNode pp) || pp.size() < 8) {
            return;
        }
        List<String> trivial = new ArrayList<>();
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = pp.fields(); it.hasNext(); ) {
            java.util.Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.equals(com.fasterxml.jackson.databind.node.BooleanNode.TRUE) || (v.isObject() && v.isEmpty())) {
                trivial.add(e.getKey());
            }
        }
        if (trivial.size() < 8) {
            return;
        }
        StringBuilder alt = new StringBuilder();
        for (String re : trivial) {
            alt.append(alt.length() == 0 ? "" : "|").append("(?:").append(re).append(')');
        }
        try {
            Pattern.compile(alt.toString());
        } catch (PatternSyntaxException e) {
            return;
        }
        trivial.forEach(pp::remove);
        pp.put(alt.toString(), true);
    }

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode schemaNode,
            JsonSchema parent, ValidationContext context) {
        JsonNode owner = parent.getSchemaNode();
        Set<String> allowed = new LinkedHashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        JsonNode p = owner.get("properties");
        if (p != null && p.isObject()) {
            p.fieldNames().forEachRemaining(allowed::add);
        }
        JsonNode pp = owner.get("patternProperties");
        if (pp != null && pp.isObject()) {
            for (Iterator<String> it = pp.fieldNames(); it.hasNext(); ) {
                try {
                    patterns.add(Pattern.compile(it.next()));
                } catch (PatternSyntaxException e) {
                    // the library reports an uncompilable pattern itself
                }
            }
        }
        JsonNode additional = owner.get("additionalProperties");
        boolean forbidden = additional != null && additional.isBoolean() && !additional.asBoolean();
        SchemaLocation addLocation = parent.getSchemaLocation().append("additionalProperties");
        JsonNodePath addPath = parent.getEvaluationPath().append("additionalProperties");
        JsonSchema subschema = additional != null && additional.isObject()
                ? context.newSchema(addLocation, addPath, additional, parent) : null;
        Keyword self = this;
        return new AbstractJsonValidator(location, evaluationPath, self, schemaNode) {
            @Override
            public Set<ValidationMessage> validate(ExecutionContext ec, JsonNode node, JsonNode root, JsonNodePath at) {
                if (!node.isObject() || (!forbidden && subschema == null)) {
                    return Set.of();
                }
                Set<ValidationMessage> out = null;
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!name.startsWith("#") || allowed.contains(name) || matches(patterns, name)) {
                        continue;
                    }
                    if (out == null) {
                        out = new LinkedHashSet<>();
                    }
                    if (forbidden) {
                        out.add(ValidationMessage.builder().type("additionalProperties").code("additionalProperties")
                                .property(name).instanceLocation(at.append(name)).schemaLocation(addLocation)
                                .evaluationPath(addPath).instanceNode(node.get(name)).schemaNode(additional)
                                .messageSupplier(() -> at.append(name) + ": is not defined in the schema and the schema does "
                                        + "not allow additional properties").build());
                    } else {
                        out.addAll(subschema.validate(ec, node.get(name), root, at.append(name)));
                    }
                }
                return out == null ? Set.of() : out;
            }
        };
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        for (Pattern p : patterns) {
            if (p.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }
}
