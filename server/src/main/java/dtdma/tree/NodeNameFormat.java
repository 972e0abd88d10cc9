package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** TR011, dtc's {@code node_name_format}: a node name has at most one {@code @}. */
final class NodeNameFormat extends TreeCheck {
    NodeNameFormat() {
        super(Code.TR011);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walkChildren(m, c -> {
            String name = c.name();
            int at = name.indexOf('@');
            if (at >= 0 && name.indexOf('@', at + 1) >= 0) {
                report(out, c.nameSpan(), "multiple '@' characters in node name '" + name + "'");
            }
        });
    }
}
