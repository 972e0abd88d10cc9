package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's "property is not a string" checks: a named property, where present, must be one NUL-terminated string. */
public abstract class IsStringCheck extends PropertyCheck {
    protected IsStringCheck(String name, Code code, String property) {
        super(name, code, property);
    }

    @Override
    protected void check(DtcRun run, Node node, Property p) {
        if (!DtcRun.isOneString(p)) {
            run.fail(node, p, "property is not a string");
        }
    }
}
