package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.Device;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import java.util.List;

/** DL013: a PM_RUNTIME link to a supplier with runtime PM disabled: rpm_get_suppliers ignores -EACCES, no power effect. */
public final class SupplierRpmDisabled extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL013;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        if (record instanceof DevlinkRecord.LinkAdd a && judged(a) && a.supplierRpmDisabled()) {
            out.add(finding(a, a.call() + ": runtime PM of " + a.supplier() + " is disabled, rpm_get_suppliers"
                    + " ignores -EACCES: no power effect"
                    + (a.supplier().kind() == Device.Kind.CHANNEL ? " (dma_devclass has no PM ops)" : "")));
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
