package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code graph_endpoint}: a child of a port is named {@code endpoint}, follows the port's addressing, and
 * its {@code remote-endpoint} points at an endpoint that points back.
 */
public final class GraphEndpoint extends DtcCheck {
    public GraphEndpoint() {
        super("graph_endpoint", Code.DC075, true, "graph_nodes");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.GRAPH_PORT) {
            return;
        }
        if (!node.baseName().equals("endpoint")) {
            run.fail(node, "graph endpoint node name should be 'endpoint'");
        }
        GraphPort.checkReg(run, node);
        Node remote = remote(run, node, true);
        if (remote == null) {
            return;
        }
        if (remote(run, remote, true) != node) {
            run.fail(node, "graph connection to node '" + remote.path() + "' is not bidirectional",
                    DtcRun.at(node.property("remote-endpoint"), "remote-endpoint"),
                    DtcRun.at(remote.property("remote-endpoint"), "remote-endpoint of " + remote.path()));
        }
    }

    private static Node remote(DtcRun run, Node endpoint, boolean report) {
        Property p = endpoint.property("remote-endpoint");
        if (p == null) {
            return null;
        }
        long ph = DtcRun.cell(p);
        if (ph == 0 || ph == 0xffffffffL) {
            return null;
        }
        Node n = run.byPhandle(ph);
        if (n == null && report) {
            run.fail(endpoint, p, "graph phandle is not valid");
        }
        return n;
    }
}
