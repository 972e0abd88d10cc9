package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL008: DL_FLAG_SYNC_STATE_ONLY mixed with non-marker flags, or the consumer is already bound: device_link_add returns NULL. */
public final class SyncStateOnlyMisuse extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL008;
    }
}
