package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code mboxes_is_cell}: {@code #mbox-cells} must be one cell. */
public final class MboxesIsCell extends IsCellCheck {
    public MboxesIsCell() {
        super("mboxes_is_cell", Code.DC050, "#mbox-cells");
    }
}
