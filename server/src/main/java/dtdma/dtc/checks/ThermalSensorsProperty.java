package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code thermal_sensors_property}: each entry of {@code thermal-sensors} is a phandle reference followed by the target's {@code #thermal-sensor-cells} cells. */
public final class ThermalSensorsProperty extends PhandleArgsCheck {
    public ThermalSensorsProperty() {
        super("thermal_sensors_property", Code.DC065, "thermal-sensors", "#thermal-sensor-cells", false, "thermal_sensors_is_cell");
    }
}
