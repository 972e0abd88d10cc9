package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code simple_bus_bridge}: marks nodes compatible with simple-bus (not simple-mfd); reports
 * nothing. */
public final class SimpleBusBridge extends DtcCheck {
    public SimpleBusBridge() {
        super("simple_bus_bridge", Code.DC021, true, "addr_size_cells", "compatible_is_string_list");
    }

    @Override
    protected String keyProperty() {
        return "compatible";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.compatibles().contains("simple-bus")) {
            run.setBus(node, Bus.SIMPLE);
        }
    }
}
