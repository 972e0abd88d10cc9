package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dtdma.tree.Node;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A SHA-256 digest per node of everything a node's binding validation reads: its name, its compatibles, and its
 * JSON instance in field order — each property's name and value as split into entries (with each integer's
 * written width, which {@code typeSize} checks) and, for each child node, its name and its own digest. Computed
 * bottom-up in one pass, so the whole tree costs one read of its values.
 */
final class NodeDigest {
    private final NodeValues values;
    private final Map<Node, String> out = new IdentityHashMap<>();
    private final MessageDigest sha;
    private final StringBuilder buf = new StringBuilder();

    private NodeDigest(NodeValues values) {
        this.values = values;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of every node that has a JSON instance (those named {@code __...} have none). */
    static Map<Node, String> of(Node root, NodeValues values) {
        NodeDigest d = new NodeDigest(values);
        d.digest(root);
        return d.out;
    }

    private String digest(Node n) {
        ObjectNode json = values.json.get(n);
        Map<String, String> childDigests = new java.util.HashMap<>();
        for (Node c : n.children()) {
            if (values.json.containsKey(c)) {
                childDigests.put(c.name(), digest(c));
            }
        }
        buf.setLength(0);
        buf.append(n.isRoot() ? "/" : n.name()).append('\0');
        for (String c : n.compatibles()) {
            buf.append(c.length()).append(':').append(c);
        }
        buf.append('\0');
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            buf.append(e.getKey().length()).append(':').append(e.getKey());
            JsonNode v = e.getValue();
            String child = v instanceof ObjectNode ? childDigests.get(e.getKey()) : null;
            if (child != null) {
                buf.append('N').append(child);
            } else {
                value(v);
            }
        }
        String d = HexFormat.of().formatHex(sha.digest(buf.toString().getBytes(StandardCharsets.UTF_8)));
        out.put(n, d);
        return d;
    }

    private void value(JsonNode v) {
        if (v instanceof Cell c) {
            buf.append('I').append(c.bits).append(':').append(c.longValue()).append(';');
        } else if (v.isArray()) {
            buf.append('[');
            for (JsonNode x : v) {
                value(x);
            }
            buf.append(']');
        } else if (v.isObject()) {
            // an object that is not a child node's instance: its full text
            buf.append('O').append(v.toString().length()).append(':').append(v);
        } else if (v.isTextual()) {
            buf.append('S').append(v.asText().length()).append(':').append(v.asText());
        } else {
            buf.append(v.getNodeType()).append(':').append(v).append(';');
        }
    }
}
