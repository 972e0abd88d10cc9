package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.sdma.SdmaFinding;
import dtdma.text.Span;
import dtdma.tree.Node;
import java.util.List;

/** SD010: {@code fsl,sdma-event-remap} without {@code gpr}: the driver silently skips the remap. */
public final class EventRemapWithoutGpr extends ControllerProperties {
    @Override
    public Code code() {
        return Code.SD010;
    }

    @Override
    List<SdmaFinding> findings(Node n) {
        return EventRemapMalformed.remap(n);
    }

    @Override
    Span where(Node n, SdmaFinding f) {
        return spanOf(n, "fsl,sdma-event-remap");
    }
}
