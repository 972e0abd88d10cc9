package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code resets_is_cell}: {@code #reset-cells} must be one cell. */
public final class ResetsIsCell extends IsCellCheck {
    public ResetsIsCell() {
        super("resets_is_cell", Code.DC062, "#reset-cells");
    }
}
