package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/**
 * dtc's {@code avoid_unnecessary_addr_size}: a node that sets both cell sizes and has children, but no
 * {@code ranges} and no child with {@code reg}, does not need them. As in dtc, children deleted with
 * {@code /delete-node/} still count as children.
 */
public final class AvoidUnnecessaryAddrSize extends DtcCheck {
    public AvoidUnnecessaryAddrSize() {
        super("avoid_unnecessary_addr_size", Code.DC028, true, "avoid_default_addr_size");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.addrCellsRaw(node) < 0 || run.sizeCellsRaw(node) < 0) {
            return;
        }
        if (node.property("ranges") != null || (node.children().isEmpty() && !node.hadDeletedChildren())) {
            return;
        }
        for (Node c : node.children()) {
            if (c.property("reg") != null) {
                return;
            }
        }
        run.fail(node, "unnecessary #address-cells/#size-cells without \"ranges\" or child \"reg\" property",
                DtcRun.at(node.property("#address-cells"), "#address-cells"),
                DtcRun.at(node.property("#size-cells"), "#size-cells"));
    }
}
