package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code chosen_node_bootargs}: {@code bootargs} in a chosen node is one string. */
public final class ChosenNodeBootargs extends DtcCheck {
    public ChosenNodeBootargs() {
        super("chosen_node_bootargs", Code.DC033, true);
    }

    @Override
    protected String keyProperty() {
        return "bootargs";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (!node.name().equals("chosen")) {
            return;
        }
        Property p = node.property("bootargs");
        if (p != null && !DtcRun.isOneString(p)) {
            run.fail(node, p, "property is not a string");
        }
    }
}
