package dtdma.features;

import dtdma.text.Cancel;
import dtdma.dma.DmaProvider;
import dtdma.text.SourceFile;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * Signature help inside a {@code dmas} specifier: the cells the controller expects ({@code <&ctl event type
 * priority>} for SDMA, generic cell names from {@code #dma-cells} otherwise) with the cell under the cursor
 * active.
 */
public final class SignatureHelpFeature {
    /** One parameter: its name as it appears in the label and what it means. */
    public record Param(String name, String documentation) {
    }

    /** The signature label, its parameters, and the active one (-1 when the cursor is past the last cell). */
    public record Signature(String label, String documentation, List<Param> params, int active) {
    }

    private SignatureHelpFeature() {
    }

    /** The signature at an offset, or null when the cursor is not in a {@code dmas} specifier's cells. */
    public static Signature help(Analysis a, SourceFile file, int offset) {
        return help(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #help(Analysis, SourceFile, int)}, polling {@code cancel} (reading the text's context, then the tree). */
    public static Signature help(Analysis a, SourceFile file, int offset, Cancel cancel) {
        cancel.check();
        TextContext c = TextContext.at(file.text(), offset);
        if (c.inComment || c.inString || c.directive != null || c.cellsStart < 0 || !"dmas".equals(c.propName)
                || c.before() == '&') {
            return null;
        }
        TextContext.CellPosition pos = c.cellPosition();
        if (pos == null) {
            return null;
        }
        cancel.check();
        Node ctl = a.tree().labelled(pos.controller());
        if (ctl == null) {
            return null;
        }
        List<Param> params = new ArrayList<>();
        String doc;
        if (a.sdma().controller(ctl) != null) {
            int events = a.sdma().controller(ctl).match().data().numEvents();
            params.add(new Param("event", "DMA request event, 0.." + (events - 1)));
            params.add(new Param("type", "peripheral type (enum sdma_peripheral_type, e.g. 4 = IMX_DMATYPE_UART)"));
            params.add(new Param("priority", "0 high, 1 medium, 2 low"));
            doc = "i.MX SDMA specifier (" + a.sdma().controller(ctl).match().data().symbol() + ")";
        } else {
            DmaProvider p = a.dma().provider(ctl);
            long n = p == null ? 0 : Math.max(0, p.cells());
            for (int i = 0; i < n; i++) {
                params.add(new Param("cell" + (i + 1), "argument cell " + (i + 1) + " of " + n));
            }
            doc = p == null ? ctl.path() + " has no #dma-cells" : ctl.path() + ": #dma-cells = " + n;
        }
        StringBuilder label = new StringBuilder("<&").append(pos.controller());
        for (Param p : params) {
            label.append(' ').append(p.name());
        }
        label.append('>');
        int active = pos.argIndex() < params.size() ? pos.argIndex() : -1;
        return new Signature(label.toString(), doc, params, active);
    }
}
