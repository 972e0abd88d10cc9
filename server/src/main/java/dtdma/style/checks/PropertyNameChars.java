package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Names;
import dtdma.style.StyleModel;
import java.util.List;

/** STY002: a property name uses only a-z, 0-9 and '-' (after an optional '#' and "vendor,"). */
public final class PropertyNameChars implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY002;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                if (s.kind() != Cst.Kind.PROPERTY || s.nameIsMacro() || Names.goodPropertyName(s.name())) {
                    continue;
                }
                out.add(Diagnostic.of(code(), m.span(s.nameStart(), s.nameEnd()),
                        "property name '" + s.name() + "' has characters other than a-z, 0-9 and '-' (the kernel's"
                                + " DTS coding style); the binding decides the name a driver reads, so rename it"
                                + " only together with the binding"));
            }
        });
    }
}
