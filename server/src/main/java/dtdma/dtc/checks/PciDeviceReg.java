package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code pci_device_reg}: under a PCI bridge, {@code reg} is a configuration-space address and the unit
 * address is {@code DEV} (function 0) or {@code DEV,FN} as {@code reg} encodes them.
 */
public final class PciDeviceReg extends DtcCheck {
    public PciDeviceReg() {
        super("pci_device_reg", Code.DC019, true, "reg_format", "pci_bridge");
    }

    /** The unit address dtc expects for a PCI device's reg, or null when reg is too short. */
    public static String expected(Property reg) {
        if (reg.value().length() < 12) {
            return null;
        }
        long r = reg.value().cellAt(0);
        long dev = (r & 0xf800) >> 11;
        long fn = (r & 0x700) >> 8;
        return fn == 0 ? Long.toHexString(dev) : Long.toHexString(dev) + "," + Long.toHexString(fn);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.PCI) {
            return;
        }
        Property p = node.property("reg");
        if (p == null || p.value().length() < 12) {
            return;
        }
        if (p.value().cellAt(4) != 0 || p.value().cellAt(8) != 0) {
            run.fail(node, p, "PCI reg config space address cells 2 and 3 must be 0");
        }
        long r = p.value().cellAt(0);
        long dev = (r & 0xf800) >> 11;
        long fn = (r & 0x700) >> 8;
        if ((r & 0xff000000L) != 0) {
            run.fail(node, p, "PCI reg address is not configuration space");
        }
        if ((r & 0xff) != 0) {
            run.fail(node, p, "PCI reg config space address register number must be 0");
        }
        String unit = DtcRun.unitName(node);
        if (fn == 0 && unit.equals(Long.toHexString(dev))) {
            return;
        }
        String want = Long.toHexString(dev) + "," + Long.toHexString(fn);
        if (!unit.equals(want)) {
            run.fail(node, "PCI unit address format error, expected \"" + want + "\"", DtcRun.at(p, "reg"));
        }
    }
}
