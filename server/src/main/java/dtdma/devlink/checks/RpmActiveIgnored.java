package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL006: DL_FLAG_RPM_ACTIVE without DL_FLAG_PM_RUNTIME: ignored. */
public final class RpmActiveIgnored extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL006;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        noted(record, Set.of(DriverCore.NoteKind.RPM_ACTIVE_IGNORED), "", out);
    }
}
