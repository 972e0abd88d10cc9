package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's "property is not a single cell" checks: a named property, where present, must be one 32-bit cell. */
public abstract class IsCellCheck extends DtcCheck {
    private final String property;

    protected IsCellCheck(String name, Code code, String property) {
        super(name, code, true);
        this.property = property;
    }

    @Override
    protected String keyProperty() {
        return property;
    }

    @Override
    protected void check(DtcRun run, Node node) {
        Property p = node.property(property);
        if (p != null && p.value().length() != 4) {
            run.fail(node, p, "property is not a single cell");
        }
    }
}
