package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsStringCheck;

/** dtc's {@code device_type_is_string}: {@code device_type} must be one string. */
public final class DeviceTypeIsString extends IsStringCheck {
    public DeviceTypeIsString() {
        super("device_type_is_string", Code.DC006, "device_type");
    }
}
