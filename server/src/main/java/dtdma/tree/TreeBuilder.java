package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.syntax.Ast;
import dtdma.syntax.ParseResult;
import dtdma.text.Cancel;
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
 *
 * <p>This class merges, deletes and looks up; {@link ValueEvaluator} builds property values,
 * {@link PhandleFixups} allocates phandles and fixes up references, and the {@link TreeChecks} (one class per
 * TR check) run on the merged tree before deleted objects are pruned.
 */
public final class TreeBuilder {
    /** Reads the bytes of an {@code /incbin/} file named in a source file. */
    @FunctionalInterface
    public interface BinaryLoader {
        /** Returns the file's bytes, or throws with a message fit for a diagnostic. */
        byte[] load(String name, Span from) throws java.io.IOException;
    }

    static final long NO_PHANDLE = 0xffffffffL;

    final List<Diagnostic> diags = new ArrayList<>();
    final BinaryLoader loader;
    Node root;
    Boolean plugin;
    final List<boolean[]> headers = new ArrayList<>();
    final List<Span> headerSpans = new ArrayList<>();
    int nextFragment;
    long nextPhandle = 1;
    final List<long[]> memReserves = new ArrayList<>();
    /** Every node that ever carried a label, by label (live or deleted); lookups filter. */
    final Map<String, List<Node>> labelIndex = new HashMap<>();

    final boolean partial;
    final List<Node> detached = new ArrayList<>();

    final Cancel cancel;
    /** Property values: evaluation of cells, strings, byte strings and binary includes. */
    final ValueEvaluator values = new ValueEvaluator(this);
    /** Phandles, reference fixups and plugin fixups after the merge. */
    final PhandleFixups fixups = new PhandleFixups(this);

    private TreeBuilder(BinaryLoader loader, boolean partial, Cancel cancel) {
        this.loader = loader;
        this.partial = partial;
        this.cancel = cancel;
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
        return build(parsed, loader, partial, Cancel.NONE);
    }

    /**
     * Like {@link #build(ParseResult, BinaryLoader, boolean)}, polling {@code cancel} at every top-level item
     * and at every node it builds, merges, checks or fixes up.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public static DeviceTree build(ParseResult parsed, BinaryLoader loader, boolean partial, Cancel cancel) {
        TreeBuilder b = new TreeBuilder(loader == null ? (n, s) -> {
            throw new java.io.IOException("binary includes are not available here");
        } : loader, partial, cancel == null ? Cancel.NONE : cancel);
        return b.run(parsed.items());
    }

    DeviceTree run(List<Ast.TopItem> items) {
        for (Ast.TopItem item : items) {
            cancel.check();
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
        List<Boolean> flags = new ArrayList<>();
        for (boolean[] h : headers) {
            flags.add(h[0]);
        }
        TreeCheck.Merged merged = new TreeCheck.Merged(root, flags, headerSpans, cancel);
        TreeChecks.run(TreeChecks.BEFORE_FIXUPS, merged, diags);
        Map<Long, Node> phandles = fixups.explicitPhandles();
        fixups.fixupPhandles(root, phandles, isPlugin);
        fixups.fixupPaths(root);
        omitUnused(root);
        TreeChecks.run(TreeChecks.AFTER_FIXUPS, merged, diags);
        if (isPlugin) {
            fixups.generateFixups();
        }
        TreeChecks.run(TreeChecks.LAST, merged, diags);
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

    void top(Ast.TopItem item) {
        if (item instanceof Ast.Header h) {
            header(h);
        } else if (item instanceof Ast.MemReserve m) {
            memReserves.add(new long[] {values.eval(m.address()), values.eval(m.size())});
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
    void header(Ast.Header h) {
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

    void refNode(Ast.RefNode r) {
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
    void keepDetached(Ast.Ref ref, Node body) {
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

    void addOrphan(Node body, Ast.Ref ref) {
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
    Node rename(Node n, String name) {
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

    void replaceInIndex(String label, Node from, Node to) {
        List<Node> list = labelIndex.get(label);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == from) {
                    list.set(i, to);
                }
            }
        }
    }

    void notFound(Ast.Ref ref) {
        if (partial) {
            return;
        }
        error(ref.path() ? Code.TR002 : Code.TR001, ref.span(), "label or path " + ref.spelled() + " not found");
    }

    // ------------------------------------------------------------------ building nodes from syntax

    Node buildNode(String name, Ast.NodeBody body, List<Ast.Label> labels, boolean omit, Span span) {
        cancel.check();
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
                Property prop = new Property(p.name(), values.value(p), p);
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
    final java.util.Set<Node> labelBudgetSaid = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    void addLabel(Node n, Ast.Label l) {
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

    // ------------------------------------------------------------------ merging and deleting

    /** dtc's {@code merge_nodes}: {@code add} is consumed. */
    void merge(Node old, Node add, Span at) {
        cancel.check();
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

    static String displayPath(Node n) {
        return n.parent() == null && n.name().isEmpty() ? "/" : n.path();
    }

    static void addPropLabel(Property p, LabelDef l) {
        for (LabelDef d : p.labelDefs) {
            if (d.name.equals(l.name)) {
                d.deleted = false;
                return;
            }
        }
        p.labelDefs.add(new LabelDef(l.name, l.span));
    }

    static Property liveProperty(Node n, String name) {
        for (Property p : n.properties()) {
            if (!p.deleted && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    void deleteProperty(Property p, Span at) {
        p.deleted = true;
        p.history().add(new History(History.Kind.DELETED, at));
        for (LabelDef l : p.labelDefs) {
            l.deleted = true;
        }
    }

    void deleteNode(Node n, Span at) {
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
    Node byRef(String ref) {
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

    static Node byPath(Node from, String path) {
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

    Node byLabel(String label) {
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

    boolean attached(Node n) {
        Node r = n;
        while (r.parent() != null) {
            r = r.parent();
        }
        return r == root;
    }

    static boolean hasLiveLabel(Node n, String label) {
        for (LabelDef l : n.labelDefs) {
            if (!l.deleted && l.name.equals(label)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code a} comes before {@code b} in a pre-order walk (both in one tree). */
    static boolean preorderBefore(Node a, Node b) {
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

    static List<Node> chain(Node n) {
        List<Node> out = new ArrayList<>();
        for (Node x = n; x != null; x = x.parent()) {
            out.add(0, x);
        }
        return out;
    }

    // ------------------------------------------------------------------ after the merge

    void omitUnused(Node n) {
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

    void walk(Node n, java.util.function.Consumer<Node> f) {
        cancel.check();
        if (n.deleted) {
            return;
        }
        f.accept(n);
        for (int i = 0; i < n.children().size(); i++) {
            walk(n.children().get(i), f);
        }
    }

    /** Removes deleted objects so the public tree holds only what dtc would output. */
    static void prune(Node n) {
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

    static void indexLabels(Node n, Map<String, Node> out) {
        for (LabelDef l : n.labelDefs) {
            out.putIfAbsent(l.name, n);
        }
        for (Node c : n.children()) {
            indexLabels(c, out);
        }
    }

    void error(Code code, Span span, String message) {
        error(code, span, message, List.of());
    }

    void error(Code code, Span span, String message, List<Diagnostic.Related> related) {
        if (span == null) {
            span = new Span(0, 0, 0);
        }
        diags.add(Diagnostic.of(code, span, message, related));
    }

    void warn(Code code, Span span, String message) {
        error(code, span, message);
    }

}
