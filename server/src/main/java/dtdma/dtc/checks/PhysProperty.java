package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code phys_property}: each entry of {@code phys} is a phandle reference followed by the target's {@code #phy-cells} cells. */
public final class PhysProperty extends PhandleArgsCheck {
    public PhysProperty() {
        super("phys_property", Code.DC055, "phys", "#phy-cells", false, "phys_is_cell");
    }
}
