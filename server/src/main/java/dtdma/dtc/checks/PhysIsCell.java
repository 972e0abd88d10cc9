package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code phys_is_cell}: {@code #phy-cells} must be one cell. */
public final class PhysIsCell extends IsCellCheck {
    public PhysIsCell() {
        super("phys_is_cell", Code.DC056, "#phy-cells");
    }
}
