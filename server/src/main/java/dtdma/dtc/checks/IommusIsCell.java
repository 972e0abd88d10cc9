package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code iommus_is_cell}: {@code #iommu-cells} must be one cell. */
public final class IommusIsCell extends IsCellCheck {
    public IommusIsCell() {
        super("iommus_is_cell", Code.DC048, "#iommu-cells");
    }
}
