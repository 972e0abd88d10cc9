package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.syntax.Ast;
import dtdma.syntax.ParseResult;
import dtdma.text.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the top-level items of a parsed board into one device tree, following dtc's semantics:
 * top-level references resolve against what has been parsed so far, later definitions merge into earlier
 * ones (values replaced in place, new items appended), deletions flag objects, value references are fixed
 * up after the whole source is read (phandles allocated in dtc's order), {@code /omit-if-no-ref/} nodes
 * without references are dropped, and plugins get fragments and fixup nodes.
 *
 * <p>Reference: dtc's {@code dtc-parser.y} actions, {@code livetree.c} (merge, delete, lookup, phandles)
 * and {@code checks.c} (explicit phandles, reference fixups, name and label checks).
 */
public final class TreeBuilder {
    /** Reads the bytes of an {@code /incbin/} file named in a source file. */
    @FunctionalInterface
    public interface BinaryLoader {
        /** Returns the file's bytes, or throws with a message fit for a diagnostic. */
        byte[] load(String name, Span from) throws java.io.IOException;
    }

    private static final long NO_PHANDLE = 0xffffffffL;

    private final List<Diagnostic> diags = new ArrayList<>();
    private final BinaryLoader loader;
    private Node root;
    private Boolean plugin;
    private final List<boolean[]> headers = new ArrayList<>();
    private final List<Span> headerSpans = new ArrayList<>();
    private int nextFragment;
    private long nextPhandle = 1;
    private final List<long[]> memReserves = new ArrayList<>();
    /** Every node that ever carried a label, by label (live or deleted); lookups filter. */
    private final Map<String, List<Node>> labelIndex = new HashMap<>();

    private final boolean partial;
    private final List<Node> detached = new ArrayList<>();

    private TreeBuilder(BinaryLoader loader, boolean partial) {
        this.loader = loader;
        this.partial = partial;
    }

    /** Builds the merged tree of a parsed board. Diagnostics of the merge are in the result's list. */
    public static DeviceTree build(ParseResult parsed, BinaryLoader loader) {
        return build(parsed, loader, false);
    }

    /**
     * Builds a merged tree. With {@code partial} (a {@code .dtsi} analysed without an including board),
     * references an includer could satisfy are not errors: a top-level {@code &label { }} whose label is
     * unknown is kept as a detached node (see {@link DeviceTree#detached()}), and unresolved references in
     * values stay unresolved silently.
     */
    public static DeviceTree build(ParseResult parsed, BinaryLoader loader, boolean partial) {
        TreeBuilder b = new TreeBuilder(loader == null ? (n, s) -> {
            throw new java.io.IOException("binary includes are not available here");
        } : loader, partial);
        return b.run(parsed.items());
    }

    private DeviceTree run(List<Ast.TopItem> items) {
        for (Ast.TopItem item : items) {
            top(item);
        }
        if (root == null) {
            root = new Node("");
            Span where = items.isEmpty() ? null : items.get(items.size() - 1).span();
            if (where != null && !partial) {
                error(Code.TR018, where, "no root node: the source has no '/ { ... };'");
            }
        }
        boolean isPlugin = Boolean.TRUE.equals(plugin);
        checkHeaders();
        checkNames(root);
        Map<Long, Node> phandles = explicitPhandles();
        fixupPhandles(root, phandles, isPlugin);
        fixupPaths(root);
        omitUnused(root);
        nameProperties(root);
        if (isPlugin) {
            generateFixups();
        }
        checkDuplicateLabels();
        DeviceTree t = new DeviceTree(root, isPlugin);
        prune(root);
        t.memReserves().addAll(memReserves);
        for (Node d : detached) {
            prune(d);
            t.detached().add(d);
        }
        indexLabels(root, t.labels);
        t.diagnostics().addAll(diags);
        return t;
    }

    // ------------------------------------------------------------------ top level

    private void top(Ast.TopItem item) {
        if (item instanceof Ast.Header h) {
            header(h);
        } else if (item instanceof Ast.MemReserve m) {
            memReserves.add(new long[] {eval(m.address()), eval(m.size())});
        } else if (item instanceof Ast.RootNode r) {
            Node n = buildNode("", r.body(), List.of(), false, r.span());
            if (root == null) {
                root = n;
            } else {
                merge(root, n, r.span());
            }
        } else if (item instanceof Ast.RefNode r) {
            refNode(r);
        } else if (item instanceof Ast.DeleteNodeRef d) {
            Node target = root == null ? null : byRef(d.ref().text());
            if (target == null) {
                notFound(d.ref());
            } else {
                deleteNode(target, d.span());
            }
        } else if (item instanceof Ast.OmitRef o) {
            Node target = root == null ? null : byRef(o.ref().text());
            if (target == null) {
                notFound(o.ref());
            } else {
                target.omitIfNoRef = true;
            }
        }
    }

    /**
     * Each {@code /dts-v1/;} starts a header and a following {@code /plugin/;} makes it a plugin header;
     * every header must carry the flags of the first (dtc: "Header flags don't match earlier ones").
     */
    private void header(Ast.Header h) {
        if (!h.plugin()) {
            headers.add(new boolean[] {false});
            headerSpans.add(h.span());
        } else if (headers.isEmpty()) {
            error(Code.TR015, h.span(), "/plugin/ must follow /dts-v1/;");
            return;
        } else {
            headers.get(headers.size() - 1)[0] = true;
            headerSpans.set(headerSpans.size() - 1, headerSpans.get(headerSpans.size() - 1).union(h.span()));
        }
        plugin = headers.get(0)[0];
    }

    private void checkHeaders() {
        for (int i = 1; i < headers.size(); i++) {
            if (headers.get(i)[0] != headers.get(0)[0]) {
                error(Code.TR015, headerSpans.get(i), "header flags don't match earlier ones: "
                        + (headers.get(0)[0] ? "the first header has /plugin/, this one has not"
                                : "this header has /plugin/, the first has not"),
                        List.of(new Diagnostic.Related(headerSpans.get(0), "first header")));
            }
        }
    }

    private void refNode(Ast.RefNode r) {
        boolean isPlugin = Boolean.TRUE.equals(plugin);
        Node body = buildNode("", r.body(), List.of(), false, r.span());
        if (root == null) {
            root = new Node("");
            if (!isPlugin || !r.labels().isEmpty()) {
                notFound(r.ref());
                keepDetached(r.ref(), body);
                return;
            }
            addOrphan(body, r.ref());
            return;
        }
        if (!r.labels().isEmpty()) {
            Node target = byRef(r.ref().text());
            if (target == null) {
                notFound(r.ref());
                keepDetached(r.ref(), body);
                return;
            }
            for (Ast.Label l : r.labels()) {
                addLabel(target, l);
            }
            merge(target, body, r.span());
            return;
        }
        if (isPlugin) {
            Node target = r.ref().text().startsWith("/") ? null : byRef(r.ref().text());
            if (target == null) {
                addOrphan(body, r.ref());
            } else {
                merge(target, body, r.span());
            }
            return;
        }
        Node target = byRef(r.ref().text());
        if (target == null) {
            notFound(r.ref());
            keepDetached(r.ref(), body);
        } else {
            merge(target, body, r.span());
        }
    }

    /** In a partial tree, the body of {@code &unknown { }} is kept under the reference's spelling. */
    private void keepDetached(Ast.Ref ref, Node body) {
        if (!partial) {
            return;
        }
        for (Node d : detached) {
            if (d.name().equals(ref.spelled())) {
                merge(d, body, ref.span());
                return;
            }
        }
        detached.add(rename(body, ref.spelled()));
    }

    private void addOrphan(Node body, Ast.Ref ref) {
        PropValue v;
        String propName;
        if (ref.text().startsWith("/")) {
            byte[] s = (ref.text() + "\0").getBytes(StandardCharsets.UTF_8);
            v = new PropValue(s, List.of(new Marker(0, Marker.Kind.STRING, null, ref.span())));
            propName = "target-path";
        } else {
            v = new PropValue(new byte[] {-1, -1, -1, -1}, List.of(
                    new Marker(0, Marker.Kind.UINT32, null, ref.span()),
                    new Marker(0, Marker.Kind.REF_PHANDLE, ref.text(), ref.span())));
            propName = "target";
        }
        Node frag = new Node("fragment@" + nextFragment++);
        frag.generated = true;
        Property p = new Property(propName, v, null);
        p.history().add(new History(History.Kind.DEFINED, ref.span()));
        frag.properties().add(p);
        Node overlay = rename(body, "__overlay__");
        frag.addChild(overlay);
        frag.history().add(new History(History.Kind.DEFINED, ref.span()));
        root.addChild(frag);
    }

    /** Nodes are immutable in name, so renaming copies the shell and moves the content. */
    private Node rename(Node n, String name) {
        Node r = new Node(name);
        r.labelDefs.addAll(n.labelDefs);
        r.properties().addAll(n.properties());
        for (Node c : n.children()) {
            r.addChild(c);
        }
        r.history().addAll(n.history());
        r.omitIfNoRef = n.omitIfNoRef;
        r.nameSpan = n.nameSpan;
        for (LabelDef l : n.labelDefs) {
            replaceInIndex(l.name, n, r);
        }
        return r;
    }

    private void replaceInIndex(String label, Node from, Node to) {
        List<Node> list = labelIndex.get(label);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == from) {
                    list.set(i, to);
                }
            }
        }
    }

    private void notFound(Ast.Ref ref) {
        if (partial) {
            return;
        }
        error(ref.path() ? Code.TR002 : Code.TR001, ref.span(), "label or path " + ref.spelled() + " not found");
    }

    // ------------------------------------------------------------------ building nodes from syntax

    private Node buildNode(String name, Ast.NodeBody body, List<Ast.Label> labels, boolean omit, Span span) {
        Node n = new Node(name);
        n.omitIfNoRef = omit;
        n.history().add(new History(History.Kind.DEFINED, span));
        for (Ast.Label l : labels) {
            addLabel(n, l);
        }
        if (body == null) {
            return n;
        }
        for (Ast.BodyItem item : body.items()) {
            if (item instanceof Ast.PropDef p) {
                Property prop = new Property(p.name(), value(p), p);
                prop.history().add(new History(History.Kind.DEFINED, p.span()));
                for (Ast.Label l : p.labels()) {
                    prop.labelDefs.add(new LabelDef(l.name(), l.span()));
                }
                n.properties().add(prop);
            } else if (item instanceof Ast.DeleteProp d) {
                Property marker = new Property(d.name(), new PropValue(new byte[0], List.of()), null);
                marker.deleted = true;
                marker.deletionMarker = d;
                n.properties().add(marker);
            } else if (item instanceof Ast.NodeDef d) {
                Node child = buildNode(d.name(), d.body(), d.labels(), d.omitIfNoRef(), d.span());
                child.nameSpan = d.nameSpan();
                n.addChild(child);
            } else if (item instanceof Ast.DeleteNode d) {
                Node marker = new Node(d.name());
                marker.deleted = true;
                marker.deletionMarker = d;
                n.addChild(marker);
            }
        }
        return n;
    }

    /** Nodes whose label budget was exceeded (said once per node). */
    private final java.util.Set<Node> labelBudgetSaid = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private void addLabel(Node n, Ast.Label l) {
        for (LabelDef d : n.labelDefs) {
            if (d.name.equals(l.name())) {
                d.deleted = false;
                return;
            }
        }
        if (n.labelDefs.size() >= dtdma.check.Budgets.MAX_LABELS_PER_NODE) {
            if (labelBudgetSaid.add(n)) {
                warn(Code.LIM001, l.span(), "more than " + dtdma.check.Budgets.MAX_LABELS_PER_NODE + " labels on "
                        + displayPath(n) + ": the rest are ignored (the most on a real node is 25)");
            }
            return;
        }
        n.labelDefs.add(new LabelDef(l.name(), l.span()));
        List<Node> list = labelIndex.computeIfAbsent(l.name(), k -> new ArrayList<>(1));
        if (!list.contains(n)) {
            list.add(n);
        }
    }

    private PropValue value(Ast.PropDef p) {
        ValueWriter w = new ValueWriter();
        for (Ast.Value v : p.value()) {
            if (v instanceof Ast.Str s) {
                w.marker(Marker.Kind.STRING, null, s.span());
                w.bytes(s.bytes());
                w.bytes(new byte[] {0});
            } else if (v instanceof Ast.Cells c) {
                cells(w, c);
            } else if (v instanceof Ast.Bytes b) {
                w.marker(Marker.Kind.BYTES, null, b.span());
                for (Ast.ByteItem bi : b.items()) {
                    if (bi instanceof Ast.ByteVal bv) {
                        w.bytes(new byte[] {(byte) bv.value()});
                    } else if (bi instanceof Ast.ByteLabel bl) {
                        w.marker(Marker.Kind.LABEL, bl.label().name(), bl.label().span());
                    }
                }
            } else if (v instanceof Ast.PathRef r) {
                w.marker(Marker.Kind.STRING, null, r.span());
                w.marker(Marker.Kind.REF_PATH, r.ref().text(), r.ref().span());
            } else if (v instanceof Ast.Incbin ib) {
                incbin(w, ib);
            } else if (v instanceof Ast.ValueLabel l) {
                w.marker(Marker.Kind.LABEL, l.label().name(), l.label().span());
            }
        }
        PropValue v = w.build();
        if (v.length() > dtdma.check.Budgets.MAX_PROPERTY_BYTES) {
            warn(Code.LIM001, p.span(), "the value of " + p.name() + " has " + v.length() + " bytes, more than the "
                    + dtdma.check.Budgets.MAX_PROPERTY_BYTES + " analysed: it is taken as empty (the largest real "
                    + "property has 3,272 bytes)");
            return new PropValue(new byte[0], List.of());
        }
        return v;
    }

    private void cells(ValueWriter w, Ast.Cells c) {
        int bits = c.bits();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            error(Code.TR017, c.bitsSpan() != null ? c.bitsSpan() : c.span(),
                    "array elements must be 8, 16, 32 or 64 bits, not " + bits);
            bits = 32;
        }
        Marker.Kind kind = switch (bits) {
            case 8 -> Marker.Kind.UINT8;
            case 16 -> Marker.Kind.UINT16;
            case 64 -> Marker.Kind.UINT64;
            default -> Marker.Kind.UINT32;
        };
        w.marker(kind, null, c.span());
        for (Ast.CellItem item : c.items()) {
            if (item instanceof Ast.Cell cell) {
                long v = eval(cell.expr());
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    if (Long.compareUnsigned(v, mask) > 0 && (v | mask) != -1L) {
                        error(Code.TR006, cell.span(), "value 0x" + Long.toHexString(v) + " out of range for a "
                                + bits + "-bit array element (dtc 1.6 rejects it; dtc 1.7 and later truncate it)");
                    }
                }
                w.integer(v, bits);
            } else if (item instanceof Ast.CellRef r) {
                if (bits != 32) {
                    error(Code.TR013, r.span(), "references are only allowed in arrays with 32-bit elements");
                }
                w.marker(Marker.Kind.REF_PHANDLE, r.ref().text(), r.ref().span());
                w.integer(NO_PHANDLE, bits);
            } else if (item instanceof Ast.CellLabel l) {
                w.marker(Marker.Kind.LABEL, l.label().name(), l.label().span());
            }
        }
    }

    private void incbin(ValueWriter w, Ast.Incbin ib) {
        byte[] data;
        try {
            data = loader.load(ib.file(), ib.fileSpan());
        } catch (java.io.IOException e) {
            error(Code.TR014, ib.fileSpan(), "couldn't read /incbin/ file \"" + ib.file() + "\": " + e.getMessage());
            return;
        }
        long off = ib.offset() == null ? 0 : eval(ib.offset());
        long len = ib.length() == null ? data.length - off : eval(ib.length());
        if (off < 0 || off > data.length || len < 0 || off + len > data.length) {
            error(Code.TR014, ib.span(), "/incbin/ range " + off + "+" + len + " is outside the file's "
                    + data.length + " bytes");
            return;
        }
        w.bytes(java.util.Arrays.copyOfRange(data, (int) off, (int) (off + len)));
    }

    /** Evaluates an integer expression as dtc does: unsigned 64-bit, both arms always evaluated. */
    long eval(Ast.Expr e) {
        if (e instanceof Ast.Num n) {
            return n.value();
        }
        if (e instanceof Ast.Unary u) {
            long v = eval(u.operand());
            return switch (u.op()) {
                case "-" -> -v;
                case "~" -> ~v;
                case "!" -> v == 0 ? 1 : 0;
                default -> v;
            };
        }
        if (e instanceof Ast.Ternary t) {
            long c = eval(t.cond());
            long a = eval(t.then());
            long b = eval(t.otherwise());
            return c != 0 ? a : b;
        }
        Ast.Binary b = (Ast.Binary) e;
        return binary(b, eval(b.left()), eval(b.right()));
    }

    private long binary(Ast.Binary b, long l, long r) {
        return switch (b.op()) {
            case "*" -> l * r;
            case "/", "%" -> {
                if (r == 0) {
                    error(Code.TR005, b.span(), "division by zero");
                    yield 0;
                }
                yield b.op().equals("/") ? Long.divideUnsigned(l, r) : Long.remainderUnsigned(l, r);
            }
            case "+" -> l + r;
            case "-" -> l - r;
            case "<<" -> Long.compareUnsigned(r, 64) >= 0 ? 0 : l << r;
            case ">>" -> Long.compareUnsigned(r, 64) >= 0 ? 0 : l >>> r;
            case "<" -> Long.compareUnsigned(l, r) < 0 ? 1 : 0;
            case ">" -> Long.compareUnsigned(l, r) > 0 ? 1 : 0;
            case "<=" -> Long.compareUnsigned(l, r) <= 0 ? 1 : 0;
            case ">=" -> Long.compareUnsigned(l, r) >= 0 ? 1 : 0;
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            case "&" -> l & r;
            case "^" -> l ^ r;
            case "|" -> l | r;
            case "&&" -> l != 0 && r != 0 ? 1 : 0;
            case "||" -> l != 0 || r != 0 ? 1 : 0;
            default -> 0;
        };
    }

    // ------------------------------------------------------------------ merging and deleting

    /** dtc's {@code merge_nodes}: {@code add} is consumed. */
    private void merge(Node old, Node add, Span at) {
        old.deleted = false;
        old.history().add(new History(History.Kind.CHANGED, at));
        for (LabelDef l : add.labelDefs) {
            addLabel(old, new Ast.Label(l.name, l.span));
            List<Node> list = labelIndex.get(l.name);
            if (list != null) {
                list.remove(add);
            }
        }
        if (add.omitIfNoRef) {
            old.omitIfNoRef = true;
        }
        for (Property np : add.properties()) {
            if (np.deletionMarker != null) {
                Property victim = liveProperty(old, np.name());
                if (victim == null) {
                    warn(Code.TR004, np.deletionMarker.nameSpan(), "/delete-property/ " + np.name()
                            + ": node " + displayPath(old) + " has no such property (dtc ignores this)");
                } else {
                    deleteProperty(victim, np.deletionMarker.span());
                }
                continue;
            }
            Property existing = null;
            for (Property op : old.properties()) {
                if (op.name().equals(np.name())) {
                    existing = op;
                    break;
                }
            }
            if (existing != null) {
                for (LabelDef l : np.labelDefs) {
                    addPropLabel(existing, l);
                }
                existing.setValue(np.value(), np.definition());
                existing.deleted = false;
                existing.history().addAll(np.history().stream()
                        .map(h -> new History(History.Kind.CHANGED, h.span())).toList());
            } else {
                old.properties().add(np);
            }
        }
        for (Node nc : new ArrayList<>(add.children())) {
            if (nc.deletionMarker != null) {
                Node victim = null;
                for (Node oc : old.children()) {
                    if (oc.name().equals(nc.name())) {
                        victim = oc;
                        break;
                    }
                }
                if (victim == null || victim.deleted) {
                    warn(Code.TR004, nc.deletionMarker.nameSpan(), "/delete-node/ " + nc.name()
                            + ": node " + displayPath(old) + " has no such child (dtc ignores this)");
                }
                if (victim != null) {
                    deleteNode(victim, nc.deletionMarker.span());
                }
                continue;
            }
            Node existing = null;
            for (Node oc : old.children()) {
                if (oc.name().equals(nc.name())) {
                    existing = oc;
                    break;
                }
            }
            if (existing != null) {
                merge(existing, nc, nc.span());
            } else {
                old.addChild(nc);
            }
        }
    }

    private static String displayPath(Node n) {
        return n.parent() == null && n.name().isEmpty() ? "/" : n.path();
    }

    private static void addPropLabel(Property p, LabelDef l) {
        for (LabelDef d : p.labelDefs) {
            if (d.name.equals(l.name)) {
                d.deleted = false;
                return;
            }
        }
        p.labelDefs.add(new LabelDef(l.name, l.span));
    }

    private static Property liveProperty(Node n, String name) {
        for (Property p : n.properties()) {
            if (!p.deleted && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private void deleteProperty(Property p, Span at) {
        p.deleted = true;
        p.history().add(new History(History.Kind.DELETED, at));
        for (LabelDef l : p.labelDefs) {
            l.deleted = true;
        }
    }

    private void deleteNode(Node n, Span at) {
        if (at != null) {
            n.history().add(new History(History.Kind.DELETED, at));
        }
        n.deleted = true;
        for (Node c : n.children()) {
            deleteNode(c, null);
        }
        for (Property p : n.properties()) {
            p.deleted = true;
            for (LabelDef l : p.labelDefs) {
                l.deleted = true;
            }
        }
        for (LabelDef l : n.labelDefs) {
            l.deleted = true;
        }
    }

    // ------------------------------------------------------------------ lookups

    /** dtc's {@code get_node_by_ref}: {@code /} alone, an absolute path, or a label optionally followed by a path. */
    private Node byRef(String ref) {
        if (ref.equals("/")) {
            return root;
        }
        if (ref.startsWith("/")) {
            return byPath(root, ref.substring(1));
        }
        int slash = ref.indexOf('/');
        String label = slash < 0 ? ref : ref.substring(0, slash);
        Node n = byLabel(label);
        if (n == null || slash < 0) {
            return n;
        }
        return byPath(n, ref.substring(slash + 1));
    }

    private static Node byPath(Node from, String path) {
        Node n = from;
        int i = 0;
        while (i < path.length()) {
            while (i < path.length() && path.charAt(i) == '/') {
                i++;
            }
            if (i >= path.length()) {
                break;
            }
            int j = path.indexOf('/', i);
            String part = j < 0 ? path.substring(i) : path.substring(i, j);
            Node next = null;
            for (Node c : n.children()) {
                if (!c.deleted && c.name().equals(part)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            n = next;
            i = j < 0 ? path.length() : j;
        }
        return n;
    }

    private Node byLabel(String label) {
        List<Node> candidates = labelIndex.get(label);
        if (candidates == null) {
            return null;
        }
        Node best = null;
        for (Node n : candidates) {
            if (n.deleted || !attached(n) || !hasLiveLabel(n, label)) {
                continue;
            }
            if (best == null || preorderBefore(n, best)) {
                best = n;
            }
        }
        return best;
    }

    private boolean attached(Node n) {
        Node r = n;
        while (r.parent() != null) {
            r = r.parent();
        }
        return r == root;
    }

    private static boolean hasLiveLabel(Node n, String label) {
        for (LabelDef l : n.labelDefs) {
            if (!l.deleted && l.name.equals(label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} comes before {@code b} in a pre-order walk (both in one tree). */
    private static boolean preorderBefore(Node a, Node b) {
        List<Node> pa = chain(a);
        List<Node> pb = chain(b);
        int i = 0;
        while (i < pa.size() && i < pb.size() && pa.get(i) == pb.get(i)) {
            i++;
        }
        if (i == pa.size()) {
            return true; // a is an ancestor of b
        }
        if (i == pb.size()) {
            return false;
        }
        Node parent = pa.get(i - 1);
        return parent.children().indexOf(pa.get(i)) < parent.children().indexOf(pb.get(i));
    }

    private static List<Node> chain(Node n) {
        List<Node> out = new ArrayList<>();
        for (Node x = n; x != null; x = x.parent()) {
            out.add(0, x);
        }
        return out;
    }

    // ------------------------------------------------------------------ checks and fixups after parsing

    /** Earlier occurrences of one name compared against each later one (dtc compares every pair). */
    private static final int MAX_DUPLICATES_COMPARED = 16;

    private void checkNames(Node n) {
        // dtc's check_duplicate_node_names / _property_names compare every pair; indexing by name keeps it
        // linear (a hostile node has hundreds of thousands of properties), reporting the same pairs.
        List<Node> kids = n.children();
        Map<String, List<Node>> earlierNodes = new HashMap<>();
        for (Node d : kids) {
            List<Node> earlier = earlierNodes.get(d.name());
            if (earlier != null) {
                for (Node c : earlier) {
                    Span s = d.deletionMarker != null ? d.deletionMarker.span() : d.nameSpan();
                    error(Code.TR007, s, "duplicate node name '" + d.name() + "' in " + displayPath(n),
                            List.of(new Diagnostic.Related(c.nameSpan(), "first defined here")));
                }
            }
            if (!d.deleted) {
                List<Node> l = earlierNodes.computeIfAbsent(d.name(), k -> new ArrayList<>(1));
                if (l.size() < MAX_DUPLICATES_COMPARED) {
                    l.add(d);
                }
                checkNodeName(d);
            }
        }
        List<Property> props = n.properties();
        Map<String, List<Property>> earlierProps = new HashMap<>();
        for (Property q : props) {
            if (q.deleted) {
                continue;
            }
            List<Property> earlier = earlierProps.computeIfAbsent(q.name(), k -> new ArrayList<>(1));
            for (Property p : earlier) {
                error(Code.TR008, q.span(), "duplicate property name '" + q.name() + "' in " + displayPath(n),
                        List.of(new Diagnostic.Related(p.span(), "first defined here")));
            }
            if (earlier.size() < MAX_DUPLICATES_COMPARED) {
                earlier.add(q);
            }
            checkPropertyName(q);
        }
        for (Node c : kids) {
            if (!c.deleted) {
                checkNames(c);
            }
        }
    }

    private void checkNodeName(Node c) {
        String name = c.name();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(Character.isLetterOrDigit(ch) && ch < 128) && ",._+@-".indexOf(ch) < 0) {
                error(Code.TR009, c.nameSpan(), "bad character '" + ch + "' in node name '" + name + "'");
                break;
            }
        }
        int at = name.indexOf('@');
        if (at >= 0 && name.indexOf('@', at + 1) >= 0) {
            error(Code.TR011, c.nameSpan(), "multiple '@' characters in node name '" + name + "'");
        }
    }

    private void checkPropertyName(Property p) {
        String name = p.name();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(Character.isLetterOrDigit(ch) && ch < 128) && ",._+*#?-".indexOf(ch) < 0) {
                error(Code.TR010, p.span(), "bad character '" + ch + "' in property name '" + name + "'");
                break;
            }
        }
    }

    /** dtc's {@code check_explicit_phandles}: collects phandle values written in the source. */
    private Map<Long, Node> explicitPhandles() {
        Map<Long, Node> seen = new HashMap<>();
        walk(root, n -> {
            Property ph = liveProperty(n, "phandle");
            Property lph = liveProperty(n, "linux,phandle");
            if (ph == null && lph == null) {
                return;
            }
            long value = -1;
            for (Property p : new Property[] {ph, lph}) {
                if (p == null) {
                    continue;
                }
                if (p.value().length() != 4) {
                    error(Code.TR012, p.span(), "bad length (" + p.value().length() + ") " + p.name() + " property");
                    return;
                }
                Marker ref = p.value().refAt(0);
                if (ref != null && ref.kind() == Marker.Kind.REF_PHANDLE) {
                    Node target = byRef(ref.ref());
                    if (target != n) {
                        error(Code.TR012, p.span(), p.name() + " is a reference to another node");
                    }
                    return; // allocated when references are fixed up
                }
                long v = p.value().cellAt(0);
                if (v == 0 || v == NO_PHANDLE) {
                    error(Code.TR012, p.span(), "bad value (0x" + Long.toHexString(v) + ") in " + p.name() + " property");
                    return;
                }
                if (value != -1 && value != v) {
                    error(Code.TR012, p.span(), "linux,phandle (0x" + Long.toHexString(value)
                            + ") and phandle (0x" + Long.toHexString(v) + ") disagree");
                    return;
                }
                value = v;
            }
            Node other = seen.get(value);
            if (other != null) {
                Property p = ph != null ? ph : lph;
                error(Code.TR012, p.span(), "duplicated phandle 0x" + Long.toHexString(value) + " (seen before at "
                        + other.path() + ")", List.of(new Diagnostic.Related(other.span(), "first used here")));
                return;
            }
            seen.put(value, n);
            n.phandle = value;
        });
        return seen;
    }

    /** dtc's {@code fixup_phandle_references}: pre-order, properties and markers in order. */
    private void fixupPhandles(Node root, Map<Long, Node> used, boolean isPlugin) {
        walk(root, n -> {
            for (Property p : new ArrayList<>(n.properties())) {
                if (p.deleted) {
                    continue;
                }
                for (Marker m : new ArrayList<>(p.value().markers())) {
                    if (m.kind() != Marker.Kind.REF_PHANDLE) {
                        continue;
                    }
                    Node target = byRef(m.ref());
                    if (target == null) {
                        if (!isPlugin && !partial) {
                            error(m.ref().startsWith("/") ? Code.TR002 : Code.TR001, m.span(),
                                    "reference to non-existent node or label \"" + m.ref() + "\"");
                        } else if (isPlugin && !partial && m.ref().contains("/")) {
                            // dtc livetree.c add_fixup_entry: __fixups__ entries are named by label only
                            error(Code.TR002, m.span(), "can't generate fixup for reference to path &{" + m.ref()
                                    + "}: in a /plugin/ file only a label can refer outside the overlay (dtc 1.7 "
                                    + "stops here; dtc 1.6.1 writes a fixup named after the path)");
                        }
                        p.value().putCell(m.offset(), NO_PHANDLE);
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
    private long phandleOf(Node n, Map<Long, Node> used) {
        if (n.phandle != 0 && n.phandle != NO_PHANDLE) {
            return n.phandle;
        }
        while (used.containsKey(nextPhandle)) {
            nextPhandle++;
        }
        n.phandle = nextPhandle;
        used.put(nextPhandle, n);
        if (liveProperty(n, "phandle") == null) {
            PropValue v = new PropValue(new byte[4], List.of(new Marker(0, Marker.Kind.UINT32, null, null)));
            v.putCell(0, nextPhandle);
            // dtc appends a new property even when a deleted "phandle" is still in the list
            n.properties().add(new Property("phandle", v, null));
        } else {
            liveProperty(n, "phandle").value().putCell(0, nextPhandle);
        }
        return nextPhandle;
    }

    /** dtc's {@code fixup_path_references}: paths are inserted as strings at their markers. */
    private void fixupPaths(Node root) {
        walk(root, n -> {
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
                    Node target = byRef(m.ref());
                    if (target == null) {
                        if (!partial) {
                            error(m.ref().startsWith("/") ? Code.TR002 : Code.TR001, m.span(),
                                    "reference to non-existent node or label \"" + m.ref() + "\"");
                        }
                        continue;
                    }
                    p.value().insertAtMarker(i, (displayPath(target) + "\0").getBytes(StandardCharsets.UTF_8));
                    target.referenced = true;
                }
            }
        });
    }

    private void omitUnused(Node n) {
        for (Node c : n.children()) {
            if (c.deleted) {
                continue;
            }
            if (c.omitIfNoRef && !c.referenced) {
                deleteNode(c, null);
                continue;
            }
            omitUnused(c);
        }
    }

    /** dtc's {@code check_name_properties}: a matching {@code name} property is dropped, another is an error. */
    private void nameProperties(Node root) {
        walk(root, n -> {
            Property p = liveProperty(n, "name");
            if (p == null) {
                return;
            }
            String s = p.value().string();
            if (s == null || s.length() + 1 != p.value().length()) {
                error(Code.TR016, p.span(), "\"name\" property is not a string");
            } else if (!s.equals(n.baseName())) {
                error(Code.TR016, p.span(), "\"name\" property is incorrect (\"" + s + "\" instead of base node name)");
            } else {
                n.properties().remove(p);
            }
        });
    }

    /** Plugins: {@code __fixups__} for unresolved phandle references, {@code __local_fixups__} for local ones. */
    private void generateFixups() {
        List<Object[]> unresolved = new ArrayList<>();
        List<Object[]> local = new ArrayList<>();
        walk(root, n -> {
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                for (Marker m : p.value().markers()) {
                    if (m.kind() == Marker.Kind.REF_PHANDLE) {
                        (byRef(m.ref()) == null ? unresolved : local).add(new Object[] {n, p, m});
                    }
                }
            }
        });
        if (!unresolved.isEmpty()) {
            Node fx = liveChild(root, "__fixups__");
            if (fx == null) {
                fx = new Node("__fixups__");
                fx.generated = true;
                root.addChild(fx);
            }
            for (Object[] e : unresolved) {
                Node n = (Node) e[0];
                Property p = (Property) e[1];
                Marker m = (Marker) e[2];
                String entry = displayPath(n) + ":" + p.name() + ":" + m.offset() + "\0";
                appendTo(fx, m.ref(), entry.getBytes(StandardCharsets.UTF_8), Marker.Kind.STRING);
            }
        }
        if (!local.isEmpty()) {
            Node lf = liveChild(root, "__local_fixups__");
            if (lf == null) {
                lf = new Node("__local_fixups__");
                lf.generated = true;
                root.addChild(lf);
            }
            for (Object[] e : local) {
                Node n = (Node) e[0];
                Property p = (Property) e[1];
                Marker m = (Marker) e[2];
                Node w = lf;
                List<Node> chain = chain(n);
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

    private static void appendTo(Node n, String prop, byte[] data, Marker.Kind type) {
        Property p = liveProperty(n, prop);
        if (p == null) {
            p = new Property(prop, new PropValue(new byte[0], List.of()), null);
            n.properties().add(p);
        }
        p.value().append(data, type);
    }

    private static Node liveChild(Node n, String name) {
        for (Node c : n.children()) {
            if (!c.deleted && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** dtc's {@code check_duplicate_label}: one label, one object (node, property or value position). */
    private void checkDuplicateLabels() {
        Map<String, Object[]> seen = new HashMap<>();
        walk(root, n -> {
            for (LabelDef l : n.labelDefs) {
                if (!l.deleted) {
                    dupLabel(seen, l.name, l.span, n);
                }
            }
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                for (LabelDef l : p.labelDefs) {
                    if (!l.deleted) {
                        dupLabel(seen, l.name, l.span, p);
                    }
                }
                for (Marker m : p.value().markers()) {
                    if (m.kind() == Marker.Kind.LABEL) {
                        dupLabel(seen, m.ref(), m.span(), m);
                    }
                }
            }
        });
    }

    private void dupLabel(Map<String, Object[]> seen, String label, Span span, Object owner) {
        Object[] first = seen.putIfAbsent(label, new Object[] {owner, span});
        if (first != null && first[0] != owner) {
            error(Code.TR003, span, "duplicate label '" + label + "'",
                    List.of(new Diagnostic.Related((Span) first[1], "also defined here")));
        }
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        if (n.deleted) {
            return;
        }
        f.accept(n);
        for (int i = 0; i < n.children().size(); i++) {
            walk(n.children().get(i), f);
        }
    }

    /** Removes deleted objects so the public tree holds only what dtc would output. */
    private static void prune(Node n) {
        n.properties().removeIf(p -> p.deleted);
        n.labelDefs.removeIf(l -> l.deleted);
        for (Property p : n.properties()) {
            p.labelDefs.removeIf(l -> l.deleted);
        }
        if (n.children().removeIf(c -> c.deleted)) {
            n.hadDeletedChildren = true;
        }
        for (Node c : n.children()) {
            prune(c);
        }
    }

    private static void indexLabels(Node n, Map<String, Node> out) {
        for (LabelDef l : n.labelDefs) {
            out.putIfAbsent(l.name, n);
        }
        for (Node c : n.children()) {
            indexLabels(c, out);
        }
    }

    private void error(Code code, Span span, String message) {
        error(code, span, message, List.of());
    }

    private void error(Code code, Span span, String message, List<Diagnostic.Related> related) {
        if (span == null) {
            span = new Span(0, 0, 0);
        }
        diags.add(Diagnostic.of(code, span, message, related));
    }

    private void warn(Code code, Span span, String message) {
        error(code, span, message);
    }

    /** Accumulates a property value's bytes and markers. */
    private static final class ValueWriter {
        private byte[] buf = new byte[16];
        private int len;
        private final List<Marker> markers = new ArrayList<>();

        void marker(Marker.Kind kind, String ref, Span span) {
            markers.add(new Marker(len, kind, ref, span));
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void integer(long v, int bits) {
            int n = bits / 8;
            ensure(n);
            for (int i = n - 1; i >= 0; i--) {
                buf[len + i] = (byte) v;
                v >>>= 8;
            }
            len += n;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        PropValue build() {
            return new PropValue(java.util.Arrays.copyOf(buf, len), markers);
        }
    }
}
