package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code ranges_format}: a non-empty {@code ranges} is a whole number of (parent address + own address +
 * own size) cells; an empty one needs the node's cell sizes equal to its parent's.
 */
public final class RangesFormat extends DtcCheck {
    public RangesFormat() {
        super("ranges_format", Code.DC014, true, "addr_size_cells");
    }

    @Override
    protected String keyProperty() {
        return "ranges";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        check(run, node, "ranges");
    }

    static void check(DtcRun run, Node node, String name) {
        Property p = node.property(name);
        if (p == null) {
            return;
        }
        if (node.parent() == null) {
            run.fail(node, p, "Root node has a \"" + name + "\" property");
            return;
        }
        Node parent = node.parent();
        int pa = run.addrCells(parent);
        int ps = run.sizeCells(parent);
        int ca = run.addrCells(node);
        int cs = run.sizeCells(node);
        int len = p.value().length();
        if (len == 0) {
            if (pa != ca) {
                run.fail(node, p, "empty \"" + name + "\" property but its #address-cells (" + ca + ") differs from "
                        + parent.path() + " (" + pa + ")");
            }
            if (ps != cs) {
                run.fail(node, p, "empty \"" + name + "\" property but its #size-cells (" + cs + ") differs from "
                        + parent.path() + " (" + ps + ")");
            }
        } else {
            int entry = (pa + ca + cs) * 4;
            if (entry == 0 || len % entry != 0) {
                run.fail(node, p, "\"" + name + "\" property has invalid length (" + len + " bytes) (parent #address-cells == "
                        + pa + ", child #address-cells == " + ca + ", #size-cells == " + cs + ")");
            }
        }
    }
}
