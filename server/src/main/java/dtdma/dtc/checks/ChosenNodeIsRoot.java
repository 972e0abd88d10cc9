package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code chosen_node_is_root}: a node named chosen is a child of the root. */
public final class ChosenNodeIsRoot extends DtcCheck {
    public ChosenNodeIsRoot() {
        super("chosen_node_is_root", Code.DC032, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.name().equals("chosen") && (node.parent() == null || node.parent().parent() != null)) {
            run.fail(node, "chosen node must be at root node");
        }
    }
}
