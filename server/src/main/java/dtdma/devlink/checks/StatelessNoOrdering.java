package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import java.util.List;

/** DL011: a stateless link: no probe or remove ordering (Marco Felsch's objection). */
public final class StatelessNoOrdering extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL011;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a != null && !a.failed() && a.linkHas(DlFlags.STATELESS)) {
            out.add(finding(a, a.call() + ": stateless link, no probe or remove ordering (\"stateless/unmanaged"
                    + " links don't guarantee the correct remove order\", Documentation/driver-api/device_link.rst)"));
        }
    }
}
