package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Order;
import dtdma.style.StyleModel;
import java.util.List;

/** STY007: the {@code &label { ... };} overrides of a file in alphanumeric order of their labels. */
public final class OverrideOrder implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY007;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        Cst.Stmt[] bad = Order.firstOutOfOrder(Order.Kind.OVERRIDES, m.cst().items());
        if (bad != null) {
            out.add(Diagnostic.of(code(), m.span(bad[0].nameStart(), bad[0].nameEnd()),
                    "override '" + bad[0].name() + "' comes after '" + bad[1].name() + "': the kernel's DTS coding"
                            + " style orders '&label' blocks alphanumerically by label (some subarchitectures"
                            + " keep the order of the SoC .dtsi instead)"));
        }
    }
}
