package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code msi_parent_property}: each entry of {@code msi-parent} is a phandle reference followed by the target's {@code #msi-cells} cells. */
public final class MsiParentProperty extends PhandleArgsCheck {
    public MsiParentProperty() {
        super("msi_parent_property", Code.DC051, "msi-parent", "#msi-cells", true, "msi_parent_is_cell");
    }
}
