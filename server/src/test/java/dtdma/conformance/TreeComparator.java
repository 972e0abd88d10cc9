package dtdma.conformance;

import dtdma.fdt.Fdt;
import dtdma.fdt.FdtNode;
import dtdma.fdt.FdtProp;
import dtdma.tree.DeviceTree;
import dtdma.tree.Marker;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural comparison of a dtdma {@link DeviceTree} with the tree dtc wrote ({@link Fdt}).
 *
 * <p>Equal means: the same memory reservations; in every node the same property names in the same order and
 * the same child names in the same order; the same value bytes for every property, except that
 * <ul>
 *   <li>a 4-byte cell that dtdma marks {@link Marker.Kind#REF_PHANDLE} is compared by the node it points at
 *       (dtdma: the node with that phandle in dtdma's tree; dtc: the node whose {@code phandle} or
 *       {@code linux,phandle} property holds the cell), by full path — so phandle numbering may differ;</li>
 *   <li>{@code phandle} and {@code linux,phandle} are compared by presence and position only. A dtdma node that
 *       has a phandle value but neither property counts as having {@code phandle} appended last, as dtc does.</li>
 * </ul>
 * Differences are reported in pre-order (memory reservations, then per node: properties, child names,
 * children), at most one per property, up to a limit; the first one is the most useful.
 */
public final class TreeComparator {
    /** What kind of difference was found. */
    public enum Kind {
        MEMRESERVE, MISSING_NODE, EXTRA_NODE, NODE_ORDER, MISSING_PROPERTY, EXTRA_PROPERTY, PROPERTY_ORDER,
        VALUE_LENGTH, VALUE_BYTES, REFERENCE_TARGET
    }

    /**
     * One difference. "Missing" means dtc has it and dtdma does not; "extra" the reverse.
     *
     * @param path     the node's full path ({@code /} for the root, {@code /memreserve/} for reservations)
     * @param property the property name, or null for node-level differences
     * @param detail   what differs, with both sides' values
     */
    public record Difference(Kind kind, String path, String property, String detail) {
        @Override
        public String toString() {
            return path + (property == null ? "" : " property " + property) + ": " + detail;
        }
    }

    /** The outcome: the differences (empty when equal) and how much was compared. */
    public record Result(List<Difference> differences, int nodesCompared, int propertiesCompared, boolean truncated) {
        public Result {
            differences = List.copyOf(differences);
        }

        public boolean equal() {
            return differences.isEmpty();
        }

        /** The first difference, or null when equal. */
        public Difference first() {
            return differences.isEmpty() ? null : differences.get(0);
        }
    }

    public static final int DEFAULT_LIMIT = 50;
    private static final String VIRTUAL_PHANDLE = "phandle";

    private final int limit;
    private final List<Difference> diffs = new ArrayList<>();
    private final Map<Long, String> dtdmaPhandles = new HashMap<>();
    private final Map<Long, String> dtcPhandles = new HashMap<>();
    private int nodes;
    private int props;
    private boolean truncated;

    private TreeComparator(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** Compares with the default limit of {@value #DEFAULT_LIMIT} differences. */
    public static Result compare(DeviceTree tree, Fdt dtb) {
        return compare(tree, dtb.root(), dtb.memReserves(), DEFAULT_LIMIT);
    }

    /** Compares a dtdma tree with a dtc tree and its memory reservations, stopping after {@code limit} differences. */
    public static Result compare(DeviceTree tree, FdtNode dtcRoot, List<Fdt.MemReserve> dtcReserves, int limit) {
        TreeComparator c = new TreeComparator(limit);
        c.indexDtdma(tree.root());
        c.indexDtc(dtcRoot, "/");
        try {
            c.compareReserves(tree.memReserves(), dtcReserves);
            c.compareNode(tree.root(), dtcRoot, "/");
        } catch (LimitReached e) {
            c.truncated = true;
        }
        return new Result(c.diffs, c.nodes, c.props, c.truncated);
    }

    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached() {
            super(null, null, false, false);
        }
    }

    private void add(Kind k, String path, String prop, String detail) {
        if (diffs.size() >= limit) {
            throw new LimitReached();
        }
        diffs.add(new Difference(k, path, prop, detail));
    }

    private void indexDtdma(Node n) {
        long ph = n.phandle();
        if (ph != 0 && ph != 0xffffffffL) {
            dtdmaPhandles.putIfAbsent(ph, n.path());
        }
        for (Node c : n.children()) {
            indexDtdma(c);
        }
    }

    private void indexDtc(FdtNode n, String path) {
        FdtProp p = n.prop("phandle");
        if (p == null || p.length() != 4) {
            p = n.prop("linux,phandle");
        }
        if (p != null && p.length() == 4) {
            dtcPhandles.putIfAbsent(p.cellAt(0), path);
        }
        for (FdtNode c : n.children()) {
            indexDtc(c, child(path, c.name()));
        }
    }

    private static String child(String path, String name) {
        return path.equals("/") ? "/" + name : path + "/" + name;
    }

    private void compareReserves(List<long[]> mine, List<Fdt.MemReserve> theirs) {
        int n = Math.max(mine.size(), theirs.size());
        for (int i = 0; i < n; i++) {
            String a = i < mine.size() ? String.format("<0x%x 0x%x>", mine.get(i)[0], mine.get(i)[1]) : "none";
            String b = i < theirs.size() ? String.format("<0x%x 0x%x>", theirs.get(i).address(), theirs.get(i).size())
                    : "none";
            if (!a.equals(b)) {
                add(Kind.MEMRESERVE, "/memreserve/", null, "entry " + i + ": dtdma " + a + ", dtc " + b
                        + " (dtdma has " + mine.size() + " entries, dtc " + theirs.size() + ")");
                return;
            }
        }
    }

    private static boolean isPhandleProp(String name) {
        return name.equals("phandle") || name.equals("linux,phandle");
    }

    private void compareNode(Node mine, FdtNode theirs, String path) {
        nodes++;
        // Properties
        Map<String, Property> myProps = new LinkedHashMap<>();
        for (Property p : mine.properties()) {
            myProps.putIfAbsent(p.name(), p);
        }
        List<String> myNames = new ArrayList<>(myProps.keySet());
        if (mine.phandle() != 0 && !myProps.containsKey("phandle") && !myProps.containsKey("linux,phandle")) {
            myNames.add(VIRTUAL_PHANDLE);
        }
        List<String> theirNames = new ArrayList<>();
        for (FdtProp p : theirs.props()) {
            theirNames.add(p.name());
        }
        compareNames(path, myNames, theirNames, true);
        for (FdtProp tp : theirs.props()) {
            Property mp = myProps.get(tp.name());
            if (mp == null || isPhandleProp(tp.name())) {
                continue;
            }
            props++;
            compareValue(path, mp, tp);
        }
        // Children
        Map<String, Node> myKids = new LinkedHashMap<>();
        for (Node c : mine.children()) {
            myKids.putIfAbsent(c.name(), c);
        }
        List<String> theirKidNames = new ArrayList<>();
        for (FdtNode c : theirs.children()) {
            theirKidNames.add(c.name());
        }
        compareNames(path, new ArrayList<>(myKids.keySet()), theirKidNames, false);
        for (FdtNode tc : theirs.children()) {
            Node mc = myKids.get(tc.name());
            if (mc != null) {
                compareNode(mc, tc, child(path, tc.name()));
            }
        }
    }

    private void compareNames(String path, List<String> mine, List<String> theirs, boolean properties) {
        Set<String> mineSet = new HashSet<>(mine);
        Set<String> theirSet = new HashSet<>(theirs);
        for (String t : theirs) {
            if (!mineSet.contains(t)) {
                if (properties) {
                    add(Kind.MISSING_PROPERTY, path, t, "dtc has this property, dtdma does not");
                } else {
                    add(Kind.MISSING_NODE, child(path, t), null, "dtc has this node, dtdma does not");
                }
            }
        }
        for (String m : mine) {
            if (!theirSet.contains(m)) {
                if (properties) {
                    add(Kind.EXTRA_PROPERTY, path, m, "dtdma has this property, dtc does not");
                } else {
                    add(Kind.EXTRA_NODE, child(path, m), null, "dtdma has this node, dtc does not");
                }
            }
        }
        List<String> a = new ArrayList<>(mine);
        a.retainAll(theirSet);
        List<String> b = new ArrayList<>(theirs);
        b.retainAll(mineSet);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                String what = properties ? "property" : "child";
                add(properties ? Kind.PROPERTY_ORDER : Kind.NODE_ORDER, path, null,
                        what + " order differs at position " + i + ": dtdma has '" + a.get(i) + "', dtc has '"
                                + b.get(i) + "' (dtdma " + excerpt(a, i) + ", dtc " + excerpt(b, i) + ")");
                return;
            }
        }
    }

    private static String excerpt(List<String> l, int i) {
        int from = Math.max(0, i - 1);
        int to = Math.min(l.size(), i + 3);
        return (from > 0 ? "[..., " : "[") + String.join(", ", l.subList(from, to)) + (to < l.size() ? ", ...]" : "]");
    }

    private void compareValue(String path, Property mp, FdtProp tp) {
        byte[] a = mp.value().bytes();
        byte[] b = tp.value();
        if (a.length != b.length) {
            add(Kind.VALUE_LENGTH, path, tp.name(), "length differs: dtdma " + a.length + " bytes, dtc " + b.length
                    + " bytes; dtdma " + show(a) + ", dtc " + show(b));
            return;
        }
        Map<Integer, Marker> refs = new HashMap<>();
        for (Marker m : mp.value().markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.offset() >= 0 && m.offset() + 4 <= a.length) {
                refs.putIfAbsent(m.offset(), m);
            }
        }
        for (int i = 0; i < a.length; ) {
            Marker ref = refs.get(i);
            if (ref != null) {
                long ca = cell(a, i);
                long cb = cell(b, i);
                String ta = dtdmaPhandles.get(ca);
                String tb = dtcPhandles.get(cb);
                boolean same = ta == null ? tb == null : ta.equals(tb);
                if (!same) {
                    add(Kind.REFERENCE_TARGET, path, tp.name(), String.format(
                            "reference &%s at byte offset %d: dtdma points at %s (phandle 0x%x), dtc at %s (phandle 0x%x)",
                            ref.ref(), i, ta == null ? "no node" : ta, ca, tb == null ? "no node" : tb, cb));
                    return;
                }
                i += 4;
                continue;
            }
            if (a[i] != b[i]) {
                int from = a.length % 4 == 0 ? i & ~3 : i;
                int to = Math.min(a.length, from + (a.length % 4 == 0 ? 4 : 8));
                add(Kind.VALUE_BYTES, path, tp.name(), String.format(
                        "bytes differ at offset %d: dtdma %s, dtc %s at [%d, %d); whole values dtdma %s, dtc %s",
                        i, hex(a, from, to), hex(b, from, to), from, to, show(a), show(b)));
                return;
            }
            i++;
        }
    }

    private static long cell(byte[] v, int o) {
        return ((v[o] & 0xffL) << 24) | ((v[o + 1] & 0xffL) << 16) | ((v[o + 2] & 0xffL) << 8) | (v[o + 3] & 0xffL);
    }

    private static String hex(byte[] v, int from, int to) {
        StringBuilder sb = new StringBuilder("0x");
        for (int i = from; i < to; i++) {
            sb.append(String.format("%02x", v[i] & 0xff));
        }
        return sb.toString();
    }

    /** A short rendering: a quoted string list when the value looks like one, else hex (first 64 bytes). */
    static String show(byte[] v) {
        if (v.length == 0) {
            return "(empty)";
        }
        if (printableStrings(v)) {
            StringBuilder sb = new StringBuilder();
            int start = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append('"').append(new String(v, start, i - start, java.nio.charset.StandardCharsets.ISO_8859_1))
                            .append('"');
                    start = i + 1;
                }
            }
            return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
        }
        int n = Math.min(v.length, 64);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0 && i % 4 == 0 && v.length % 4 == 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02x", v[i] & 0xff));
        }
        return sb.append(n < v.length ? " ...]" : "]").toString();
    }

    private static boolean printableStrings(byte[] v) {
        if (v[v.length - 1] != 0 || v[0] == 0) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            int c = v[i] & 0xff;
            if (c == 0) {
                if (i > 0 && v[i - 1] == 0) {
                    return false;
                }
            } else if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
