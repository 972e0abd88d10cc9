package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL001: flags with unknown bits or DL_FLAG_MANAGED: device_link_add returns NULL (flags \& ~DL_ADD_VALID_FLAGS). */
public final class InvalidLinkFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL001;
    }

    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.INVALID_FLAGS);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
