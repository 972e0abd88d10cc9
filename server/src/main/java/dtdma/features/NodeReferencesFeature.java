package dtdma.features;

import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Find references of a node, asked on its name or on a path reference to it ({@code &{/soc/dma}}): every
 * reference to the node by any of its labels or by path, and every {@code dmas} specifier that points at it.
 * Answers null when the cursor is on neither, so the caller can fall back to {@link ReferencesFeature}.
 */
public final class NodeReferencesFeature {
    private NodeReferencesFeature() {
    }

    public static List<Place> references(Analysis a, SourceFile file, int offset, boolean includeDeclaration) {
        return references(a, file, offset, includeDeclaration, dtdma.text.Cancel.NONE);
    }

    /** Like {@link #references(Analysis, SourceFile, int, boolean)}, polling {@code cancel} per reference. */
    public static List<Place> references(Analysis a, SourceFile file, int offset, boolean includeDeclaration,
            dtdma.text.Cancel cancel) {
        int id = file.id();
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        Node n = null;
        Ast.Ref ref = idx.refAt(id, offset);
        if (ref != null) {
            if (!ref.path()) {
                return null;
            }
            n = Lookup.target(a, ref);
        } else if (idx.labelAt(id, offset) == null) {
            Node at = Lookup.node(a, id, offset);
            if (at != null && at.nameSpan() != null && at.nameSpan().contains(id, offset)) {
                n = at;
            }
        }
        if (n == null) {
            return null;
        }
        Set<Span> spans = new LinkedHashSet<>();
        if (includeDeclaration) {
            if (n.nameSpan() != null) {
                spans.add(n.nameSpan());
            }
            for (String l : n.labels()) {
                if (n.labelSpan(l) != null) {
                    spans.add(n.labelSpan(l));
                }
            }
        }
        for (Ast.Ref r : idx.refs()) {
            cancel.check();
            if (r.path() ? Lookup.target(a, r) == n : n.labels().contains(r.text())) {
                spans.add(r.span());
            }
        }
        ReferencesFeature.addDmaConsumers(a, n, spans);
        return ReferencesFeature.places(a, spans);
    }
}
