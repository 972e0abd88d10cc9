package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** TR009, dtc's {@code node_name_chars}: a node name uses only letters, digits and {@code ,._+@-}. */
final class BadNodeNameChars extends TreeCheck {
    BadNodeNameChars() {
        super(Code.TR009);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walkChildren(m, c -> {
            String name = c.name();
            for (int i = 0; i < name.length(); i++) {
                char ch = name.charAt(i);
                if (!(Character.isLetterOrDigit(ch) && ch < 128) && ",._+@-".indexOf(ch) < 0) {
                    report(out, c.nameSpan(), "bad character '" + ch + "' in node name '" + name + "'");
                    break;
                }
            }
        });
    }
}
