package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** TR010, dtc's {@code property_name_chars}: a property name uses only letters, digits and {@code ,._+*#?-}. */
final class BadPropertyNameChars extends TreeCheck {
    BadPropertyNameChars() {
        super(Code.TR010);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walk(m, m.root(), n -> {
            for (Property p : n.properties()) {
                if (p.deleted) {
                    continue;
                }
                String name = p.name();
                for (int i = 0; i < name.length(); i++) {
                    char ch = name.charAt(i);
                    if (!(Character.isLetterOrDigit(ch) && ch < 128) && ",._+*#?-".indexOf(ch) < 0) {
                        report(out, p.span(), "bad character '" + ch + "' in property name '" + name + "'");
                        break;
                    }
                }
            }
        });
    }
}
