package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.sdma.ControllerChecks;
import dtdma.sdma.SdmaFinding;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.List;

/** SD009: {@code fsl,sdma-event-remap} not made of {@code <reg shift val>} rows, or more than two rows. */
public final class EventRemapMalformed extends ControllerProperties {
    @Override
    public Code code() {
        return Code.SD009;
    }

    @Override
    List<SdmaFinding> findings(Node n) {
        return remap(n);
    }

    static List<SdmaFinding> remap(Node n) {
        Property p = n.property("fsl,sdma-event-remap");
        if (p == null) {
            return List.of();
        }
        int cells = p.value().length() % 4 == 0 ? p.value().length() / 4 : 1;
        return ControllerChecks.eventRemap(cells, n.property("gpr") != null);
    }

    @Override
    Span where(Node n, SdmaFinding f) {
        return spanOf(n, "fsl,sdma-event-remap");
    }
}
