package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code msi_parent_is_cell}: {@code #msi-cells} must be one cell. */
public final class MsiParentIsCell extends IsCellCheck {
    public MsiParentIsCell() {
        super("msi_parent_is_cell", Code.DC052, "#msi-cells");
    }
}
