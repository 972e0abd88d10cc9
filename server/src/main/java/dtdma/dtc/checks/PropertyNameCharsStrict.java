package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code property_name_chars_strict}: property names use only {@code a-z A-Z 0-9 , -}, with {@code #}
 * allowed at the start or right after a {@code ,}; {@code device_type} is exempt.
 */
public final class PropertyNameCharsStrict extends DtcCheck {
    public PropertyNameCharsStrict() {
        super("property_name_chars_strict", Code.DC002, false);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        for (Property p : node.properties()) {
            String name = p.name();
            if (name.equals("device_type")) {
                continue;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (NodeNameCharsStrict.strict(c) || (c == '#' && (i == 0 || name.charAt(i - 1) == ','))) {
                    continue;
                }
                run.fail(node, p, "Character '" + c + "' not recommended in property name");
                break;
            }
        }
    }
}
