package dtdma.features;

import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaSpecifier;
import dtdma.syntax.Ast;
import dtdma.text.Span;
import dtdma.tree.History;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.tree.ValueSpans;
import dtdma.workspace.Analysis;

/** Finds what sits at an offset of a file in an analysis: a DMA specifier, a label, a property, a node. */
final class Lookup {
    private Lookup() {
    }

    /** A specifier of a consumer and the consumer. */
    record SpecifierAt(DmaConsumer consumer, DmaSpecifier specifier) {
    }

    static boolean inDefinition(Property p, int fileId, int offset) {
        if (p == null || p.definition() == null) {
            return false;
        }
        return p.definition().span().contains(fileId, offset);
    }

    /** The {@code dmas} specifier under the cursor, or null. */
    static SpecifierAt specifier(Analysis a, int fileId, int offset) {
        for (DmaConsumer c : a.dma().consumers()) {
            if (!inDefinition(c.dmas(), fileId, offset)) {
                continue;
            }
            DmaSpecifier best = null;
            for (DmaSpecifier s : c.specifiers()) {
                if (s.span() != null && s.span().contains(fileId, offset)
                        && (best == null || s.span().length() < best.span().length())) {
                    best = s;
                }
            }
            if (best != null) {
                return new SpecifierAt(c, best);
            }
        }
        return null;
    }

    /** The specifier paired with the {@code dma-names} entry under the cursor, or null. */
    static SpecifierAt dmaName(Analysis a, int fileId, int offset) {
        for (DmaConsumer c : a.dma().consumers()) {
            if (!inDefinition(c.namesProperty(), fileId, offset)) {
                continue;
            }
            ValueSpans vs = ValueSpans.of(c.namesProperty());
            for (int i = 0; i < c.names().size(); i++) {
                Span s = vs.string(i);
                if (s != vs.whole() && s.contains(fileId, offset)) {
                    for (DmaSpecifier spec : c.specifiers()) {
                        if (spec.index() == i) {
                            return new SpecifierAt(c, spec);
                        }
                    }
                    return new SpecifierAt(c, null);
                }
            }
        }
        return null;
    }

    /** The node a reference names, or null. */
    static Node target(Analysis a, Ast.Ref r) {
        return r.path() ? a.tree().resolvePath(r.text()) : a.tree().labelled(r.text());
    }

    /** The deepest node one of whose definitions holds the offset, or null. */
    static Node node(Analysis a, int fileId, int offset) {
        return deepest(a.tree().root(), fileId, offset, null);
    }

    private static Node deepest(Node n, int fileId, int offset, Node best) {
        for (History h : n.history()) {
            if (h.span() != null && h.span().contains(fileId, offset)) {
                best = n;
                break;
            }
        }
        for (Node c : n.children()) {
            best = deepest(c, fileId, offset, best);
        }
        return best;
    }

    /** The property of a node one of whose definitions holds the offset, or null. */
    static Property property(Node n, int fileId, int offset) {
        if (n == null) {
            return null;
        }
        for (Property p : n.properties()) {
            for (History h : p.history()) {
                if (h.span() != null && h.span().contains(fileId, offset)) {
                    return p;
                }
            }
        }
        return null;
    }
}
