package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code hwlocks_is_cell}: {@code #hwlock-cells} must be one cell. */
public final class HwlocksIsCell extends IsCellCheck {
    public HwlocksIsCell() {
        super("hwlocks_is_cell", Code.DC042, "#hwlock-cells");
    }
}
