package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code graph_child_address}: a port or ports node with a single child and no child with a non-zero
 * {@code reg} needs no addresses; reported only where the node sets {@code #address-cells}.
 */
public final class GraphChildAddress extends DtcCheck {
    public GraphChildAddress() {
        super("graph_child_address", Code.DC073, true, "graph_nodes");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Bus b = run.bus(node);
        if (b != Bus.GRAPH_PORT && b != Bus.GRAPH_PORTS) {
            return;
        }
        int count = 0;
        for (Node c : node.children()) {
            Property reg = c.property("reg");
            if (reg != null && DtcRun.cell(reg) != 0) {
                return;
            }
            count++;
        }
        if (count == 1 && run.addrCellsRaw(node) != -1) {
            Node only = node.children().get(0);
            run.fail(node, "graph node has single child node '" + only.name()
                    + "', #address-cells/#size-cells are not necessary", DtcRun.at(only, "the only child"),
                    DtcRun.at(node.property("#address-cells"), "#address-cells"));
        }
    }
}
