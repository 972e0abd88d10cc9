package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code spi_bus_bridge}: a node named {@code spi}, or one with a child using {@code spi-*} properties, is
 * an SPI bus (the latter only when it is addressed like one, with one address and no size cells); with children it needs one address cell (none with {@code spi-slave}) and no size cells, and a
 * detected bus with {@code reg} should be named {@code spi}.
 */
public final class SpiBusBridge extends DtcCheck {
    public SpiBusBridge() {
        super("spi_bus_bridge", Code.DC025, true, "addr_size_cells");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.baseName().equals("spi")) {
            run.setBus(node, Bus.SPI);
        } else if (run.addrCells(node) == 1 && run.sizeCells(node) == 0) {
            // dtc guesses a wrongly named SPI bus only among nodes addressed like one
            outer:
            for (Node c : node.children()) {
                for (Property p : c.properties()) {
                    if (p.name().startsWith("spi-")) {
                        run.setBus(node, Bus.SPI);
                        break outer;
                    }
                }
            }
            if (run.bus(node) == Bus.SPI && node.property("reg") != null) {
                run.fail(node, "node name for SPI buses should be 'spi'");
            }
        }
        if (run.bus(node) != Bus.SPI || node.children().isEmpty()) {
            return;
        }
        int want = node.property("spi-slave") != null ? 0 : 1;
        if (run.addrCells(node) != want) {
            run.fail(node, "incorrect #address-cells for SPI bus", DtcRun.at(node.property("#address-cells"), "#address-cells"));
        }
        if (run.sizeCells(node) != 0) {
            run.fail(node, "incorrect #size-cells for SPI bus", DtcRun.at(node.property("#size-cells"), "#size-cells"));
        }
    }
}
