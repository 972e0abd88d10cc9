package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code unique_unit_address_if_enabled}: as {@code unique_unit_address}, among nodes not disabled. */
public final class UniqueUnitAddressIfEnabled extends DtcCheck {
    public UniqueUnitAddressIfEnabled() {
        super("unique_unit_address_if_enabled", Code.DC030, false, "avoid_default_addr_size");
    }

    @Override
    protected void check(DtcRun run, Node node) {
        UniqueUnitAddress.check(run, node, true);
    }
}
