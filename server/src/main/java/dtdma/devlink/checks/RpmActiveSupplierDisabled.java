package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL005: PM_RUNTIME|RPM_ACTIVE to a supplier whose runtime PM is disabled: pm_runtime_get_sync returns -EACCES and device_link_add returns NULL. */
public final class RpmActiveSupplierDisabled extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL005;
    }

    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.RPM_GET_FAILED);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
