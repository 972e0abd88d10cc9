package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code thermal_sensors_is_cell}: {@code #thermal-sensor-cells} must be one cell. */
public final class ThermalSensorsIsCell extends IsCellCheck {
    public ThermalSensorsIsCell() {
        super("thermal_sensors_is_cell", Code.DC066, "#thermal-sensor-cells");
    }
}
