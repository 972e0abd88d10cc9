package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code interrupts_property}: {@code interrupts} is whole cells; the interrupt parent (the nearest
 * {@code interrupt-parent} on the way up, or an ancestor that is an interrupt provider) exists and is a provider;
 * and {@code interrupts} is a multiple of its {@code #interrupt-cells}.
 */
public final class InterruptsProperty extends DtcCheck {
    public InterruptsProperty() {
        super("interrupts_property", Code.DC069, true, "phandle_references");
    }

    @Override
    protected String keyProperty() {
        return "interrupts";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Property irq = node.property("interrupts");
        if (irq == null) {
            return;
        }
        int len = irq.value().length();
        if (len % 4 != 0) {
            run.fail(node, irq, "size (" + len + ") is invalid, expected multiple of 4");
        }
        Node irqNode = null;
        Node parent = node;
        Property ip = null;
        while (parent != null && ip == null) {
            if (parent != node && DtcRun.interruptProvider(parent)) {
                irqNode = parent;
                break;
            }
            ip = parent.property("interrupt-parent");
            if (ip != null) {
                long ph = DtcRun.cell(ip);
                if (ph == 0 || ph == 0xffffffffL) {
                    if (run.tree().plugin()) {
                        return; // an overlay's external references are resolved only when it is applied
                    }
                    run.fail(parent, ip, "Invalid phandle");
                    continue;
                }
                irqNode = run.byPhandle(ph);
                if (irqNode == null) {
                    run.fail(parent, ip, "Bad phandle");
                    return;
                }
                if (!DtcRun.interruptProvider(irqNode)) {
                    run.fail(irqNode, "Missing interrupt-controller or interrupt-map property",
                            DtcRun.at(ip, "interrupt-parent of " + parent.path()));
                }
                break;
            }
            parent = parent.parent();
        }
        if (irqNode == null) {
            run.fail(node, "Missing interrupt-parent", DtcRun.at(irq, "interrupts"));
            return;
        }
        Property cells = irqNode.property("#interrupt-cells");
        if (cells == null) {
            return;
        }
        long n = DtcRun.cell(cells) * 4;
        if (n == 0 ? len != 0 : len % n != 0) {
            run.fail(node, cells, "size is (" + len + "), expected multiple of " + n,
                    DtcRun.at(irq, "interrupts of " + node.path()));
        }
    }
}
