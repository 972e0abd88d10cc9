package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsStringCheck;

/** dtc's {@code model_is_string}: {@code model} must be one string. */
public final class ModelIsString extends IsStringCheck {
    public ModelIsString() {
        super("model_is_string", Code.DC007, "model");
    }
}
