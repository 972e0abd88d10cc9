package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Order;
import dtdma.style.StyleModel;
import java.util.List;

/**
 * STY006: child nodes with a unit address in ascending address order, those without in name order (each
 * compared only with nodes of its own kind). Overrides ({@code &label}) are STY007's.
 */
public final class NodeOrder implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY006;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Order.Kind k : new Order.Kind[] {Order.Kind.NODES_WITH_ADDRESS, Order.Kind.NODES_WITHOUT_ADDRESS}) {
                Cst.Stmt[] bad = Order.firstOutOfOrder(k, items);
                if (bad != null) {
                    String by = k == Order.Kind.NODES_WITH_ADDRESS ? "unit address" : "name";
                    out.add(Diagnostic.of(code(), m.span(bad[0].nameStart(), bad[0].nameEnd()),
                            "node '" + bad[0].name() + "' comes after '" + bad[1].name() + "': the kernel's DTS"
                                    + " coding style orders child nodes by " + by
                                    + " (some subarchitectures group nodes of one type instead)"));
                }
            }
        });
    }
}
