package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import java.util.List;

/** DL012: a PM_RUNTIME link on an irq-safe consumer: link runtime PM is skipped. */
public final class IrqSafeConsumer extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL012;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        if (record instanceof DevlinkRecord.LinkAdd a && judged(a) && a.consumerIrqSafe()) {
            out.add(finding(a, a.call() + ": " + a.consumer().device() + " uses irq-safe runtime PM, so __rpm_callback"
                    + " and rpm_suspend skip its supplier links; the link has no runtime-PM effect"));
        }
    }

    /**
     * Whether the call made a runtime-PM link this rule judges: any made by fw_devlink, and those made by a
     * dmaengine mode except an existing fw_devlink link returned again (judged when it was made).
     */
    private static boolean judged(DevlinkRecord.LinkAdd a) {
        return !a.failed() && a.linkHas(DlFlags.PM_RUNTIME) && (a.origin() == DevlinkRecord.Origin.FW_DEVLINK
                || !(a.result().existing() && a.linkHas(DlFlags.INFERRED)));
    }
}
