package dtdma.features;

import dtdma.text.Cancel;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/** The outline of one file: its node tree as written (root, {@code &label} overrides, nodes, properties). */
public final class SymbolsFeature {
    /** What a symbol is. */
    public enum Kind { ROOT, REFERENCE, NODE, PROPERTY }

    /** One outline entry: {@code range} is the whole item, {@code selection} its name. */
    public record Symbol(String name, Kind kind, Span range, Span selection, List<Symbol> children) {
    }

    private SymbolsFeature() {
    }

    public static List<Symbol> symbols(Analysis a, SourceFile file) {
        return symbols(a, file, Cancel.NONE);
    }

    /** The outline, polling {@code cancel} per node and property. */
    public static List<Symbol> symbols(Analysis a, SourceFile file, Cancel cancel) {
        int id = file.id();
        List<Symbol> out = new ArrayList<>();
        for (Ast.TopItem t : a.parsed().items()) {
            cancel.check();
            if (t.span().fileId() != id) {
                continue;
            }
            if (t instanceof Ast.RootNode r) {
                out.add(make("/", Kind.ROOT, r.span(), r.span(), body(r.body(), id, cancel)));
            } else if (t instanceof Ast.RefNode r) {
                out.add(make(r.ref().spelled(), Kind.REFERENCE, r.span(), r.ref().span(), body(r.body(), id, cancel)));
            }
        }
        return out;
    }

    private static List<Symbol> body(Ast.NodeBody b, int id, Cancel cancel) {
        List<Symbol> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        for (Ast.BodyItem i : b.items()) {
            cancel.check();
            if (i.span().fileId() != id) {
                continue;
            }
            if (i instanceof Ast.NodeDef n) {
                out.add(make(n.name(), Kind.NODE, n.span(), n.nameSpan(), body(n.body(), id, cancel)));
            } else if (i instanceof Ast.PropDef p) {
                out.add(make(p.name(), Kind.PROPERTY, p.span(), p.nameSpan(), List.of()));
            }
        }
        return out;
    }

    private static Symbol make(String name, Kind kind, Span range, Span sel, List<Symbol> children) {
        if (sel == null || sel.fileId() != range.fileId() || sel.start() < range.start() || sel.end() > range.end()) {
            sel = range;
        }
        return new Symbol(name.isEmpty() ? "?" : name, kind, range, sel, children);
    }
}
