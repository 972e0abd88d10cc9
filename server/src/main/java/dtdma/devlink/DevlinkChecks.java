package dtdma.devlink;

import dtdma.check.Check;
import dtdma.devlink.checks.AutoprobeWithAutoremove;
import dtdma.devlink.checks.BothAutoremoveFlags;
import dtdma.devlink.checks.DormantManagedLink;
import dtdma.devlink.checks.ExistingLinkMerge;
import dtdma.devlink.checks.InvalidLinkFlags;
import dtdma.devlink.checks.IrqSafeConsumer;
import dtdma.devlink.checks.LinkCycle;
import dtdma.devlink.checks.LinkDoesNotGateProbe;
import dtdma.devlink.checks.RpmActiveIgnored;
import dtdma.devlink.checks.RpmActiveSupplierDisabled;
import dtdma.devlink.checks.StatelessManagedFlags;
import dtdma.devlink.checks.StatelessNoOrdering;
import dtdma.devlink.checks.SupplierRpmDisabled;
import dtdma.devlink.checks.SyncStateOnlyMisuse;
import dtdma.devlink.checks.UnbindWithActiveClients;
import java.util.List;

/** The device-link checks (DL0xx), in code order. */
public final class DevlinkChecks {
    private DevlinkChecks() {
    }

    public static List<Check<DevlinkModel>> all() {
        return List.of(new InvalidLinkFlags(), new StatelessManagedFlags(), new AutoprobeWithAutoremove(),
                new BothAutoremoveFlags(), new RpmActiveSupplierDisabled(), new RpmActiveIgnored(), new LinkCycle(),
                new SyncStateOnlyMisuse(), new DormantManagedLink(), new ExistingLinkMerge(), new StatelessNoOrdering(),
                new IrqSafeConsumer(), new SupplierRpmDisabled(), new UnbindWithActiveClients(),
                new LinkDoesNotGateProbe());
    }
}
