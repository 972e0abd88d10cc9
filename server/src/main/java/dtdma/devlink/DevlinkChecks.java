package dtdma.devlink;

import dtdma.check.Check;
import dtdma.devlink.checks.AutoprobeWithAutoremove;
import dtdma.devlink.checks.BothAutoremoveFlags;
import dtdma.devlink.checks.DormantManagedLink;
import dtdma.devlink.checks.ExistingLinkMerge;
import dtdma.devlink.checks.FindingCheck;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The device-link checks (DL0xx), in code order, and the one place their rules run over a simulation's records. */
public final class DevlinkChecks {
    /**
     * The rules in the order their findings arise within one record: the notes device_link_add makes (in the order
     * it makes them), its failure, then what the link it returned means.
     */
    private static final List<FindingCheck> RULES = List.of(new RpmActiveIgnored(), new BothAutoremoveFlags(),
            new ExistingLinkMerge(), new InvalidLinkFlags(), new StatelessManagedFlags(), new AutoprobeWithAutoremove(),
            new RpmActiveSupplierDisabled(), new LinkCycle(), new SyncStateOnlyMisuse(), new StatelessNoOrdering(),
            new IrqSafeConsumer(), new SupplierRpmDisabled(), new DormantManagedLink(), new LinkDoesNotGateProbe(),
            new UnbindWithActiveClients());

    private DevlinkChecks() {
    }

    /** The findings of every DL rule over {@code records}, without duplicates, in the order they arose. */
    public static List<Finding> findings(List<DevlinkRecord> records) {
        Set<Finding> out = new LinkedHashSet<>();
        List<Finding> one = new ArrayList<>();
        for (DevlinkRecord r : records) {
            for (FindingCheck c : RULES) {
                c.judge(r, one);
                out.addAll(one);
                one.clear();
            }
        }
        return List.copyOf(out);
    }

    public static List<Check<DevlinkModel>> all() {
        return List.of(new InvalidLinkFlags(), new StatelessManagedFlags(), new AutoprobeWithAutoremove(),
                new BothAutoremoveFlags(), new RpmActiveSupplierDisabled(), new RpmActiveIgnored(), new LinkCycle(),
                new SyncStateOnlyMisuse(), new DormantManagedLink(), new ExistingLinkMerge(), new StatelessNoOrdering(),
                new IrqSafeConsumer(), new SupplierRpmDisabled(), new UnbindWithActiveClients(),
                new LinkDoesNotGateProbe());
    }
}
