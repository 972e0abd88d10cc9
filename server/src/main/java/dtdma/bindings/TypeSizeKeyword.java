package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbstractJsonValidator;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * dt-schema's {@code typeSize} keyword: the integers of a matrix value must have been written with that
 * many bits ({@code /bits/ 8 <...>} for a {@code uint8-array}). The first integer decides, as in dt-schema.
 */
final class TypeSizeKeyword implements Keyword {
    @Override
    public String getValue() {
        return "typeSize";
    }

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode schemaNode,
            JsonSchema parent, ValidationContext context) {
        int want = schemaNode.asInt();
        Keyword self = this;
        return new AbstractJsonValidator(location, evaluationPath, self, schemaNode) {
            @Override
            public Set<ValidationMessage> validate(ExecutionContext ec, JsonNode node, JsonNode root, JsonNodePath at) {
                if (!node.isArray() || node.size() == 0 || !node.get(0).isArray() || node.get(0).size() == 0) {
                    return Set.of();
                }
                JsonNode first = node.get(0).get(0);
                int size = first instanceof Cell c ? c.bits : 32;
                if (size == want) {
                    return Set.of();
                }
                return Set.of(ValidationMessage.builder().type("typeSize").code("typeSize")
                        .instanceLocation(at).schemaLocation(location).evaluationPath(evaluationPath)
                        .instanceNode(node).schemaNode(schemaNode)
                        .messageSupplier(() -> at + ": size is " + size + ", expected " + want).build());
            }
        };
    }
}
