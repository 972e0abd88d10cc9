package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code interrupts_extended_property}: each entry of {@code interrupts-extended} is a phandle reference followed by the target's {@code #interrupt-cells} cells. */
public final class InterruptsExtendedProperty extends PhandleArgsCheck {
    public InterruptsExtendedProperty() {
        super("interrupts_extended_property", Code.DC043, "interrupts-extended", "#interrupt-cells", false, "interrupts_extended_is_cell");
    }
}
