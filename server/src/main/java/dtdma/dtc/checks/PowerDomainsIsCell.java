package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code power_domains_is_cell}: {@code #power-domain-cells} must be one cell. */
public final class PowerDomainsIsCell extends IsCellCheck {
    public PowerDomainsIsCell() {
        super("power_domains_is_cell", Code.DC058, "#power-domain-cells");
    }
}
