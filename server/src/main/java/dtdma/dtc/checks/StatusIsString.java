package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsStringCheck;

/** dtc's {@code status_is_string}: {@code status} must be one string. */
public final class StatusIsString extends IsStringCheck {
    public StatusIsString() {
        super("status_is_string", Code.DC008, "status");
    }
}
