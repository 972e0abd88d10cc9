package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.Bus;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code simple_bus_reg}: a child of a simple bus has {@code reg} (or a non-empty {@code ranges}) and its
 * unit address is the first address, in lowercase hex without leading zeros.
 */
public final class SimpleBusReg extends DtcCheck {
    public SimpleBusReg() {
        super("simple_bus_reg", Code.DC022, true, "reg_format", "simple_bus_bridge");
    }

    /**
     * The unit address dtc expects for a child of a simple bus, or null when it has neither reg nor ranges
     * (also null for a reg or ranges too short to read).
     */
    public static String expected(DtcRun run, Node node) {
        Property p = node.property("reg");
        int skip = 0;
        if (p == null) {
            p = node.property("ranges");
            if (p == null) {
                return null;
            }
            skip = run.addrCells(node);
        }
        if (p.value().isEmpty()) {
            return null;
        }
        int n = run.addrCells(node.parent());
        long reg = 0;
        for (int i = 0; i < n; i++) {
            int off = (skip + i) * 4;
            reg = (reg << 32) | (off + 4 <= p.value().length() ? p.value().cellAt(off) : 0);
        }
        return Long.toHexString(reg);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.SIMPLE) {
            return;
        }
        String want = expected(run, node);
        if (want == null) {
            if (node.parent().parent() != null && run.bus(node) != Bus.SIMPLE) {
                run.fail(node, "missing or empty reg/ranges property");
            }
            return;
        }
        if (!DtcRun.unitName(node).equals(want)) {
            Property p = node.property("reg") != null ? node.property("reg") : node.property("ranges");
            run.fail(node, "simple-bus unit address format error, expected \"" + want + "\"", DtcRun.at(p, p.name()));
        }
    }
}
