package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code pwms_is_cell}: {@code #pwm-cells} must be one cell. */
public final class PwmsIsCell extends IsCellCheck {
    public PwmsIsCell() {
        super("pwms_is_cell", Code.DC060, "#pwm-cells");
    }
}
