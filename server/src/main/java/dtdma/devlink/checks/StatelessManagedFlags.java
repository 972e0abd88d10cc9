package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL002: DL_FLAG_STATELESS with a managed-link flag (Frank Li's sketch): device_link_add returns NULL. */
public final class StatelessManagedFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL002;
    }

    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.STATELESS_MANAGED);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
