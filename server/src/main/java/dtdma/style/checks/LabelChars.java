package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.StyleModel;
import java.util.List;

/** STY003: a label uses only a-z, 0-9 and '_'. */
public final class LabelChars implements Check<StyleModel> {
    @Override
    public Code code() {
        return Code.STY003;
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                List<String> labels = s.labels();
                List<int[]> spans = s.labelSpans();
                for (int i = 0; i < labels.size(); i++) {
                    String l = labels.get(i);
                    if (l.indexOf('(') >= 0) {
                        continue;
                    }
                    String name = l.substring(0, l.length() - 1);
                    if (!name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                        out.add(Diagnostic.of(code(), m.span(spans.get(i)[0], spans.get(i)[0] + name.length()),
                                "label '" + name + "' has characters other than a-z, 0-9 and '_' (the kernel's DTS"
                                        + " coding style)"));
                    }
                }
            }
        });
    }
}
