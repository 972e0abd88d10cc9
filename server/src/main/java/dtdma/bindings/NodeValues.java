package dtdma.bindings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dtdma.tree.DeviceTree;
import dtdma.tree.Marker;
import dtdma.tree.Node;
import dtdma.tree.PropValue;
import dtdma.tree.Property;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merged tree as the JSON instance dt-schema validates: a node is an object of its properties and child
 * nodes; an empty property is {@code true}; strings are a list of strings; integers are a matrix
 * ({@code [[a, b], [c]]}) split into entries as dt-schema splits a blob's values ({@code reg} by the parent's
 * {@code #address-cells}/{@code #size-cells}, {@code interrupts} by the interrupt parent's
 * {@code #interrupt-cells}, {@code *-gpios} and phandle arrays by the target's {@code #...-cells}). Unlike a blob,
 * the source says which bytes are strings and which are integers of which width, so nothing is guessed from
 * the bytes.
 */
final class NodeValues {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, Object> PHANDLE_ARGS = Map.ofEntries(
            Map.entry("assigned-clocks", "#clock-cells"), Map.entry("assigned-clock-parents", "#clock-cells"),
            Map.entry("cooling-device", "#cooling-cells"), Map.entry("interrupts-extended", "#interrupt-cells"),
            Map.entry("interconnects", "#interconnect-cells"), Map.entry("mboxes", "#mbox-cells"),
            Map.entry("sound-dai", "#sound-dai-cells"), Map.entry("msi-parent", "#msi-cells"),
            Map.entry("gpio-ranges", 3));
    private static final Set<String> NO_ARGS = Set.of("nvmem-cells", "memory-region");

    private final DeviceTree tree;
    private final BindingSet set;
    final Map<Node, ObjectNode> json = new IdentityHashMap<>();

    private NodeValues(DeviceTree tree, BindingSet set) {
        this.tree = tree;
        this.set = set;
    }

    /** The JSON of every node of the tree (nodes named {@code __...} are left out, as dt-schema does). */
    static NodeValues of(DeviceTree tree, BindingSet set) {
        NodeValues v = new NodeValues(tree, set);
        v.build(tree.root(), 1, false);
        return v;
    }

    private ObjectNode build(Node n, long icellsIn, boolean inGpioHog) {
        ObjectNode o = F.objectNode();
        json.put(n, o);
        long icells = icellsIn;
        Property ip = n.property("interrupt-parent");
        if (ip != null) {
            Node target = target(ip.value(), 0);
            if (target != null) {
                icells = cells(target, "#interrupt-cells");
            }
        }
        boolean hog = inGpioHog || n.property("gpio-hog") != null;
        for (Property p : n.properties()) {
            o.set(p.name(), value(n, p, icells, hog));
        }
        long childIcells = n.property("#interrupt-cells") != null ? cells(n, "#interrupt-cells") : icells;
        for (Node c : n.children()) {
            if (c.name().startsWith("__")) {
                continue;
            }
            o.set(c.name(), build(c, childIcells, hog));
        }
        return o;
    }

    private JsonNode value(Node n, Property p, long icells, boolean hog) {
        PropValue v = p.value();
        if (v.isEmpty()) {
            return BooleanNode.TRUE;
        }
        String name = p.name();
        if (n.name().equals("aliases") || isStrings(v)) {
            return strings(v);
        }
        Set<String> types = set.types(name);
        if (typeMarkers(v).isEmpty() && (types.contains("string") || types.contains("string-array")
                || types.contains("non-unique-string-array")) && printableStrings(v)) {
            return strings(v);
        }
        List<Cell> vals = ints(v);
        if (vals == null) {
            return strings(v);
        }
        List<List<Cell>> rows = null;
        if (name.equals("reg")) {
            rows = split(vals, addressCells(n.parent()) + sizeCells(n.parent()));
        } else if (name.equals("ranges") || name.equals("dma-ranges")) {
            rows = split(vals, addressCells(n.parent()) + cells(n, "#address-cells") + cells(n, "#size-cells"));
        } else if (name.equals("interrupts")) {
            rows = split(vals, icells);
        } else if (name.equals("interrupt-map")) {
            rows = interruptMap(n, vals);
        } else if (!hog && (name.endsWith("-gpios") || name.endsWith("-gpio") || name.equals("gpio")
                || name.equals("gpios")) && !name.endsWith(",nr-gpios")) {
            rows = phandleSplit(v, vals, "#gpio-cells", false);
        } else if (types.contains("phandle-array")) {
            Object cellName = PHANDLE_ARGS.get(name);
            if (cellName == null && NO_ARGS.contains(name)) {
                rows = phandleSplit(v, vals, null, false);
            } else if (cellName == null && name.endsWith("s") && !name.contains("gpio")) {
                cellName = "#" + name.substring(0, name.length() - 1) + "-cells";
            }
            if (rows == null && cellName != null) {
                rows = phandleSplit(v, vals, cellName, name.equals("interconnects"));
            }
        }
        boolean matrix = types.stream().anyMatch(t -> t.endsWith("-matrix"));
        if (rows == null && (matrix || types.contains("phandle-array"))) {
            Integer stride = set.matrixStride(name);
            if (stride != null) {
                rows = split(vals, stride);
            } else if (matrix) {
                rows = groups(v, vals);
            }
        }
        if (rows == null) {
            rows = List.of(vals);
        }
        ArrayNode out = F.arrayNode();
        for (List<Cell> r : rows) {
            ArrayNode a = out.addArray();
            r.forEach(a::add);
        }
        return out;
    }

    // ---- splitting ----------------------------------------------------------------------------------

    private static List<List<Cell>> split(List<Cell> vals, long stride) {
        if (stride <= 0) {
            return null;
        }
        List<List<Cell>> out = new ArrayList<>();
        for (int i = 0; i < vals.size(); i += (int) stride) {
            out.add(vals.subList(i, (int) Math.min(vals.size(), i + stride)));
        }
        return out;
    }

    /** Entries of a phandle list: each phandle with as many cells as its target's {@code cellName} says. */
    private List<List<Cell>> phandleSplit(PropValue v, List<Cell> vals, Object cellName, boolean pairs) {
        if (!allCells32(v)) {
            return null;
        }
        List<List<Cell>> out = new ArrayList<>();
        int i = 0;
        while (i < vals.size()) {
            int n = argSize(vals, i, cellName);
            if (n <= 0) {
                if (out.isEmpty()) {
                    return null;
                }
                break;
            }
            if (pairs && i + n < vals.size()) {
                int m = argSize(vals, i + n, cellName);
                n += Math.max(m, 0);
            }
            out.add(vals.subList(i, Math.min(vals.size(), i + n)));
            i += n;
        }
        return out;
    }

    private int argSize(List<Cell> vals, int i, Object cellName) {
        long ph = vals.get(i).longValue();
        if (ph == 0 || cellName == null) {
            return 1;
        }
        if (cellName instanceof Integer k) {
            return k + 1;
        }
        Node t = tree.byPhandle(ph);
        if (t == null) {
            return 0;
        }
        return (int) cells(t, (String) cellName) + 1;
    }

    private List<List<Cell>> interruptMap(Node n, List<Cell> vals) {
        long ac = cells(n, "#address-cells");
        long ic = cells(n, "#interrupt-cells");
        List<List<Cell>> out = new ArrayList<>();
        int i = 0;
        while (i < vals.size()) {
            int at = (int) (i + ac + ic);
            if (at >= vals.size()) {
                return out.isEmpty() ? null : out;
            }
            Node parent = tree.byPhandle(vals.get(at).longValue());
            if (parent == null) {
                return out.isEmpty() ? null : out;
            }
            long pac = parent.property("#address-cells") != null ? cells(parent, "#address-cells") : 0;
            int len = (int) (ac + ic + 1 + pac + cells(parent, "#interrupt-cells"));
            out.add(vals.subList(i, Math.min(vals.size(), i + len)));
            i += len;
        }
        return out;
    }

    /** Each {@code <...>} of the source as one entry. */
    private static List<List<Cell>> groups(PropValue v, List<Cell> vals) {
        List<List<Cell>> out = new ArrayList<>();
        List<Marker> types = typeMarkers(v);
        int idx = 0;
        for (int m = 0; m < types.size(); m++) {
            Marker t = types.get(m);
            int end = m + 1 < types.size() ? types.get(m + 1).offset() : v.length();
            int width = width(t.kind());
            int count = width == 0 ? 0 : (end - t.offset()) / (width / 8);
            if (count > 0) {
                out.add(vals.subList(idx, Math.min(vals.size(), idx + count)));
            }
            idx += count;
        }
        return out.isEmpty() ? null : out;
    }

    // ---- decoding -----------------------------------------------------------------------------------

    private static List<Marker> typeMarkers(PropValue v) {
        List<Marker> out = new ArrayList<>();
        for (Marker m : v.markers()) {
            if (m.kind().isType()) {
                out.add(m);
            }
        }
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    private static int width(Marker.Kind k) {
        return switch (k) {
            case UINT8, BYTES -> 8;
            case UINT16 -> 16;
            case UINT32 -> 32;
            case UINT64 -> 64;
            default -> 0;
        };
    }

    private static boolean isStrings(PropValue v) {
        List<Marker> t = typeMarkers(v);
        if (t.isEmpty()) {
            return false;
        }
        for (Marker m : t) {
            if (m.kind() != Marker.Kind.STRING) {
                return false;
            }
        }
        return v.strings() != null;
    }

    private static boolean allCells32(PropValue v) {
        for (Marker m : typeMarkers(v)) {
            if (m.kind() != Marker.Kind.UINT32) {
                return false;
            }
        }
        return v.length() % 4 == 0;
    }

    private static boolean printableStrings(PropValue v) {
        List<String> s = v.strings();
        if (s == null) {
            return false;
        }
        for (String x : s) {
            for (int i = 0; i < x.length(); i++) {
                char c = x.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode strings(PropValue v) {
        ArrayNode a = F.arrayNode();
        byte[] b = v.bytes();
        int len = b.length > 0 && b[b.length - 1] == 0 ? b.length - 1 : b.length;
        int start = 0;
        for (int i = 0; i <= len; i++) {
            if (i == len || b[i] == 0) {
                a.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return a;
    }

    /** The integers of the value in the widths they were written in; null for a value with strings in it. */
    private static List<Cell> ints(PropValue v) {
        List<Marker> types = typeMarkers(v);
        byte[] b = v.bytes();
        List<Cell> out = new ArrayList<>();
        if (types.isEmpty()) {
            if (b.length % 4 != 0) {
                return null;
            }
            for (int i = 0; i < b.length; i += 4) {
                out.add(new Cell(v.cellAt(i), 32));
            }
            return out;
        }
        for (int m = 0; m < types.size(); m++) {
            Marker t = types.get(m);
            int end = m + 1 < types.size() ? types.get(m + 1).offset() : b.length;
            int width = width(t.kind());
            if (width == 0) {
                return null;
            }
            int step = width / 8;
            for (int i = t.offset(); i + step <= end; i += step) {
                long x = 0;
                for (int k = 0; k < step; k++) {
                    x = (x << 8) | (b[i + k] & 0xff);
                }
                out.add(new Cell(x, width));
            }
        }
        return out;
    }

    private Node target(PropValue v, int offset) {
        if (v.length() < offset + 4) {
            return null;
        }
        return tree.byPhandle(v.cellAt(offset));
    }

    /** A {@code #...-cells} value of a node, 0 when absent. */
    static long cells(Node n, String name) {
        Property p = n == null ? null : n.property(name);
        if (p == null || p.value().length() < 4) {
            return 0;
        }
        return p.value().cellAt(0);
    }

    private static long addressCells(Node parent) {
        for (Node n = parent; n != null; n = n.parent()) {
            if (n.property("#address-cells") != null) {
                return cells(n, "#address-cells");
            }
        }
        return 2;
    }

    private static long sizeCells(Node parent) {
        for (Node n = parent; n != null; n = n.parent()) {
            if (n.property("#size-cells") != null) {
                return cells(n, "#size-cells");
            }
        }
        return 1;
    }
}
