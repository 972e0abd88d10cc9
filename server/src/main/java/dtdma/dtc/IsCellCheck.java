package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's "property is not a single cell" checks: a named property, where present, must be one 32-bit cell. */
public abstract class IsCellCheck extends PropertyCheck {
    protected IsCellCheck(String name, Code code, String property) {
        super(name, code, property);
    }

    @Override
    protected void check(DtcRun run, Node node, Property p) {
        if (p.value().length() != 4) {
            run.fail(node, p, "property is not a single cell");
        }
    }
}
