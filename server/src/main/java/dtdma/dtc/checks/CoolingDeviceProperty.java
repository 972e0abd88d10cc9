package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code cooling_device_property}: each entry of {@code cooling-device} is a phandle reference followed by the target's {@code #cooling-cells} cells. */
public final class CoolingDeviceProperty extends PhandleArgsCheck {
    public CoolingDeviceProperty() {
        super("cooling_device_property", Code.DC037, "cooling-device", "#cooling-cells", false, "cooling_device_is_cell");
    }
}
