package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL003: DL_FLAG_AUTOPROBE_CONSUMER with DL_FLAG_AUTOREMOVE_*: device_link_add returns NULL. */
public final class AutoprobeWithAutoremove extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL003;
    }

    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.AUTOPROBE_AUTOREMOVE);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
