package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Names;
import dtdma.style.StyleModel;
import java.util.List;

/** STY004: a unit address is lowercase hex without leading zeros. */
public final class UnitAddressStyle implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY004;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                if (s.kind() != Cst.Kind.NODE || s.nameIsMacro()) {
                    continue;
                }
                String unit = Names.unit(s.name());
                if (unit == null || unit.isEmpty()) {
                    continue;
                }
                String good = Names.normalUnit(unit);
                if (!good.equals(unit)) {
                    int start = s.nameEnd() - unit.length();
                    out.add(Diagnostic.of(code(), m.span(start, s.nameEnd()),
                            "unit address '" + unit + "' should be lowercase hex without leading zeros: '" + good
                                    + "' (the kernel's DTS coding style)"));
                }
            }
        });
    }
}
