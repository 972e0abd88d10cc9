package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code interrupt_provider}: an interrupt provider has {@code #interrupt-cells} and {@code #address-cells}. */
public final class InterruptProvider extends DtcCheck {
    public InterruptProvider() {
        super("interrupt_provider", Code.DC070, true);
    }

    @Override
    public void run(DtcRun run, java.util.List<dtdma.check.Diagnostic> out) {
        for (Node n : run.nodesWith("interrupt-controller")) {
            check(run, n);
        }
        for (Node n : run.nodesWith("interrupt-map")) {
            if (n.property("interrupt-controller") == null) {
                check(run, n);
            }
        }
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (!DtcRun.interruptProvider(node)) {
            return;
        }
        if (node.property("#interrupt-cells") == null) {
            run.fail(node, "Missing #interrupt-cells in interrupt provider");
        }
        if (node.property("#address-cells") == null) {
            run.fail(node, "Missing #address-cells in interrupt provider");
        }
    }
}
