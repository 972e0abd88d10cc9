package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL007: consumer == supplier or the supplier depends on the consumer: device_is_dependent, device_link_add returns NULL. */
public final class LinkCycle extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL007;
    }
}
