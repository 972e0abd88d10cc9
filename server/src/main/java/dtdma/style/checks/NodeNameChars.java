package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Names;
import dtdma.style.StyleModel;
import java.util.List;

/** STY001: a node name (before '@') uses only a-z, 0-9 and '-'. */
public final class NodeNameChars implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY001;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                if (s.kind() != Cst.Kind.NODE || s.nameIsMacro() || s.name().startsWith("&") || s.name().equals("/")) {
                    continue;
                }
                String base = Names.base(s.name());
                if (!Names.goodNodeName(base)) {
                    out.add(Diagnostic.of(code(), m.span(s.nameStart(), s.nameStart() + base.length()),
                            "node name '" + base + "' has characters other than a-z, 0-9 and '-' (the kernel's DTS"
                                    + " coding style); '" + Names.suggest(base) + "' would follow it, unless a driver"
                                    + " or binding matches the node by this name"));
                }
            }
        });
    }
}
