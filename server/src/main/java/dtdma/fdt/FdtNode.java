package dtdma.fdt;

import java.util.List;

/** One node of a flattened devicetree: its full name ({@code name@unit}, empty for the root), its
 * properties and its children, both in blob order. */
public record FdtNode(String name, List<FdtProp> props, List<FdtNode> children) {
    public FdtNode {
        props = List.copyOf(props);
        children = List.copyOf(children);
    }

    /** The property with this name, or null. */
    public FdtProp prop(String propName) {
        for (FdtProp p : props) {
            if (p.name().equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** The child with this full name, or null. */
    public FdtNode child(String childName) {
        for (FdtNode c : children) {
            if (c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The node at an absolute path such as {@code /soc/serial@1000}, or null. */
    public FdtNode resolve(String path) {
        FdtNode n = this;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            n = n.child(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }
}
