package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code node_name_vs_property_name}: no node may share its full name with a property of its parent. */
public final class NodeNameVsPropertyName extends DtcCheck {
    public NodeNameVsPropertyName() {
        super("node_name_vs_property_name", Code.DC003, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null) {
            return;
        }
        Property p = node.parent().property(node.name());
        if (p != null) {
            run.fail(node, "node name and property name conflict", DtcRun.at(p, "the property " + p.name()));
        }
    }
}
