package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code dmas_is_cell}: {@code #dma-cells} must be one cell. */
public final class DmasIsCell extends IsCellCheck {
    public DmasIsCell() {
        super("dmas_is_cell", Code.DC040, "#dma-cells");
    }
}
