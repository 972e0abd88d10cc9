package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;
import dtdma.tree.Property;

/** dtc's {@code deprecated_gpio_property}: GPIO properties are named {@code gpios} / {@code *-gpios}. */
public final class DeprecatedGpioProperty extends DtcCheck {
    public DeprecatedGpioProperty() {
        super("deprecated_gpio_property", Code.DC067, false);
    }

    @Override
    protected void check(DtcRun run, Node node) {
        for (Property p : node.properties()) {
            if (!GpiosProperty.isGpio(p.name())) {
                continue;
            }
            String n = p.name();
            if (n.equals("gpio") || n.endsWith("-gpio")) {
                run.fail(node, p, "'[*-]gpio' is deprecated, use '[*-]gpios' instead");
            }
        }
    }
}
