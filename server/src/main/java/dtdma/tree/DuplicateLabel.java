package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TR003, dtc's {@code check_duplicate_label}: one label names one object (a node, a property or a position in
 * a value), over the whole final tree.
 */
final class DuplicateLabel extends TreeCheck {
    DuplicateLabel() {
        super(Code.TR003);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        Map<String, Object[]> seen = new HashMap<>();
        walk(m, m.root(), n -> {
            for (LabelDef l : n.labelDefs) {
                if (!l.deleted) {
                    dupLabel(out, seen, l.name, l.span, n);
                }
            }
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                for (LabelDef l : p.labelDefs) {
                    if (!l.deleted) {
                        dupLabel(out, seen, l.name, l.span, p);
                    }
                }
                for (Marker mk : p.value().markers()) {
                    if (mk.kind() == Marker.Kind.LABEL) {
                        dupLabel(out, seen, mk.ref(), mk.span(), mk);
                    }
                }
            }
        });
    }

    private void dupLabel(List<Diagnostic> out, Map<String, Object[]> seen, String label, Span span, Object owner) {
        Object[] first = seen.putIfAbsent(label, new Object[] {owner, span});
        if (first != null && first[0] != owner) {
            report(out, span, "duplicate label '" + label + "'",
                    List.of(new Diagnostic.Related((Span) first[1], "also defined here")));
        }
    }
}
