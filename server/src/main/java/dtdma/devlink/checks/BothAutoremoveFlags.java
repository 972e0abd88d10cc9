package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL004: both AUTOREMOVE flags: accepted, AUTOREMOVE_CONSUMER is dropped (prefer AUTOREMOVE_SUPPLIER). */
public final class BothAutoremoveFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL004;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        noted(record, Set.of(DriverCore.NoteKind.AUTOREMOVE_BOTH), "", out);
    }
}
