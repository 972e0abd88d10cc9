package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code iommus_property}: each entry of {@code iommus} is a phandle reference followed by the target's {@code #iommu-cells} cells. */
public final class IommusProperty extends PhandleArgsCheck {
    public IommusProperty() {
        super("iommus_property", Code.DC047, "iommus", "#iommu-cells", false, "iommus_is_cell");
    }
}
