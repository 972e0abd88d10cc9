package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code spi_bus_reg}: a child of an SPI controller (not in {@code spi-slave} mode) has {@code reg}, and
 * its unit address is the chip select in hex.
 */
public final class SpiBusReg extends DtcCheck {
    public SpiBusReg() {
        super("spi_bus_reg", Code.DC026, true, "reg_format", "spi_bus_bridge");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.SPI || node.parent().property("spi-slave") != null) {
            return;
        }
        Property p = node.property("reg");
        if (p == null || p.value().length() < 4) {
            run.fail(node, "missing reg property");
            return;
        }
        String want = Long.toHexString(p.value().cellAt(0));
        if (!DtcRun.unitName(node).equals(want)) {
            run.fail(node, "SPI bus unit address format error, expected \"" + want + "\"", DtcRun.at(p, "reg"));
        }
    }
}
