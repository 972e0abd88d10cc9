package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.sdma.ControllerChecks;
import dtdma.sdma.SdmaFinding;
import dtdma.text.Span;
import dtdma.tree.Node;
import java.util.List;

/** SD012: a compatible list the binding does not allow; says which driver data the kernel picks anyway. */
public final class CompatibleNotInBinding extends ControllerProperties {
    @Override
    public Code code() {
        return Code.SD012;
    }

    @Override
    List<SdmaFinding> findings(Node n) {
        return ControllerChecks.compatible(n.compatibles());
    }

    @Override
    Span where(Node n, SdmaFinding f) {
        return spanOf(n, "compatible");
    }
}
