package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * dtc's {@code unique_unit_address}: among the children of a node that sets both cell sizes, no two share a unit
 * address (compared as text). Reported on the earlier node, naming the later one.
 */
public final class UniqueUnitAddress extends DtcCheck {
    public UniqueUnitAddress() {
        super("unique_unit_address", Code.DC029, true, "avoid_default_addr_size");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        check(run, node, false);
    }

    static void check(DtcRun run, Node node, boolean enabledOnly) {
        if (run.addrCellsRaw(node) < 0 || run.sizeCellsRaw(node) < 0) {
            return;
        }
        List<Node> kids = node.children();
        Map<String, Node> firstSeen = new HashMap<>();
        for (int a = 0; a < kids.size(); a++) {
            Node ca = kids.get(a);
            String ua = DtcRun.unitName(ca);
            if (ua.isEmpty() || (enabledOnly && disabled(ca))) {
                continue;
            }
            if (firstSeen.containsKey(ua)) {
                for (int b = 0; b < a; b++) {
                    Node cb = kids.get(b);
                    if ((!enabledOnly || !disabled(cb)) && DtcRun.unitName(cb).equals(ua)) {
                        run.fail(cb, "duplicate unit-address (also used in node " + ca.path() + ")",
                                DtcRun.at(ca, ca.path() + " has the same unit address"));
                    }
                }
            } else {
                firstSeen.put(ua, ca);
            }
        }
    }

    /** dtc's test: {@code status} is exactly "disabled". */
    static boolean disabled(Node n) {
        var p = n.property("status");
        return p != null && DtcRun.asCString(p).equals("disabled");
    }
}
