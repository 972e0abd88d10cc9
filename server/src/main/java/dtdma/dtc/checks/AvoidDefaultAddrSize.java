package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code avoid_default_addr_size}: a node with reg or ranges needs its parent to set both cell sizes. */
public final class AvoidDefaultAddrSize extends DtcCheck {
    public AvoidDefaultAddrSize() {
        super("avoid_default_addr_size", Code.DC027, true, "addr_size_cells");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null) {
            return;
        }
        Property p = node.property("reg") != null ? node.property("reg") : node.property("ranges");
        if (p == null) {
            return;
        }
        if (run.addrCellsRaw(node.parent()) == -1) {
            run.fail(node, "Relying on default #address-cells value", DtcRun.at(node.parent(), "the parent, without #address-cells"));
        }
        if (run.sizeCellsRaw(node.parent()) == -1) {
            run.fail(node, "Relying on default #size-cells value", DtcRun.at(node.parent(), "the parent, without #size-cells"));
        }
    }
}
