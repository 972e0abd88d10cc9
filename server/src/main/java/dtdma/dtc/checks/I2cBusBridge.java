package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/**
 * dtc's {@code i2c_bus_bridge}: nodes named {@code i2c}, {@code i2c-bus} or {@code i2c-arb} are I2C buses; with
 * children they need one address cell and no size cells.
 */
public final class I2cBusBridge extends DtcCheck {
    public I2cBusBridge() {
        super("i2c_bus_bridge", Code.DC023, true, "addr_size_cells");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        String base = node.baseName();
        if (!base.equals("i2c") && !base.equals("i2c-bus") && !base.equals("i2c-arb")) {
            return;
        }
        run.setBus(node, Bus.I2C);
        if (node.children().isEmpty()) {
            return;
        }
        if (run.addrCells(node) != 1) {
            run.fail(node, "incorrect #address-cells for I2C bus", DtcRun.at(node.property("#address-cells"), "#address-cells"));
        }
        if (run.sizeCells(node) != 0) {
            run.fail(node, "incorrect #size-cells for I2C bus", DtcRun.at(node.property("#size-cells"), "#size-cells"));
        }
    }
}
