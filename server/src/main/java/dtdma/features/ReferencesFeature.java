package dtdma.features;

import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaSpecifier;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Find references of a label (at its definition or at a use): every {@code &label} in the context and, when
 * the label names a DMA controller, every {@code dmas} specifier that points at it, however it was written.
 */
public final class ReferencesFeature {
    private ReferencesFeature() {
    }

    public static List<Place> references(Analysis a, SourceFile file, int offset, boolean includeDeclaration) {
        return references(a, file, offset, includeDeclaration, dtdma.text.Cancel.NONE);
    }

    /** Like {@link #references(Analysis, SourceFile, int, boolean)}, polling {@code cancel} per reference. */
    public static List<Place> references(Analysis a, SourceFile file, int offset, boolean includeDeclaration,
            dtdma.text.Cancel cancel) {
        int id = file.id();
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        String label = null;
        Ast.Ref ref = idx.refAt(id, offset);
        if (ref != null && !ref.path()) {
            label = ref.text();
        } else {
            Ast.Label l = idx.labelAt(id, offset);
            if (l != null) {
                label = l.name();
            }
        }
        if (label == null) {
            return List.of();
        }
        Set<Span> spans = new LinkedHashSet<>();
        Node n = a.tree().labelled(label);
        if (includeDeclaration && n != null && n.labelSpan(label) != null) {
            spans.add(n.labelSpan(label));
        }
        for (Ast.Ref r : idx.refs()) {
            cancel.check();
            if (!r.path() && r.text().equals(label)) {
                spans.add(r.span());
            }
        }
        if (n != null) {
            addDmaConsumers(a, n, spans);
        }
        return places(a, spans);
    }

    /**
     * Adds the phandle cell of every {@code dmas} specifier that points at {@code n} (when it is a DMA
     * provider), unless a reference already found covers it (e.g. {@code &label} written in the source).
     */
    static void addDmaConsumers(Analysis a, Node n, Set<Span> spans) {
        if (a.dma().provider(n) == null) {
            return;
        }
        for (DmaConsumer c : a.dma().consumersOf(n)) {
            for (DmaSpecifier s : c.specifiers()) {
                if (s.controller() == n && s.phandleSpan() != null && !covered(spans, s.phandleSpan())) {
                    spans.add(s.phandleSpan());
                }
            }
        }
    }

    /** The spans as places, in order, dropping those whose file text is no longer known. */
    static List<Place> places(Analysis a, Set<Span> spans) {
        List<Place> out = new ArrayList<>();
        for (Span s : spans) {
            SourceFile f = a.fileOf(s);
            if (f != null) {
                out.add(new Place(f, s));
            }
        }
        return out;
    }

    private static boolean covered(Set<Span> spans, Span s) {
        for (Span x : spans) {
            if (x.fileId() == s.fileId() && x.start() <= s.start() && s.end() <= x.end()) {
                return true;
            }
        }
        return false;
    }
}
