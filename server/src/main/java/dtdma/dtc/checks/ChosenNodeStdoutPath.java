package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code chosen_node_stdout_path}: {@code stdout-path} (not {@code linux,stdout-path}) is one string. */
public final class ChosenNodeStdoutPath extends DtcCheck {
    public ChosenNodeStdoutPath() {
        super("chosen_node_stdout_path", Code.DC034, true);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (!node.name().equals("chosen")) {
            return;
        }
        Property p = node.property("stdout-path");
        if (p == null) {
            p = node.property("linux,stdout-path");
            if (p == null) {
                return;
            }
            run.fail(node, p, "Use 'stdout-path' instead");
        }
        if (!DtcRun.isOneString(p)) {
            run.fail(node, p, "property is not a string");
        }
    }
}
