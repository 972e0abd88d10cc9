package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code obsolete_chosen_interrupt_controller}: {@code /chosen} has no interrupt-controller property. */
public final class ObsoleteChosenInterruptController extends DtcCheck {
    public ObsoleteChosenInterruptController() {
        super("obsolete_chosen_interrupt_controller", Code.DC031, true);
    }

    @Override
    public void run(DtcRun run, java.util.List<dtdma.check.Diagnostic> out) {
        check(run, run.tree().root()); // a check of the root alone
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() != null) {
            return;
        }
        Node chosen = node.child("chosen");
        Property p = chosen == null ? null : chosen.property("interrupt-controller");
        if (p != null) {
            run.fail(node, p, "/chosen has obsolete \"interrupt-controller\" property");
        }
    }
}
