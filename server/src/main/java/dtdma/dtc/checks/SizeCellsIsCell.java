package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code size_cells_is_cell}: {@code #size-cells} must be one cell. */
public final class SizeCellsIsCell extends IsCellCheck {
    public SizeCellsIsCell() {
        super("size_cells_is_cell", Code.DC005, "#size-cells");
    }
}
