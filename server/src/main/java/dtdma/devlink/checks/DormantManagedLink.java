package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.Device;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import java.util.List;

/** DL009: a managed link to a supplier that never gets a driver (a dma<N>chan<M> channel device): the link stays dormant and device_links_driver_bound WARNs. */
public final class DormantManagedLink extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL009;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a != null && !a.failed() && a.linkHas(DlFlags.MANAGED) && !a.supplierHasDriver()) {
            out.add(finding(a, a.call() + ": " + a.supplier() + " never gets a driver, so the managed link stays "
                    + a.linkStatus().sysfs() + "; device_links_driver_bound WARNs when " + a.consumer().device()
                    + " binds, and a link that survives unbind makes the next probe defer: \"supplier "
                    + a.supplier() + " not ready\""));
        }
        // the WARN itself, when the consumer binds with a managed link to a channel device
        if (record instanceof DevlinkRecord.KernelWarn w && w.function().equals("device_links_driver_bound")
                && w.supplierKind() == Device.Kind.CHANNEL) {
            out.add(new Finding(code(), w.consumer(), w.specifier(), "WARNING in " + w.function() + ": "
                    + w.message()));
        }
    }
}
