package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code names_is_string_list}: every {@code *-names} property is a list of NUL-terminated strings. */
public final class NamesIsStringList extends DtcCheck {
    public NamesIsStringList() {
        super("names_is_string_list", Code.DC011, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        for (Property p : node.properties()) {
            if (p.name().endsWith("-names") && !DtcRun.isStringList(p)) {
                run.fail(node, p, "property is not a string list");
            }
        }
    }
}
