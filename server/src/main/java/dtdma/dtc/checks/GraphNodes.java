package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/**
 * dtc's {@code graph_nodes}: a node with an {@code endpoint} child (or a child with {@code remote-endpoint}) is a
 * graph port; its parent is a ports node when named {@code ports} or when the port has {@code reg}. Reports
 * nothing.
 */
public final class GraphNodes extends DtcCheck {
    public GraphNodes() {
        super("graph_nodes", Code.DC072, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        for (Node c : node.children()) {
            if (!(c.baseName().equals("endpoint") || c.property("remote-endpoint") != null)) {
                continue;
            }
            run.setBus(node, Bus.GRAPH_PORT);
            Node p = node.parent();
            if (p != null && run.bus(p) == null && (p.name().equals("ports") || node.property("reg") != null)) {
                run.setBus(p, Bus.GRAPH_PORTS);
            }
            break;
        }
    }
}
