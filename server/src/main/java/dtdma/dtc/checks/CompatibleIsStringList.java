package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code compatible_is_string_list}: {@code compatible} is a list of NUL-terminated strings. */
public final class CompatibleIsStringList extends DtcCheck {
    public CompatibleIsStringList() {
        super("compatible_is_string_list", Code.DC010, true);
    }

    @Override
    protected String keyProperty() {
        return "compatible";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Property p = node.property("compatible");
        if (p != null && !DtcRun.isStringList(p)) {
            run.fail(node, p, "property is not a string list");
        }
    }
}
