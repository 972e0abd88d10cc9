package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code hwlocks_property}: each entry of {@code hwlocks} is a phandle reference followed by the target's {@code #hwlock-cells} cells. */
public final class HwlocksProperty extends PhandleArgsCheck {
    public HwlocksProperty() {
        super("hwlocks_property", Code.DC041, "hwlocks", "#hwlock-cells", false, "hwlocks_is_cell");
    }
}
