package dtdma.features;

import dtdma.syntax.Ast;
import java.util.ArrayList;
import java.util.List;

/** Every label definition and every reference written in the syntax of one analysis, in source order. */
public final class SyntaxIndex {
    private final List<Ast.Label> labels = new ArrayList<>();
    private final List<Ast.Ref> refs = new ArrayList<>();

    private SyntaxIndex(List<Ast.TopItem> items) {
        for (Ast.TopItem t : items) {
            if (t instanceof Ast.RootNode r) {
                labels.addAll(r.labels());
                body(r.body());
            } else if (t instanceof Ast.RefNode r) {
                labels.addAll(r.labels());
                refs.add(r.ref());
                body(r.body());
            } else if (t instanceof Ast.DeleteNodeRef d) {
                refs.add(d.ref());
            } else if (t instanceof Ast.OmitRef o) {
                refs.add(o.ref());
            } else if (t instanceof Ast.MemReserve m) {
                labels.addAll(m.labels());
            }
        }
    }

    /** Indexes the top-level items of a parse. */
    public static SyntaxIndex of(List<Ast.TopItem> items) {
        return new SyntaxIndex(items);
    }

    private void body(Ast.NodeBody b) {
        if (b == null) {
            return;
        }
        for (Ast.BodyItem i : b.items()) {
            if (i instanceof Ast.NodeDef n) {
                labels.addAll(n.labels());
                body(n.body());
            } else if (i instanceof Ast.PropDef p) {
                labels.addAll(p.labels());
                for (Ast.Value v : p.value()) {
                    value(v);
                }
            }
        }
    }

    private void value(Ast.Value v) {
        if (v instanceof Ast.PathRef r) {
            refs.add(r.ref());
        } else if (v instanceof Ast.ValueLabel l) {
            labels.add(l.label());
        } else if (v instanceof Ast.Cells c) {
            for (Ast.CellItem ci : c.items()) {
                if (ci instanceof Ast.CellRef r) {
                    refs.add(r.ref());
                } else if (ci instanceof Ast.CellLabel l) {
                    labels.add(l.label());
                }
            }
        } else if (v instanceof Ast.Bytes b) {
            for (Ast.ByteItem bi : b.items()) {
                if (bi instanceof Ast.ByteLabel l) {
                    labels.add(l.label());
                }
            }
        }
    }

    public List<Ast.Label> labels() {
        return labels;
    }

    public List<Ast.Ref> refs() {
        return refs;
    }

    /** The narrowest reference whose span holds the offset, or null. */
    public Ast.Ref refAt(int fileId, int offset) {
        Ast.Ref best = null;
        for (Ast.Ref r : refs) {
            if (r.span().contains(fileId, offset) && (best == null || r.span().length() < best.span().length())) {
                best = r;
            }
        }
        return best;
    }

    /** The label definition whose span holds the offset, or null. */
    public Ast.Label labelAt(int fileId, int offset) {
        for (Ast.Label l : labels) {
            if (l.span().contains(fileId, offset)) {
                return l;
            }
        }
        return null;
    }
}
