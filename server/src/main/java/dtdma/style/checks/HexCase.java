package dtdma.style.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.StyleModel;
import java.util.List;
import java.util.regex.Pattern;

/** STY005: hex literals in property values are lowercase (one finding per property, on its first literal). */
public final class HexCase implements Check<StyleModel> {
    private static final Pattern UPPER_HEX = Pattern.compile("0[xX][0-9a-fA-F]*[A-FX][0-9a-fA-F]*[uUlL]*|0X[0-9a-fA-F]+[uUlL]*");
    private static final Pattern UPPER_BYTES = Pattern.compile("[0-9a-fA-F]*[A-F][0-9a-fA-F]*");

    @Override
    public Code code() {
        return Code.STY005;
    }

    /** Whether a value token is a hex literal with an uppercase digit or prefix. */
    public static boolean upper(Cst.Token t) {
        return (t.kind().equals("WORD") && UPPER_HEX.matcher(t.text()).matches())
                || (t.kind().equals("BYTES") && UPPER_BYTES.matcher(t.text()).matches());
    }

    @Override
    public void run(StyleModel m, List<Diagnostic> out) {
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                if (s.kind() != Cst.Kind.PROPERTY) {
                    continue;
                }
                Cst.Token first = null;
                int n = 0;
                for (Cst.Token t : s.valueTokens()) {
                    if (upper(t)) {
                        n++;
                        if (first == null) {
                            first = t;
                        }
                    }
                }
                if (first != null) {
                    out.add(Diagnostic.of(code(), m.span(first.start(), first.end()),
                            (n == 1 ? "hex literal '" + first.text() + "' is" : n + " hex literals are")
                                    + " in uppercase in '" + s.name() + "'; the kernel's DTS coding style writes"
                                    + " hex in lowercase"));
                }
            }
        });
    }
}
