package dtdma.features;

import dtdma.text.Cancel;
import dtdma.preprocess.PpUnit;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.List;

/** Go to definition: a label reference to the label's definition, an {@code #include} to the included file,
 * a macro to its {@code #define}. */
public final class DefinitionFeature {
    private DefinitionFeature() {
    }

    /** The definitions of what is at an offset (empty when there is none). */
    public static List<Place> definition(Analysis a, SourceFile file, int offset) {
        return definition(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #definition(Analysis, SourceFile, int)}, polling {@code cancel} per include. */
    public static List<Place> definition(Analysis a, SourceFile file, int offset, Cancel cancel) {
        int id = file.id();
        cancel.check();
        for (PpUnit.Include inc : a.includes()) {
            cancel.check();
            if (inc.directive().contains(id, offset) && inc.unit() != null) {
                SourceFile f = inc.unit().file();
                return List.of(new Place(f, Span.at(f.id(), 0)));
            }
        }
        Ast.Ref ref = SyntaxIndex.of(a.parsed().items()).refAt(id, offset);
        cancel.check();
        if (ref == null) {
            return MacroFeature.definition(a, file, offset);
        }
        Node n = Lookup.target(a, ref);
        if (n == null) {
            return List.of();
        }
        Span s = ref.path() ? n.nameSpan() : n.labelSpan(ref.text());
        if (s == null) {
            s = n.nameSpan();
        }
        SourceFile f = a.fileOf(s);
        return s == null || f == null ? List.of() : List.of(new Place(f, s));
    }
}
