package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code pci_device_bus_num}: the bus number in a PCI device's {@code reg} lies in the bridge's
 * {@code bus-range} (0 to 0 without one). dtc names the bridge's {@code bus-range} under the device's path, and
 * (dtc 1.6.1) takes both ends of the range from its first cell, so only that bus number passes.
 */
public final class PciDeviceBusNum extends DtcCheck {
    public PciDeviceBusNum() {
        super("pci_device_bus_num", Code.DC020, true, "reg_format", "pci_bridge");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.PCI) {
            return;
        }
        Property reg = node.property("reg");
        if (reg == null || reg.value().length() < 4) {
            return;
        }
        long bus = (reg.value().cellAt(0) & 0x00ff0000L) >> 16;
        Property br = node.parent().property("bus-range");
        long min = 0;
        long max = 0;
        if (br != null && br.value().length() >= 8) {
            min = br.value().cellAt(0);
            max = br.value().cellAt(0); // dtc 1.6.1 reads the maximum from the first cell too
        }
        if (bus < min || bus > max) {
            run.fail(node, br, "PCI bus number " + bus + " out of range, expected (" + min + " - " + max + ")",
                    DtcRun.at(reg, "reg"));
        }
    }
}
