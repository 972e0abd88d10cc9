package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.dtc.PhandleArgsCheck;
import dtdma.tree.Node;
import dtdma.tree.Property;

/**
 * dtc's {@code gpios_property}: {@code gpios}, {@code *-gpios}, {@code gpio} and {@code *-gpio} (but not
 * {@code *,nr-gpios}) are phandle lists against {@code #gpio-cells}; GPIO hogs are exempt.
 */
public final class GpiosProperty extends DtcCheck {
    public GpiosProperty() {
        super("gpios_property", Code.DC068, true, "phandle_references");
    }

    static boolean isGpio(String n) {
        if (n.endsWith(",nr-gpios")) {
            return false;
        }
        return n.endsWith("-gpios") || n.equals("gpios") || n.endsWith("-gpio") || n.equals("gpio");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        if (node.property("gpio-hog") != null) {
            return; // a hog's gpios are the controller's own lines, without phandles
        }
        for (Property p : node.properties()) {
            if (isGpio(p.name())) {
                PhandleArgsCheck.checkArgs(run, node, p, "#gpio-cells", false);
            }
        }
    }
}
