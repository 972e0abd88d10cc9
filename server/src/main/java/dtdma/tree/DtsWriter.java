package dtdma.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a merged tree as canonical devicetree source: one tab per level, properties before children, a
 * blank line before each child, labels kept, values typed by their markers and references written as
 * {@code &label} (or {@code &{/path}}), so the output compiles with dtc to the same blob. For an overlay
 * the generated {@code __fixups__} and {@code __local_fixups__} nodes are omitted (dtc regenerates them).
 */
public final class DtsWriter {
    private final StringBuilder out = new StringBuilder();

    private DtsWriter() {
    }

    public static String write(DeviceTree tree) {
        DtsWriter w = new DtsWriter();
        w.out.append("/dts-v1/;\n");
        if (tree.plugin()) {
            w.out.append("/plugin/;\n");
        }
        for (long[] r : tree.memReserves()) {
            w.out.append("/memreserve/ ").append(hex(r[0])).append(' ').append(hex(r[1])).append(";\n");
        }
        w.out.append('\n');
        w.plugin = tree.plugin();
        w.node(tree.root(), 0);
        return w.out.toString();
    }

    /**
     * In an overlay the fixup nodes are dtc's own output for the references written as {@code &label};
     * they are left out so that compiling the dump regenerates them instead of doubling them.
     */
    private boolean plugin;

    private void node(Node n, int depth) {
        indent(depth);
        for (String l : n.labels()) {
            out.append(l).append(": ");
        }
        out.append(n.isRoot() ? "/" : n.name()).append(" {\n");
        for (Property p : n.properties()) {
            indent(depth + 1);
            for (String l : p.labels()) {
                out.append(l).append(": ");
            }
            out.append(p.name());
            String v = value(p.value());
            if (!v.isEmpty()) {
                out.append(" = ").append(v);
            }
            out.append(";\n");
        }
        for (Node c : n.children()) {
            if (plugin && n.isRoot() && c.isGenerated()
                    && (c.name().equals("__fixups__") || c.name().equals("__local_fixups__"))) {
                continue;
            }
            out.append('\n');
            node(c, depth + 1);
        }
        indent(depth);
        out.append("};\n");
    }

    private void indent(int depth) {
        for (int i = 0; i < depth; i++) {
            out.append('\t');
        }
    }

    /** The value in source form, typed by its markers; an empty value gives an empty string. */
    public static String value(PropValue v) {
        byte[] d = v.bytes();
        List<Marker> types = new ArrayList<>();
        for (Marker m : v.markers()) {
            if (m.kind().isType()) {
                types.add(m);
            }
        }
        if (types.isEmpty() || types.get(0).offset() > 0) {
            types.add(0, new Marker(0, guess(d, 0, types.isEmpty() ? d.length : types.get(0).offset()), null, null));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            int start = types.get(i).offset();
            int end = i + 1 < types.size() ? types.get(i + 1).offset() : d.length;
            if (end < start) {
                continue;
            }
            String labelsAtEnd = i + 1 == types.size() ? labelsAt(v, d.length, true) : "";
            String part = segment(v, types.get(i).kind(), start, end);
            if (part != null && !part.isEmpty()) {
                parts.add(part + labelsAtEnd);
            } else if (!labelsAtEnd.isEmpty()) {
                parts.add(labelsAtEnd.trim());
            }
        }
        return String.join(", ", parts);
    }

    private static Marker.Kind guess(byte[] d, int start, int end) {
        if (end > start && d[end - 1] == 0) {
            boolean printable = true;
            for (int i = start; i < end; i++) {
                int b = d[i] & 0xff;
                if (b != 0 && (b < 0x20 || b > 0x7e)) {
                    printable = false;
                    break;
                }
                if (b == 0 && (i == start || d[i - 1] == 0)) {
                    printable = false;
                    break;
                }
            }
            if (printable) {
                return Marker.Kind.STRING;
            }
        }
        return (end - start) % 4 == 0 && end > start ? Marker.Kind.UINT32 : Marker.Kind.BYTES;
    }

    private static String segment(PropValue v, Marker.Kind kind, int start, int end) {
        byte[] d = v.bytes();
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case STRING -> {
                int i = start;
                List<String> strs = new ArrayList<>();
                while (i < end) {
                    Marker ref = refAt(v, i, Marker.Kind.REF_PATH);
                    int nul = i;
                    while (nul < end && d[nul] != 0) {
                        nul++;
                    }
                    if (ref == null && refAt(v, i, Marker.Kind.STRING) != null) {
                        // one literal runs to the next string marker: NULs inside it were written in the
                        // literal ("a\0b"), as dtc keeps them
                        int next = end;
                        for (Marker m : v.markers()) {
                            if (m.kind() == Marker.Kind.STRING && m.offset() > i && m.offset() < next) {
                                next = m.offset();
                            }
                        }
                        if (next - 1 > nul && d[next - 1] == 0) {
                            nul = next - 1;
                        }
                    }
                    String labels = labelsAt(v, i, false);
                    if (ref != null) {
                        strs.add(labels + reference(ref.ref()));
                    } else {
                        strs.add(labels + quote(d, i, nul));
                    }
                    i = nul + 1;
                }
                return String.join(", ", strs);
            }
            case UINT8, UINT16, UINT32, UINT64 -> {
                int size = switch (kind) {
                    case UINT8 -> 1;
                    case UINT16 -> 2;
                    case UINT64 -> 8;
                    default -> 4;
                };
                if (size != 4) {
                    sb.append("/bits/ ").append(size * 8).append(' ');
                }
                sb.append('<');
                boolean first = true;
                for (int i = start; i + size <= end; i += size) {
                    if (!first) {
                        sb.append(' ');
                    }
                    first = false;
                    sb.append(labelsAt(v, i, false));
                    Marker ref = size == 4 ? refAt(v, i, Marker.Kind.REF_PHANDLE) : null;
                    if (ref != null) {
                        sb.append(reference(ref.ref()));
                    } else {
                        long x = 0;
                        for (int k = 0; k < size; k++) {
                            x = (x << 8) | (d[i + k] & 0xff);
                        }
                        sb.append(hex(x));
                    }
                }
                return sb.append('>').toString();
            }
            default -> {
                sb.append('[');
                for (int i = start; i < end; i++) {
                    if (i > start) {
                        sb.append(' ');
                    }
                    sb.append(labelsAt(v, i, false));
                    sb.append(String.format("%02x", d[i] & 0xff));
                }
                return sb.append(']').toString();
            }
        }
    }

    private static String reference(String ref) {
        return ref.startsWith("/") || ref.contains("/") ? "&{" + ref + "}" : "&" + ref;
    }

    private static Marker refAt(PropValue v, int offset, Marker.Kind kind) {
        for (Marker m : v.markers()) {
            if (m.offset() == offset && m.kind() == kind) {
                return m;
            }
        }
        return null;
    }

    private static String labelsAt(PropValue v, int offset, boolean trailing) {
        StringBuilder sb = new StringBuilder();
        for (Marker m : v.markers()) {
            if (m.kind() == Marker.Kind.LABEL && m.offset() == offset) {
                if (trailing) {
                    sb.append(' ');
                }
                sb.append(m.ref()).append(':');
                if (!trailing) {
                    sb.append(' ');
                }
            }
        }
        return sb.toString();
    }

    static String quote(byte[] d, int start, int end) {
        StringBuilder sb = new StringBuilder("\"");
        String s = new String(d, start, end - start, StandardCharsets.UTF_8);
        boolean lossless = java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8),
                java.util.Arrays.copyOfRange(d, start, end));
        if (!lossless) {
            for (int i = start; i < end; i++) {
                int b = d[i] & 0xff;
                appendChar(sb, b < 0x80 ? (char) b : '\0', b);
            }
            return sb.append('"').toString();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            appendChar(sb, c, c);
        }
        return sb.append('"').toString();
    }

    private static void appendChar(StringBuilder sb, char c, int raw) {
        switch (c) {
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            case '\n' -> sb.append("\\n");
            case '\t' -> sb.append("\\t");
            case '\r' -> sb.append("\\r");
            default -> {
                if (raw >= 0x80 && c == '\0' || c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", raw & 0xff));
                } else {
                    sb.append(c);
                }
            }
        }
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
