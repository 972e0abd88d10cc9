package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code mux_controls_property}: each entry of {@code mux-controls} is a phandle reference followed by the target's {@code #mux-control-cells} cells. */
public final class MuxControlsProperty extends PhandleArgsCheck {
    public MuxControlsProperty() {
        super("mux_controls_property", Code.DC053, "mux-controls", "#mux-control-cells", false, "mux_controls_is_cell");
    }
}
