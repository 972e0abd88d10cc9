package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code mux_controls_is_cell}: {@code #mux-control-cells} must be one cell. */
public final class MuxControlsIsCell extends IsCellCheck {
    public MuxControlsIsCell() {
        super("mux_controls_is_cell", Code.DC054, "#mux-control-cells");
    }
}
