package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code mboxes_property}: each entry of {@code mboxes} is a phandle reference followed by the target's {@code #mbox-cells} cells. */
public final class MboxesProperty extends PhandleArgsCheck {
    public MboxesProperty() {
        super("mboxes_property", Code.DC049, "mboxes", "#mbox-cells", false, "mboxes_is_cell");
    }
}
