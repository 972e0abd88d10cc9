package dtdma.dtc;

import dtdma.check.Code;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * A dtc check of one named property: it visits only the nodes that have it ({@link #keyProperty()}) and looks at
 * that property there (the shape of dtc's {@code WARNING_IF_NOT_CELL}, {@code WARNING_IF_NOT_STRING} and
 * phandle-list checks).
 */
public abstract class PropertyCheck extends DtcCheck {
    private final String property;

    protected PropertyCheck(String name, Code code, String property, String... prerequisites) {
        super(name, code, true, prerequisites);
        this.property = property;
    }

    @Override
    protected final String keyProperty() {
        return property;
    }

    @Override
    protected final void check(DtcRun run, Node node) {
        Property p = node.property(property);
        if (p != null) {
            check(run, node, p);
        }
    }

    /** Checks the property on a node that has it. */
    protected abstract void check(DtcRun run, Node node, Property p);
}
