package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code interrupts_extended_is_cell}: {@code #interrupt-cells} must be one cell. */
public final class InterruptsExtendedIsCell extends IsCellCheck {
    public InterruptsExtendedIsCell() {
        super("interrupts_extended_is_cell", Code.DC044, "#interrupt-cells");
    }
}
