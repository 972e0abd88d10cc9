package dtdma.workspace;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.List;

/**
 * One finding, not two: dtc's {@code dmas_property} (DC039) and the DMA checks DT005 (phandle does not resolve),
 * DT006 (no {@code #dma-cells}) and DT007 (cell count) see the same faults of a {@code dmas} property. Where a
 * DT005/DT006/DT007 lies in the {@code dmas} that dtc's check names, the DC039 finding is dropped and the DT
 * finding carries dtc's name for the check instead.
 */
final class DtcDedup {
    private DtcDedup() {
    }

    /** Deduplicates the DC039 findings at index {@code from} and after against the DMA findings before it. */
    static void dmas(DeviceTree tree, List<Diagnostic> diags, int from) {
        for (int i = diags.size() - 1; i >= from; i--) {
            Diagnostic d = diags.get(i);
            if (d.code() != Code.DC039 || d.subject() == null) {
                continue;
            }
            Node n = tree.resolvePath(d.subject().nodePath());
            Property p = n == null ? null : n.property("dmas");
            Span whole = p == null ? null : p.definition() != null ? p.definition().span() : p.span();
            if (whole == null) {
                continue;
            }
            for (int j = 0; j < from; j++) {
                Diagnostic x = diags.get(j);
                if ((x.code() == Code.DT005 || x.code() == Code.DT006 || x.code() == Code.DT007) && within(x.span(), whole)) {
                    if (x.subject() == null) {
                        diags.set(j, x.withSubject(d.subject()));
                    }
                    diags.remove(i);
                    break;
                }
            }
        }
    }

    private static boolean within(Span s, Span outer) {
        return s != null && s.fileId() == outer.fileId() && s.start() >= outer.start() && s.end() <= outer.end();
    }
}
