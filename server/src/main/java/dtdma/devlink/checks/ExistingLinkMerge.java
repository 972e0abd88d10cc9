package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import java.util.List;
import java.util.Set;

/** DL010: the link already exists (e.g. made by fw_devlink) and the merge rules of device_link_add do not apply the requested AUTOREMOVE flag. */
public final class ExistingLinkMerge extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL010;
    }

    private static final Set<DriverCore.NoteKind> KINDS = Set.of(DriverCore.NoteKind.MERGE_AUTOREMOVE_NOT_ADDED,
            DriverCore.NoteKind.MERGE_AUTOREMOVE_CLEARED);

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a == null) {
            return;
        }
        noted(a, KINDS, " (device_link_add() on an existing link, drivers/base/core.c"
                + (!a.failed() && a.linkHas(DlFlags.INFERRED) || a.fwDevlinkStrict()
                        ? "; the link was made by fw_devlink" : "") + ")", out);
    }
}
