package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import dtdma.devlink.LinkStatus;
import dtdma.dma.DriverRequests;
import java.util.List;

/** DL015: a link made by dma_request_chan during or after the consumer's probe starts consumer-probing or active and gates nothing (Laurent Pinchart's point). */
public final class LinkDoesNotGateProbe extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL015;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a == null || a.failed() || !a.linkHas(DlFlags.MANAGED) || a.result().existing()
                || (a.linkStatus() != LinkStatus.CONSUMER_PROBE && a.linkStatus() != LinkStatus.ACTIVE)) {
            return;
        }
        DriverRequests.Driver m = a.consumer().model();
        String when = a.consumer().requestsAtProbe()
                ? "it is made inside " + (m.assumed() ? "the consumer's probe (assumed: " + m.where() + ")"
                        : m.name() + "'s probe (" + m.where() + ")")
                        + " after the channel was obtained, so it does not gate that probe"
                : "it is made " + (m.when() == DriverRequests.When.PROBE ? "by a later request"
                        : m.when().text() + " (" + m.where() + ")")
                        + ", after the consumer bound, so it gates no probe at all";
        out.add(finding(a, a.call() + ": the link starts " + a.linkStatus().sysfs() + " (device_link_init_status): "
                + when + "; it orders later unbinds"));
    }
}
