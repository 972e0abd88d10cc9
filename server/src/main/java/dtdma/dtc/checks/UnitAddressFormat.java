package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/**
 * dtc's {@code unit_address_format}: no {@code 0x} and no leading zeros in a unit address. Children of PCI
 * bridges and simple buses are left to their bus checks.
 */
public final class UnitAddressFormat extends DtcCheck {
    public UnitAddressFormat() {
        super("unit_address_format", Code.DC017, true, "node_name_format", "pci_bridge", "simple_bus_bridge");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() != null && run.bus(node.parent()) != null) {
            return;
        }
        String unit = DtcRun.unitName(node);
        if (unit.isEmpty()) {
            return;
        }
        if (unit.startsWith("0x")) {
            run.fail(node, "unit name should not have leading \"0x\"");
            unit = unit.substring(2);
        }
        if (unit.length() > 1 && unit.charAt(0) == '0' && Character.digit(unit.charAt(1), 16) >= 0) {
            run.fail(node, "unit name should not have leading 0s");
        }
    }
}
