package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc's phandle work after the merge: explicit phandles ({@code check_explicit_phandles}), references
 * replaced by phandles and paths ({@code fixup_phandle_references}, {@code fixup_path_references}) and, for
 * plugins, the {@code __fixups__} and {@code __local_fixups__} nodes.
 */
final class PhandleFixups {
    private final TreeBuilder builder;

    PhandleFixups(TreeBuilder builder) {
        this.builder = builder;
    }

    /** dtc's {@code check_explicit_phandles}: collects phandle values written in the source. */
    Map<Long, Node> explicitPhandles() {
        Map<Long, Node> seen = new HashMap<>();
        builder.walk(builder.root, n -> {
            Property ph = TreeBuilder.liveProperty(n, "phandle");
            Property lph = TreeBuilder.liveProperty(n, "linux,phandle");
            if (ph == null && lph == null) {
                return;
            }
            long value = -1;
            for (Property p : new Property[] {ph, lph}) {
                if (p == null) {
                    continue;
                }
                if (p.value().length() != 4) {
                    builder.error(Code.TR012, p.span(), "bad length (" + p.value().length() + ") " + p.name() + " property");
                    return;
                }
                Marker ref = p.value().refAt(0);
                if (ref != null && ref.kind() == Marker.Kind.REF_PHANDLE) {
                    Node target = builder.byRef(ref.ref());
                    if (target != n) {
                        builder.error(Code.TR012, p.span(), p.name() + " is a reference to another node");
                    }
                    return; // allocated when references are fixed up
                }
                long v = p.value().cellAt(0);
                if (v == 0 || v == TreeBuilder.NO_PHANDLE) {
                    builder.error(Code.TR012, p.span(), "bad value (0x" + Long.toHexString(v) + ") in " + p.name() + " property");
                    return;
                }
                if (value != -1 && value != v) {
                    builder.error(Code.TR012, p.span(), "linux,phandle (0x" + Long.toHexString(value)
                            + ") and phandle (0x" + Long.toHexString(v) + ") disagree");
                    return;
                }
                value = v;
            }
            Node other = seen.get(value);
            if (other != null) {
                Property p = ph != null ? ph : lph;
                builder.error(Code.TR012, p.span(), "duplicated phandle 0x" + Long.toHexString(value) + " (seen before at "
                        + other.path() + ")", List.of(new Diagnostic.Related(other.span(), "first used here")));
                return;
            }
            seen.put(value, n);
            n.phandle = value;
        });
        return seen;
    }

    /** dtc's {@code fixup_phandle_references}: pre-order, properties and markers in order. */
    void fixupPhandles(Node root, Map<Long, Node> used, boolean isPlugin) {
        builder.walk(root, n -> {
            for (Property p : new ArrayList<>(n.properties())) {
                if (p.deleted) {
                    continue;
                }
                for (Marker m : new ArrayList<>(p.value().markers())) {
                    if (m.kind() != Marker.Kind.REF_PHANDLE) {
                        continue;
                    }
                    Node target = builder.byRef(m.ref());
                    if (target == null) {
                        if (!isPlugin && !builder.partial) {
                            builder.error(m.ref().startsWith("/") ? Code.TR002 : Code.TR001, m.span(),
                                    "reference to non-existent node or label \"" + m.ref() + "\"");
                        } else if (isPlugin && !builder.partial && m.ref().contains("/")) {
                            // dtc livetree.c add_fixup_entry: __fixups__ entries are named by label only
                            builder.error(Code.TR002, m.span(), "can't generate fixup for reference to path &{" + m.ref()
                                    + "}: in a /plugin/ file only a label can refer outside the overlay (dtc 1.7 "
                                    + "stops here; dtc 1.6.1 writes a fixup named after the path)");
                        }
                        p.value().putCell(m.offset(), TreeBuilder.NO_PHANDLE);
                        continue;
                    }
                    long ph = phandleOf(target, used);
                    p.value().putCell(m.offset(), ph);
                    target.referenced = true;
                }
            }
        });
    }

    /** dtc's {@code get_node_phandle}: the next free value of a counter that never goes back. */
    long phandleOf(Node n, Map<Long, Node> used) {
        if (n.phandle != 0 && n.phandle != TreeBuilder.NO_PHANDLE) {
            return n.phandle;
        }
        while (used.containsKey(builder.nextPhandle)) {
            builder.nextPhandle++;
        }
        n.phandle = builder.nextPhandle;
        used.put(builder.nextPhandle, n);
        if (TreeBuilder.liveProperty(n, "phandle") == null) {
            PropValue v = new PropValue(new byte[4], List.of(new Marker(0, Marker.Kind.UINT32, null, null)));
            v.putCell(0, builder.nextPhandle);
            // dtc appends a new property even when a deleted "phandle" is still in the list
            n.properties().add(new Property("phandle", v, null));
        } else {
            TreeBuilder.liveProperty(n, "phandle").value().putCell(0, builder.nextPhandle);
        }
        return builder.nextPhandle;
    }

    /** dtc's {@code fixup_path_references}: paths are inserted as strings at their markers. */
    void fixupPaths(Node root) {
        builder.walk(root, n -> {
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                List<Marker> ms = p.value().markers();
                for (int i = 0; i < ms.size(); i++) {
                    Marker m = ms.get(i);
                    if (m.kind() != Marker.Kind.REF_PATH) {
                        continue;
                    }
                    Node target = builder.byRef(m.ref());
                    if (target == null) {
                        if (!builder.partial) {
                            builder.error(m.ref().startsWith("/") ? Code.TR002 : Code.TR001, m.span(),
                                    "reference to non-existent node or label \"" + m.ref() + "\"");
                        }
                        continue;
                    }
                    p.value().insertAtMarker(i, (TreeBuilder.displayPath(target) + "\0").getBytes(StandardCharsets.UTF_8));
                    target.referenced = true;
                }
            }
        });
    }

    /** Plugins: {@code __fixups__} for unresolved phandle references, {@code __local_fixups__} for local ones. */
    void generateFixups() {
        List<Object[]> unresolved = new ArrayList<>();
        List<Object[]> local = new ArrayList<>();
        builder.walk(builder.root, n -> {
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                for (Marker m : p.value().markers()) {
                    if (m.kind() == Marker.Kind.REF_PHANDLE) {
                        (builder.byRef(m.ref()) == null ? unresolved : local).add(new Object[] {n, p, m});
                    }
                }
            }
        });
        if (!unresolved.isEmpty()) {
            Node fx = liveChild(builder.root, "__fixups__");
            if (fx == null) {
                fx = new Node("__fixups__");
                fx.generated = true;
                builder.root.addChild(fx);
            }
            for (Object[] e : unresolved) {
                Node n = (Node) e[0];
                Property p = (Property) e[1];
                Marker m = (Marker) e[2];
                String entry = TreeBuilder.displayPath(n) + ":" + p.name() + ":" + m.offset() + "\0";
                appendTo(fx, m.ref(), entry.getBytes(StandardCharsets.UTF_8), Marker.Kind.STRING);
            }
        }
        if (!local.isEmpty()) {
            Node lf = liveChild(builder.root, "__local_fixups__");
            if (lf == null) {
                lf = new Node("__local_fixups__");
                lf.generated = true;
                builder.root.addChild(lf);
            }
            for (Object[] e : local) {
                Node n = (Node) e[0];
                Property p = (Property) e[1];
                Marker m = (Marker) e[2];
                Node w = lf;
                List<Node> chain = TreeBuilder.chain(n);
                for (int i = 1; i < chain.size(); i++) {
                    Node next = liveChild(w, chain.get(i).name());
                    if (next == null) {
                        next = new Node(chain.get(i).name());
                        next.generated = true;
                        w.addChild(next);
                    }
                    w = next;
                }
                byte[] cell = {(byte) (m.offset() >>> 24), (byte) (m.offset() >>> 16), (byte) (m.offset() >>> 8),
                    (byte) m.offset()};
                appendTo(w, p.name(), cell, Marker.Kind.UINT32);
            }
        }
    }

    static void appendTo(Node n, String prop, byte[] data, Marker.Kind type) {
        Property p = TreeBuilder.liveProperty(n, prop);
        if (p == null) {
            p = new Property(prop, new PropValue(new byte[0], List.of()), null);
            n.properties().add(p);
        }
        p.value().append(data, type);
    }

    static Node liveChild(Node n, String name) {
        for (Node c : n.children()) {
            if (!c.deleted && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

}
