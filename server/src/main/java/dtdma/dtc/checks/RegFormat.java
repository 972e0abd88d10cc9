package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code reg_format}: {@code reg} is a non-empty whole number of the parent's (address + size) cells. */
public final class RegFormat extends DtcCheck {
    public RegFormat() {
        super("reg_format", Code.DC013, true, "addr_size_cells");
    }

    @Override
    protected String keyProperty() {
        return "reg";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Property p = node.property("reg");
        if (p == null) {
            return;
        }
        if (node.parent() == null) {
            run.fail(node, "Root node has a \"reg\" property", DtcRun.at(p, "reg"));
            return;
        }
        int len = p.value().length();
        if (len == 0) {
            run.fail(node, p, "property is empty");
        }
        int a = run.addrCells(node.parent());
        int s = run.sizeCells(node.parent());
        int entry = (a + s) * 4;
        if (entry == 0 || len % entry != 0) {
            run.fail(node, p, "property has invalid length (" + len + " bytes) (#address-cells == " + a
                    + ", #size-cells == " + s + ")", DtcRun.at(node.parent().property("#address-cells"),
                    "#address-cells of " + node.parent().path()));
        }
    }
}
