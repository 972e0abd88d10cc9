package dtdma.features;

import dtdma.text.Cancel;
import dtdma.syntax.Ast;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/** Folding ranges: every node body of a file that spans more than one line. */
public final class FoldingFeature {
    /** A fold from one 0-based line to another. */
    public record Fold(int startLine0, int endLine0) {
    }

    private FoldingFeature() {
    }

    public static List<Fold> folds(Analysis a, SourceFile file) {
        return folds(a, file, Cancel.NONE);
    }

    /** The folds, polling {@code cancel} per node. */
    public static List<Fold> folds(Analysis a, SourceFile file, Cancel cancel) {
        List<Fold> out = new ArrayList<>();
        LineIndex li = file.lines();
        for (Ast.TopItem t : a.parsed().items()) {
            cancel.check();
            if (t instanceof Ast.RootNode r) {
                body(r.body(), file.id(), li, out, cancel);
            } else if (t instanceof Ast.RefNode r) {
                body(r.body(), file.id(), li, out, cancel);
            }
        }
        return out;
    }

    private static void body(Ast.NodeBody b, int id, LineIndex li, List<Fold> out, Cancel cancel) {
        if (b == null) {
            return;
        }
        if (b.open() != null && b.close() != null && b.open().fileId() == id && b.close().fileId() == id) {
            int s = li.line0(b.open().start());
            int e = li.line0(b.close().start()) - 1;
            if (e > s) {
                out.add(new Fold(s, e));
            }
        }
        for (Ast.BodyItem i : b.items()) {
            if (i instanceof Ast.NodeDef n) {
                cancel.check();
                body(n.body(), id, li, out, cancel);
            }
        }
    }
}
