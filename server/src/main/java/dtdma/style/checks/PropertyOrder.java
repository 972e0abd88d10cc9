package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Names;
import dtdma.style.Order;
import dtdma.style.StyleModel;
import java.util.List;

/** STY008: properties in the order compatible, reg, ranges, standard, vendor, status (status last). */
public final class PropertyOrder implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY008;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            if (parent == null) {
                return;
            }
            // the root conventionally starts with model, then compatible
            List<Cst.Stmt> props = parent.name().equals("/")
                    ? items.stream().filter(x -> !x.name().equals("model")).toList() : items;
            Cst.Stmt[] bad = Order.firstOutOfOrder(Order.Kind.PROPERTIES, props);
            if (bad == null) {
                return;
            }
            Cst.Stmt late = bad[0];
            Cst.Stmt early = bad[1];
            String msg;
            if (early.name().equals("status")) {
                msg = "'status' comes before '" + late.name() + "': the kernel's DTS coding style puts status last";
                late = early;
            } else {
                msg = "'" + late.name() + "' (" + Names.GROUP_NAMES[Names.propertyGroup(late.name())] + ") comes after '"
                        + early.name() + "' (" + Names.GROUP_NAMES[Names.propertyGroup(early.name())]
                        + "): the kernel's DTS coding style orders compatible, reg, ranges, standard properties,"
                        + " vendor properties, status";
            }
            out.add(Diagnostic.of(code(), m.span(late.nameStart(), late.nameEnd()), msg));
        });
    }
}
