package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code dmas_property}: each entry of {@code dmas} is a phandle reference followed by the target's {@code #dma-cells} cells. */
public final class DmasProperty extends PhandleArgsCheck {
    public DmasProperty() {
        super("dmas_property", Code.DC039, "dmas", "#dma-cells", false, "dmas_is_cell");
    }
}
