package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/**
 * DL008: DL_FLAG_SYNC_STATE_ONLY mixed with non-marker flags, or the consumer is already bound: device_link_add
 * returns NULL. Also reports device_link_add's one other NULL return, a supplier that is not registered
 * (!device_pm_initialized), which the simulation does not reach: a channel device is deleted only when its
 * controller unregisters, and requests to an unregistered controller defer before any link is made.
 */
public final class SyncStateOnlyMisuse extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL008;
    }

    /** The failures no other DL check claims: the SYNC_STATE_ONLY rules, and an unregistered supplier. */
    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.SYNC_STATE_ONLY_MIXED,
            DriverCore.AddFailure.SYNC_STATE_ONLY_BOUND, DriverCore.AddFailure.SUPPLIER_NOT_REGISTERED);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
