package dtdma.tree;

import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/** A node of the merged device tree. Children and properties keep dtc's order. */
public final class Node {
    private final String name;
    private Node parent;
    private final List<Node> children = new ArrayList<>();
    private final List<Property> properties = new ArrayList<>();
    final List<LabelDef> labelDefs = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    long phandle;
    boolean omitIfNoRef;
    boolean referenced;
    boolean deleted;
    /** Whether a child was deleted ({@code /delete-node/}): dtc keeps such children, hidden, in the node. */
    boolean hadDeletedChildren;
    /** True for nodes dtc generates ({@code fragment@N}, {@code __fixups__}, ...). */
    boolean generated;
    Span nameSpan;
    /** Set on the placeholder a {@code /delete-node/ name;} leaves in the body that contains it. */
    dtdma.syntax.Ast.DeleteNode deletionMarker;

    public Node(String name) {
        this.name = name;
    }

    /** The full name including a unit address, e.g. {@code dma-controller@30bd0000}; empty for the root. */
    public String name() {
        return name;
    }

    /** The name without unit address. */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The unit address, or null. */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? null : name.substring(at + 1);
    }

    public Node parent() {
        return parent;
    }

    public List<Node> children() {
        return children;
    }

    public List<Property> properties() {
        return properties;
    }

    /** The node's labels, in the order they were first written. */
    public List<String> labels() {
        List<String> out = new ArrayList<>(labelDefs.size());
        for (LabelDef l : labelDefs) {
            if (!l.deleted) {
                out.add(l.name);
            }
        }
        return out;
    }

    /** Where a label of this node was written (its first definition), or null. */
    public Span labelSpan(String label) {
        for (LabelDef l : labelDefs) {
            if (!l.deleted && l.name.equals(label)) {
                return l.span;
            }
        }
        return null;
    }

    /** Whether dtc generated this node (overlay fragments, fixup nodes). */
    public boolean isGenerated() {
        return generated;
    }

    public List<History> history() {
        return history;
    }

    /**
     * Whether the node had children that were deleted: dtc keeps them, marked deleted, so a node whose children
     * were all deleted still counts as having children in dtc's checks.
     */
    public boolean hadDeletedChildren() {
        return hadDeletedChildren;
    }

    /** The phandle value, or 0 when the node has none. */
    public long phandle() {
        return phandle;
    }

    public void setPhandle(long phandle) {
        this.phandle = phandle;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public String path() {
        if (parent == null) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        buildPath(this, sb);
        return sb.toString();
    }

    private static void buildPath(Node n, StringBuilder sb) {
        if (n.parent == null) {
            return;
        }
        buildPath(n.parent, sb);
        sb.append('/').append(n.name);
    }

    public Property property(String propName) {
        for (Property p : properties) {
            if (p.name().equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** A child by exact full name. */
    public Node child(String childName) {
        for (Node c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    public void addChild(Node c) {
        c.parent = this;
        children.add(c);
    }

    public void removeChild(Node c) {
        children.remove(c);
    }

    /** The value of {@code status}, or "okay" when absent. */
    public String status() {
        Property p = property("status");
        String s = p == null ? null : p.value().string();
        return s == null ? "okay" : s;
    }

    /** Whether the node is enabled: {@code status} absent, "okay" or "ok". */
    public boolean enabled() {
        String s = status();
        return s.equals("okay") || s.equals("ok");
    }

    /** The compatible strings, or an empty list. */
    public List<String> compatibles() {
        Property p = property("compatible");
        List<String> s = p == null ? null : p.value().strings();
        return s == null ? List.of() : s;
    }

    /** The span of the node's name where it was first defined, or its first definition when it has none. */
    public Span nameSpan() {
        return nameSpan != null ? nameSpan : span();
    }

    /** The span where this node was first defined (null for a generated node). */
    public Span span() {
        return history.isEmpty() ? null : history.get(0).span();
    }

    @Override
    public String toString() {
        return path();
    }
}
