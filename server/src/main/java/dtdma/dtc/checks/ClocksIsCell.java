package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code clocks_is_cell}: {@code #clock-cells} must be one cell. */
public final class ClocksIsCell extends IsCellCheck {
    public ClocksIsCell() {
        super("clocks_is_cell", Code.DC036, "#clock-cells");
    }
}
