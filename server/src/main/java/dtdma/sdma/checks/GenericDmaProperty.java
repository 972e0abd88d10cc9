package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.sdma.ControllerChecks;
import dtdma.sdma.SdmaFinding;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.List;

/** SD013: {@code dma-channels}, {@code dma-requests} or {@code dma-channel-mask} on an SDMA node. */
public final class GenericDmaProperty extends ControllerProperties {
    @Override
    public Code code() {
        return Code.SD013;
    }

    @Override
    List<SdmaFinding> findings(Node n) {
        return ControllerChecks.genericProperties(n.properties().stream().map(Property::name).toList());
    }

    @Override
    Span where(Node n, SdmaFinding f) {
        for (Property p : n.properties()) {
            if (f.message().startsWith(p.name() + " ")) {
                return p.span();
            }
        }
        return n.nameSpan();
    }
}
