package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code cooling_device_is_cell}: {@code #cooling-cells} must be one cell. */
public final class CoolingDeviceIsCell extends IsCellCheck {
    public CoolingDeviceIsCell() {
        super("cooling_device_is_cell", Code.DC038, "#cooling-cells");
    }
}
