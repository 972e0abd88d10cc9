package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code power_domains_property}: each entry of {@code power-domains} is a phandle reference followed by the target's {@code #power-domain-cells} cells. */
public final class PowerDomainsProperty extends PhandleArgsCheck {
    public PowerDomainsProperty() {
        super("power_domains_property", Code.DC057, "power-domains", "#power-domain-cells", false, "power_domains_is_cell");
    }
}
