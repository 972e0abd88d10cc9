package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code resets_property}: each entry of {@code resets} is a phandle reference followed by the target's {@code #reset-cells} cells. */
public final class ResetsProperty extends PhandleArgsCheck {
    public ResetsProperty() {
        super("resets_property", Code.DC061, "resets", "#reset-cells", false, "resets_is_cell");
    }
}
