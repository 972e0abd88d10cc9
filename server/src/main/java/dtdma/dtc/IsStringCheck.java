package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's "property is not a string" checks: a named property, where present, must be one NUL-terminated string. */
public abstract class IsStringCheck extends DtcCheck {
    private final String property;

    protected IsStringCheck(String name, Code code, String property) {
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
        if (p != null && !DtcRun.isOneString(p)) {
            run.fail(node, p, "property is not a string");
        }
    }
}
