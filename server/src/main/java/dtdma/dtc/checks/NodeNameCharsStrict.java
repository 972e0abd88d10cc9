package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code node_name_chars_strict}: the base name uses only {@code a-z A-Z 0-9 , -}. */
public final class NodeNameCharsStrict extends DtcCheck {
    public NodeNameCharsStrict() {
        super("node_name_chars_strict", Code.DC001, false);
    }

    static boolean strict(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ',' || c == '-';
    }

    @Override
    protected void check(DtcRun run, Node node) {
        String base = node.baseName();
        for (int i = 0; i < base.length(); i++) {
            if (!strict(base.charAt(i))) {
                run.fail(node, "Character '" + base.charAt(i) + "' not recommended in node name");
                return;
            }
        }
    }
}
