package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/**
 * TR016, dtc's {@code check_name_properties}: a {@code name} property must be a string equal to the node's base
 * name; one that is equal is dropped from the tree, as dtc drops it.
 */
final class NameProperties extends TreeCheck {
    NameProperties() {
        super(Code.TR016);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walk(m, m.root(), n -> {
            Property p = TreeBuilder.liveProperty(n, "name");
            if (p == null) {
                return;
            }
            String s = p.value().string();
            if (s == null || s.length() + 1 != p.value().length()) {
                report(out, p.span(), "\"name\" property is not a string");
            } else if (!s.equals(n.baseName())) {
                report(out, p.span(), "\"name\" property is incorrect (\"" + s + "\" instead of base node name)");
            } else {
                n.properties().remove(p);
            }
        });
    }
}
