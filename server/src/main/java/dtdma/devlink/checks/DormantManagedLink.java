package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL009: a managed link to a supplier that never gets a driver (a dma<N>chan<M> channel device): the link stays dormant and device_links_driver_bound WARNs. */
public final class DormantManagedLink extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL009;
    }
}
