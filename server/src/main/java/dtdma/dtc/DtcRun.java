package dtdma.dtc;

import dtdma.check.Diagnostic;
import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one run of dtc's checks over a merged tree: what the bridge checks learnt (address and size
 * cells, bus kinds), which checks passed or failed, which are enabled, and the findings of the enabled ones.
 */
public final class DtcRun {
    /** A check's state, as dtc keeps it. */
    enum Status { UNCHECKED, PASSED, FAILED, PREREQ }

    private final DeviceTree tree;
    private final Set<String> enabled;
    private final Span fallback;
    private final List<Diagnostic> out;
    private final Map<String, Status> status = new HashMap<>();
    private final Map<Node, Bus> bus = new IdentityHashMap<>();
    private boolean cellsRead;
    private Map<Long, Node> phandles;
    DtcCheck current;

    DtcRun(DeviceTree tree, Set<String> enabled, Span fallback, List<Diagnostic> out, dtdma.text.Cancel cancel) {
        this.tree = tree;
        this.enabled = enabled;
        this.fallback = fallback;
        this.out = out;
        this.cancel = cancel;
    }

    private final dtdma.text.Cancel cancel;

    /** The signal the checks poll at every node they visit. */
    public dtdma.text.Cancel cancel() {
        return cancel;
    }

    public DeviceTree tree() {
        return tree;
    }

    Status status(String check) {
        return status.getOrDefault(check, Status.UNCHECKED);
    }

    void setStatus(String check, Status s) {
        status.put(check, s);
    }

    /** Whether dtc reports the findings of a check in this run. */
    public boolean enabled(String check) {
        return enabled.contains(check);
    }

    // ---- findings

    /** A finding of the current check on a node (at its name), as dtc's FAIL. */
    public void fail(Node node, String message, Diagnostic.Related... related) {
        fail(node, null, message, related);
    }

    /**
     * A finding of the current check on {@code node}, at {@code prop} where it was last written (or the node's
     * name when {@code prop} is null), as dtc's FAIL_PROP. The property may belong to another node (dtc reports
     * some findings under the node's path with another node's property, e.g. the interrupt parent's
     * {@code #interrupt-cells}).
     */
    public void fail(Node node, Property prop, String message, Diagnostic.Related... related) {
        report(node, prop, prop, message, related);
    }

    /**
     * A finding dtc makes on a node (no property in its report), shown at the property that is at fault, e.g.
     * the {@code clocks} whose target lacks {@code #clock-cells}.
     */
    public void failNodeAt(Node node, Property at, String message, Diagnostic.Related... related) {
        report(node, null, at, message, related);
    }

    private void report(Node node, Property prop, Property shownAt, String message, Diagnostic.Related... related) {
        DtcCheck c = current;
        setStatus(c.name(), Status.FAILED);
        if (!enabled(c.name())) {
            return;
        }
        Span at = shownAt != null ? shownAt.span() : node.nameSpan();
        if (at == null) {
            at = node.span();
        }
        if (at == null) {
            at = fallback;
        }
        List<Diagnostic.Related> rel = new ArrayList<>(java.util.Arrays.asList(related));
        rel.removeIf(r -> r == null || r.span() == null);
        String where = node.path() + (prop != null ? ":" + prop.name() : "");
        Diagnostic d = Diagnostic.of(c.code(), at, where + ": " + message + " [dtc " + c.name() + "]", rel)
                .withSubject(new Diagnostic.Subject(node.path(), prop == null ? null : prop.name(), c.name()));
        out.add(d);
    }

    /** A related location: where a property was last written. */
    public static Diagnostic.Related at(Property p, String message) {
        return p == null || p.span() == null ? null : new Diagnostic.Related(p.span(), message);
    }

    /** A related location: a node's name. */
    public static Diagnostic.Related at(Node n, String message) {
        return n == null || n.nameSpan() == null ? null : new Diagnostic.Related(n.nameSpan(), message);
    }

    // ---- what the bridge checks learn

    /**
     * dtc's addr_size_cells has run: from now on every node's {@code #address-cells}/{@code #size-cells} are
     * known (read on demand), -1 where absent. Before, dtc knows them as 0.
     */
    public void cellsRead() {
        cellsRead = true;
    }

    /** The node's own {@code #address-cells} as dtc knows it: -1 when absent, 0 before addr_size_cells ran. */
    public int addrCellsRaw(Node n) {
        return own(n, "#address-cells");
    }

    /** The node's own {@code #size-cells} as dtc knows it: -1 when absent, 0 before addr_size_cells ran. */
    public int sizeCellsRaw(Node n) {
        return own(n, "#size-cells");
    }

    private int own(Node n, String name) {
        if (!cellsRead) {
            return 0;
        }
        Property p = n.property(name);
        return p == null ? -1 : (int) cell(p);
    }

    /** {@code #address-cells} for the node's children: its own value, else 2 (dtc's node_addr_cells). */
    public int addrCells(Node n) {
        int v = addrCellsRaw(n);
        return v == -1 ? 2 : v;
    }

    /** {@code #size-cells} for the node's children: its own value, else 1 (dtc's node_size_cells). */
    public int sizeCells(Node n) {
        int v = sizeCellsRaw(n);
        return v == -1 ? 1 : v;
    }

    public Bus bus(Node n) {
        return n == null ? null : bus.get(n);
    }

    public void setBus(Node n, Bus b) {
        bus.put(n, b);
    }

    /** The node with a phandle, or null. */
    public Node byPhandle(long ph) {
        if (phandles == null) {
            phandles = new HashMap<>();
            index(tree.root());
        }
        return ph == 0 || ph == 0xffffffffL ? null : phandles.get(ph);
    }

    private void index(Node n) {
        if (n.phandle() != 0) {
            phandles.putIfAbsent(n.phandle(), n);
        }
        for (Node c : n.children()) {
            index(c);
        }
    }

    private Map<String, List<Node>> byProperty;

    /**
     * The nodes that have a property, in dtc's order (dtc's generated fixup and symbol nodes left out). Only the
     * checks' key properties and {@code interrupt-controller} / {@code interrupt-map} are indexed.
     */
    public List<Node> nodesWith(String property) {
        if (!DtcChecks.INDEXED.contains(property)) {
            throw new IllegalArgumentException(property + " is not indexed");
        }
        if (byProperty == null) {
            byProperty = new HashMap<>();
            indexProperties(tree.root());
        }
        return byProperty.getOrDefault(property, List.of());
    }

    private void indexProperties(Node n) {
        if (DtcCheck.addedAfterChecks(n)) {
            return;
        }
        for (Property p : n.properties()) {
            if (!DtcChecks.INDEXED.contains(p.name())) {
                continue;
            }
            List<Node> l = byProperty.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (l.isEmpty() || l.get(l.size() - 1) != n) {
                l.add(n);
            }
        }
        for (Node c : n.children()) {
            indexProperties(c);
        }
    }

    // ---- value helpers (dtc's propval_cell and string tests)

    /** The first cell of a property (0 when shorter than a cell). */
    public static long cell(Property p) {
        return p.value().length() >= 4 ? p.value().cellAt(0) : 0;
    }

    /** The unit address after {@code @}, or "" (dtc's get_unitname). */
    public static String unitName(Node n) {
        String u = n.unitAddress();
        return u == null ? "" : u;
    }

    /** dtc's data_is_one_string: non-empty, NUL-terminated, no NUL before the end. */
    public static boolean isOneString(Property p) {
        byte[] d = p.value().bytes();
        if (d.length == 0 || d[d.length - 1] != 0) {
            return false;
        }
        for (int i = 0; i < d.length - 1; i++) {
            if (d[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** dtc's string-list test: every string NUL-terminated (an empty value passes). */
    public static boolean isStringList(Property p) {
        byte[] d = p.value().bytes();
        return d.length == 0 || d[d.length - 1] == 0;
    }

    /** The value up to its first NUL (or all of it), as C code reading it as a string sees it. */
    public static String asCString(Property p) {
        byte[] d = p.value().bytes();
        int end = 0;
        while (end < d.length && d[end] != 0) {
            end++;
        }
        return new String(d, 0, end, StandardCharsets.UTF_8);
    }

    /** Whether a node is an interrupt provider (has interrupt-controller or interrupt-map). */
    public static boolean interruptProvider(Node n) {
        return n.property("interrupt-controller") != null || n.property("interrupt-map") != null;
    }

    /** A node by path from the root, components matched by full name (dtc's get_node_by_path). */
    public Node byPath(String path) {
        return tree.resolvePath("/" + path); // from the root even without a leading '/', as dtc reads it
    }
}
