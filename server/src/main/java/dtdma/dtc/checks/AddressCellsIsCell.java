package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code address_cells_is_cell}: {@code #address-cells} must be one cell. */
public final class AddressCellsIsCell extends IsCellCheck {
    public AddressCellsIsCell() {
        super("address_cells_is_cell", Code.DC004, "#address-cells");
    }
}
