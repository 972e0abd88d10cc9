package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code alias_paths}: in a node named {@code aliases}, every property is the path of an existing node and
 * is named with lowercase letters, digits and {@code -} only.
 */
public final class AliasPaths extends DtcCheck {
    public AliasPaths() {
        super("alias_paths", Code.DC071, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (!node.name().equals("aliases")) {
            return;
        }
        for (Property p : node.properties()) {
            if (p.name().equals("phandle") || p.name().equals("linux,phandle")) {
                continue;
            }
            if (p.value().isEmpty() || run.byPath(DtcRun.asCString(p)) == null) {
                run.fail(node, p, "aliases property is not a valid node ("
                        + (p.value().isEmpty() ? "(null)" : DtcRun.asCString(p)) + ")");
                continue;
            }
            if (!p.name().chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                run.failNodeAt(node, p, "aliases property name must include only lowercase and '-'");
            }
        }
    }
}
