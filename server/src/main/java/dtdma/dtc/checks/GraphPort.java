package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code graph_port}: a graph port is named {@code port}; with {@code reg} its unit address matches and its
 * parent has one address cell and no size cells.
 */
public final class GraphPort extends DtcCheck {
    public GraphPort() {
        super("graph_port", Code.DC074, true, "graph_nodes");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (run.bus(node) != Bus.GRAPH_PORT) {
            return;
        }
        if (!node.baseName().equals("port")) {
            run.fail(node, "graph port node name should be 'port'");
        }
        checkReg(run, node);
    }

    /** The unit-address and cell-size rules shared by ports and endpoints (dtc's check_graph_reg). */
    static void checkReg(DtcRun run, Node node) {
        Property reg = node.property("reg");
        if (reg == null) {
            return;
        }
        if (reg.value().length() != 4) {
            run.fail(node, "graph node malformed 'reg' property", DtcRun.at(reg, "reg"));
            return;
        }
        String want = Long.toHexString(DtcRun.cell(reg));
        if (!DtcRun.unitName(node).equals(want)) {
            run.fail(node, "graph node unit address error, expected \"" + want + "\"", DtcRun.at(reg, "reg"));
        }
        Node parent = node.parent();
        if (parent == null) {
            return; // the root as a graph node (only in broken input): there are no parent cell sizes to check
        }
        int a = run.addrCellsRaw(parent);
        int s = run.sizeCellsRaw(parent);
        if (a != 1) {
            run.fail(node, node.property("#address-cells"), "graph node '#address-cells' is " + a + ", must be 1",
                    DtcRun.at(parent.property("#address-cells"), "#address-cells of " + parent.path()));
        }
        if (s != 0) {
            run.fail(node, node.property("#size-cells"), "graph node '#size-cells' is " + s + ", must be 0",
                    DtcRun.at(parent.property("#size-cells"), "#size-cells of " + parent.path()));
        }
    }
}
