package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL007: consumer == supplier or the supplier depends on the consumer: device_is_dependent, device_link_add returns NULL. */
public final class LinkCycle extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL007;
    }

    private static final Set<DriverCore.AddFailure> FAILURES = Set.of(DriverCore.AddFailure.NULL_OR_SAME,
            DriverCore.AddFailure.CYCLE);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        failedLink(record, FAILURES, out);
    }
}
