package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsStringCheck;

/** dtc's {@code label_is_string}: {@code label} must be one string. */
public final class LabelIsString extends IsStringCheck {
    public LabelIsString() {
        super("label_is_string", Code.DC009, "label");
    }
}
