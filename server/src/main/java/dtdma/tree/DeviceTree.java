package dtdma.tree;

import dtdma.check.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The merged device tree of one board (or one partial file): the root node, memory reservations, the
 * label table, and the diagnostics found while merging.
 */
public final class DeviceTree {
    private final Node root;
    private final List<long[]> memReserves = new ArrayList<>();
    final Map<String, Node> labels = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Node> detached = new ArrayList<>();
    private final boolean plugin;

    public DeviceTree(Node root, boolean plugin) {
        this.root = root;
        this.plugin = plugin;
    }

    public Node root() {
        return root;
    }

    public boolean plugin() {
        return plugin;
    }

    /** {@code {address, size}} pairs in source order. */
    public List<long[]> memReserves() {
        return memReserves;
    }

    /** The node a label names, or null (labels on properties and values are not in this table). */
    public Node labelled(String label) {
        return labels.get(label);
    }

    public Map<String, Node> labels() {
        return labels;
    }

    /**
     * In a partial tree (a {@code .dtsi} without its board), the bodies of top-level {@code &label { }}
     * items whose label is defined elsewhere, each named by the reference ({@code &uart1}).
     */
    public List<Node> detached() {
        return detached;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** A node by absolute path ({@code /soc@0/bus@30000000/spi@30820000}), or by {@code label/rel/path}.
     * Components match full node names exactly, as dtc's {@code get_node_by_path} does. */
    public Node resolvePath(String path) {
        Node n;
        String rest;
        if (path.startsWith("/")) {
            n = root;
            rest = path.substring(1);
        } else {
            int slash = path.indexOf('/');
            String label = slash < 0 ? path : path.substring(0, slash);
            n = labels.get(label);
            rest = slash < 0 ? "" : path.substring(slash + 1);
        }
        if (n == null) {
            return null;
        }
        for (String part : rest.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Node next = n.child(part);
            if (next == null) {
                return null;
            }
            n = next;
        }
        return n;
    }

    /** The node with a phandle value, or null. */
    public Node byPhandle(long phandle) {
        if (phandle == 0 || phandle == 0xffffffffL) {
            return null;
        }
        return findPhandle(root, phandle);
    }

    private static Node findPhandle(Node n, long ph) {
        if (n.phandle == ph) {
            return n;
        }
        for (Node c : n.children()) {
            Node f = findPhandle(c, ph);
            if (f != null) {
                return f;
            }
        }
        return null;
    }
}
