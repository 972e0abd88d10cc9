package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code pci_bridge}: a node with {@code device_type = "pci"} is a PCI bridge, named {@code pci} or
 * {@code pcie}, with {@code ranges}, 3 address and 2 size cells, and a sane {@code bus-range}.
 */
public final class PciBridge extends DtcCheck {
    public PciBridge() {
        super("pci_bridge", Code.DC018, true, "device_type_is_string", "addr_size_cells");
    }

    @Override
    protected String keyProperty() {
        return "device_type";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Property dt = node.property("device_type");
        if (dt == null || !DtcRun.asCString(dt).equals("pci")) {
            return;
        }
        run.setBus(node, Bus.PCI);
        String base = node.baseName();
        if (!base.equals("pci") && !base.equals("pcie")) {
            run.fail(node, "node name is not \"pci\" or \"pcie\"");
        }
        if (node.property("ranges") == null) {
            run.fail(node, "missing ranges for PCI bridge (or not a bridge)");
        }
        if (run.addrCells(node) != 3) {
            run.fail(node, "incorrect #address-cells for PCI bridge", DtcRun.at(node.property("#address-cells"), "#address-cells"));
        }
        if (run.sizeCells(node) != 2) {
            run.fail(node, "incorrect #size-cells for PCI bridge", DtcRun.at(node.property("#size-cells"), "#size-cells"));
        }
        Property br = node.property("bus-range");
        if (br == null) {
            return;
        }
        if (br.value().length() != 8) {
            run.fail(node, br, "value must be 2 cells");
            return;
        }
        long lo = br.value().cellAt(0);
        long hi = br.value().cellAt(4);
        if (lo > hi) {
            run.fail(node, br, "1st cell must be less than or equal to 2nd cell");
        }
        if (hi > 0xff) {
            run.fail(node, br, "maximum bus number must be less than 256");
        }
    }
}
