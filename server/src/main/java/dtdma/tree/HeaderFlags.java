package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/**
 * TR015: every {@code /dts-v1/;} header must carry the flags of the first (dtc: "Header flags don't match earlier
 * ones"), so a file cannot mix plugin and non-plugin headers through its includes.
 */
final class HeaderFlags extends TreeCheck {
    HeaderFlags() {
        super(Code.TR015);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        List<Boolean> headers = m.headers();
        for (int i = 1; i < headers.size(); i++) {
            if (!headers.get(i).equals(headers.get(0))) {
                report(out, m.headerSpans().get(i), "header flags don't match earlier ones: "
                        + (headers.get(0) ? "the first header has /plugin/, this one has not"
                                : "this header has /plugin/, the first has not"),
                        List.of(new Diagnostic.Related(m.headerSpans().get(0), "first header")));
            }
        }
    }
}
