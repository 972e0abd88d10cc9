package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code clocks_property}: each entry of {@code clocks} is a phandle reference followed by the target's {@code #clock-cells} cells. */
public final class ClocksProperty extends PhandleArgsCheck {
    public ClocksProperty() {
        super("clocks_property", Code.DC035, "clocks", "#clock-cells", false, "clocks_is_cell");
    }
}
