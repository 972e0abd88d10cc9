package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.style.Order;
import dtdma.style.StyleModel;
import java.util.List;

/**
 * STY007: the {@code &label { ... };} overrides of a file follow neither order the kernel's DTS coding style
 * accepts: alphanumeric by label, or the order in which the labelled nodes are defined (the SoC {@code .dtsi}),
 * which the board's merged tree tells. Without a board only the alphanumeric order is judged.
 */
public final class OverrideOrder implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY007;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        Order.OverrideVerdict v = Order.overrides(m.cst().items(), m.hints());
        if (v == null) {
            return;
        }
        String msg;
        if (!v.bothKnown()) {
            msg = "override '" + v.override().name() + "' comes after '" + v.after().name() + "': the kernel's DTS"
                    + " coding style orders '&label' blocks alphanumerically by label, or as their nodes appear in"
                    + " the SoC .dtsi (that order cannot be judged here: no board read with this file defines every"
                    + " label)";
        } else {
            msg = "override '" + v.override().name() + "' comes after '" + v.after().name() + "': the '&label'"
                    + " blocks follow neither order the kernel's DTS coding style accepts (alphanumeric by label, or"
                    + " as their nodes appear in the SoC .dtsi); the nearer is " + (v.byDefinition()
                            ? "the order of the .dtsi" : "the alphanumeric order");
        }
        out.add(Diagnostic.of(code(), m.span(v.override().nameStart(), v.override().nameEnd()), msg));
    }
}
