package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.sdma.SdmaFinding;
import dtdma.sdma.SdmaModel;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.List;

/** Base of the checks on an SDMA controller node's own properties (SD009..SD013). */
abstract class ControllerProperties extends SdmaCheck {
    @Override
    public final void run(SdmaModel m, List<Diagnostic> out) {
        for (SdmaModel.Controller c : m.controllers()) {
            for (SdmaFinding f : findings(c.node())) {
                if (f.code() == code()) {
                    out.add(diagnostic(f, where(c.node(), f)));
                }
            }
        }
    }

    abstract List<SdmaFinding> findings(Node controller);

    /** The property a finding is about, or the node when it is about something missing. */
    Span where(Node n, SdmaFinding f) {
        return n.nameSpan();
    }

    static Span spanOf(Node n, String property) {
        Property p = n.property(property);
        return p != null && p.span() != null ? p.span() : n.nameSpan();
    }
}
