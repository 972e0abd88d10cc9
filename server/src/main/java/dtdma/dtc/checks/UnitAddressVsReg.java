package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code unit_address_vs_reg}: a node with {@code reg} or a non-empty {@code ranges} has a unit address,
 * and a node with a unit address has one of them. Overlay fragments (with {@code __overlay__}) are exempt.
 */
public final class UnitAddressVsReg extends DtcCheck {
    public UnitAddressVsReg() {
        super("unit_address_vs_reg", Code.DC016, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.child("__overlay__") != null) {
            return;
        }
        Property p = node.property("reg");
        if (p == null) {
            p = node.property("ranges");
            if (p != null && p.value().isEmpty()) {
                p = null;
            }
        }
        String unit = DtcRun.unitName(node);
        if (p != null) {
            if (unit.isEmpty()) {
                run.fail(node, "node has a reg or ranges property, but no unit name", DtcRun.at(p, p.name()));
            }
        } else if (!unit.isEmpty()) {
            run.fail(node, "node has a unit name, but no reg or ranges property");
        }
    }
}
