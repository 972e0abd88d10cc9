package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code pwms_property}: each entry of {@code pwms} is a phandle reference followed by the target's {@code #pwm-cells} cells. */
public final class PwmsProperty extends PhandleArgsCheck {
    public PwmsProperty() {
        super("pwms_property", Code.DC059, "pwms", "#pwm-cells", false, "pwms_is_cell");
    }
}
