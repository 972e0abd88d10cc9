package dtdma.devlink;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver core as the simulator needs it: {@code device_link_add} with every rule of
 * {@code drivers/base/core.c} in the kernel's order, the link lifecycle around probe and unbind
 * ({@code device_links_check_suppliers}, {@code device_links_driver_bound}, {@code device_links_no_driver},
 * {@code __device_release_driver} with the forced unbind of consumers, {@code device_links_purge}), a
 * deferred-probe queue, and runtime PM with link and parent propagation ({@code drivers/base/power/runtime.c}).
 * Every call it makes is written to a trace, and every kernel WARN is recorded.
 */
public final class DriverCore {
    public static final int EPROBE_DEFER = -517;
    public static final int ENODEV = -19;
    public static final int EINVAL = -22;
    public static final int EACCES = -13;
    public static final int EAGAIN = -11;
    public static final int EBUSY = -16;

    /** Why {@code device_link_add} returned NULL, which rule (1-based step of the domain document C.3). */
    public enum AddFailure {
        NULL_OR_SAME(1), INVALID_FLAGS(2), STATELESS_MANAGED(3), AUTOPROBE_AUTOREMOVE(4), RPM_GET_FAILED(5),
        SYNC_STATE_ONLY_MIXED(7), SUPPLIER_NOT_REGISTERED(8), CYCLE(9), SYNC_STATE_ONLY_BOUND(10);

        private final int step;

        AddFailure(int step) {
            this.step = step;
        }

        public int step() {
            return step;
        }
    }

    /**
     * The result of one {@code device_link_add}.
     *
     * @param link     the new or existing link, or null
     * @param failure  the first failing rule when link is null
     * @param reason   the kernel's reason for a failure, or a note on what the call did
     * @param existing whether an existing link was returned (C.4)
     * @param notes    side notes: flags dropped or ignored, merge effects
     */
    public record AddResult(Link link, AddFailure failure, String reason, boolean existing, List<Note> notes) {
    }

    /** A side effect of {@code device_link_add} worth reporting. */
    public enum NoteKind {
        AUTOREMOVE_BOTH, RPM_ACTIVE_IGNORED, MERGE_AUTOREMOVE_NOT_ADDED, MERGE_INFERRED_CLEARED, MERGE_AUTOREMOVE_CLEARED
    }

    /** One note of an {@link AddResult}. */
    public record Note(NoteKind kind, String message) {
    }

    /** A kernel WARN (or warning message) the simulation hit. */
    public record Warn(String function, String message, Link link, Device device) {
    }

    private final List<String> trace = new ArrayList<>();
    private final List<Warn> warns = new ArrayList<>();
    private final List<Device> deferred = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private int depth;
    private boolean triggering;

    // ------------------------------------------------------------------------------------------------ trace

    /** Adds a line to the trace at the current call depth. */
    public void trace(String line) {
        trace.add("  ".repeat(depth) + line);
    }

    public List<String> trace() {
        return trace;
    }

    /** Takes the trace lines written since the last call. */
    public List<String> drainTrace() {
        List<String> out = new ArrayList<>(trace);
        trace.clear();
        return out;
    }

    public List<Warn> warns() {
        return warns;
    }

    private void warn(String function, String message, Link link, Device device) {
        warns.add(new Warn(function, message, link, device));
        trace("WARNING in " + function + ": " + message);
    }

    /** Every live link, in creation order. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    public List<Device> deferredQueue() {
        return List.copyOf(deferred);
    }

    // ------------------------------------------------------------------------------------------ device_link_add

    /** {@code device_link_add(consumer, supplier, flags)}. */
    public AddResult deviceLinkAdd(Device consumer, Device supplier, int flags) {
        trace("device_link_add(" + consumer + ", " + supplier + ", " + DlFlags.format(flags) + ")");
        depth++;
        try {
            return add(consumer, supplier, flags);
        } finally {
            depth--;
        }
    }

    private AddResult fail(AddFailure f, String reason, List<Note> notes) {
        trace("-> NULL (" + reason + ")");
        return new AddResult(null, f, reason, false, notes);
    }

    private AddResult add(Device consumer, Device supplier, int flags) {
        List<Note> notes = new ArrayList<>();
        if (consumer == null || supplier == null || consumer == supplier) {
            return fail(AddFailure.NULL_OR_SAME, "consumer == supplier", notes);
        }
        if ((flags & ~DlFlags.ADD_VALID_FLAGS) != 0) {
            return fail(AddFailure.INVALID_FLAGS, "flags & ~DL_ADD_VALID_FLAGS = "
                    + DlFlags.format(flags & ~DlFlags.ADD_VALID_FLAGS)
                    + ((flags & DlFlags.MANAGED) != 0 ? " (DL_FLAG_MANAGED is internal and may not be passed in)" : ""),
                    notes);
        }
        if ((flags & DlFlags.STATELESS) != 0 && (flags & DlFlags.MANAGED_LINK_FLAGS) != 0) {
            return fail(AddFailure.STATELESS_MANAGED, "DL_FLAG_STATELESS with "
                    + DlFlags.format(flags & DlFlags.MANAGED_LINK_FLAGS)
                    + ": \"any combinations of them with DL_FLAG_STATELESS are invalid\" (device_link.rst)", notes);
        }
        if ((flags & DlFlags.AUTOPROBE_CONSUMER) != 0
                && (flags & (DlFlags.AUTOREMOVE_CONSUMER | DlFlags.AUTOREMOVE_SUPPLIER)) != 0) {
            return fail(AddFailure.AUTOPROBE_AUTOREMOVE,
                    "DL_FLAG_AUTOPROBE_CONSUMER together with DL_FLAG_AUTOREMOVE_CONSUMER/SUPPLIER", notes);
        }
        if ((flags & DlFlags.RPM_ACTIVE) != 0 && (flags & DlFlags.PM_RUNTIME) == 0) {
            notes.add(new Note(NoteKind.RPM_ACTIVE_IGNORED,
                    "DL_FLAG_RPM_ACTIVE without DL_FLAG_PM_RUNTIME is ignored"));
        }
        boolean tookRef = false;
        if ((flags & DlFlags.PM_RUNTIME) != 0 && (flags & DlFlags.RPM_ACTIVE) != 0) {
            int r = getSync(supplier);
            if (r < 0) {
                putNoidle(supplier);
                return fail(AddFailure.RPM_GET_FAILED, "pm_runtime_get_sync(" + supplier + ") = " + errno(r)
                        + (r == EACCES ? " (runtime PM of the supplier is disabled)" : ""), notes);
            }
            tookRef = true;
        }
        if ((flags & DlFlags.STATELESS) == 0) {
            flags |= DlFlags.MANAGED;
        }
        if ((flags & DlFlags.SYNC_STATE_ONLY) != 0 && !DlFlags.isSyncStateOnly(flags)) {
            dropRef(tookRef, supplier);
            return fail(AddFailure.SYNC_STATE_ONLY_MIXED,
                    "DL_FLAG_SYNC_STATE_ONLY mixed with " + DlFlags.format(flags & ~DlFlags.MARKER_FLAGS & ~DlFlags.SYNC_STATE_ONLY),
                    notes);
        }
        if (!supplier.registered) {
            dropRef(tookRef, supplier);
            return fail(AddFailure.SUPPLIER_NOT_REGISTERED, "!device_pm_initialized(" + supplier + ")", notes);
        }
        if ((flags & DlFlags.SYNC_STATE_ONLY) == 0 && isDependent(consumer, supplier, 0)) {
            dropRef(tookRef, supplier);
            return fail(AddFailure.CYCLE, "device_is_dependent(" + consumer + ", " + supplier
                    + "): the link would form a cycle", notes);
        }
        if ((flags & DlFlags.SYNC_STATE_ONLY) != 0 && consumer.state != DevState.NO_DRIVER
                && consumer.state != DevState.PROBING) {
            dropRef(tookRef, supplier);
            return fail(AddFailure.SYNC_STATE_ONLY_BOUND, "DL_FLAG_SYNC_STATE_ONLY but the consumer is "
                    + consumer.state, notes);
        }
        if ((flags & DlFlags.AUTOREMOVE_SUPPLIER) != 0 && (flags & DlFlags.AUTOREMOVE_CONSUMER) != 0) {
            flags &= ~DlFlags.AUTOREMOVE_CONSUMER;
            notes.add(new Note(NoteKind.AUTOREMOVE_BOTH,
                    "DL_FLAG_AUTOREMOVE_CONSUMER dropped: \"prefer DL_FLAG_AUTOREMOVE_SUPPLIER\""));
        }
        for (Link l : supplier.consumers) {
            if (l.consumer == consumer) {
                return merge(l, flags, notes);
            }
        }
        Link l = new Link(consumer, supplier, flags);
        if ((flags & DlFlags.PM_RUNTIME) != 0) {
            if ((flags & DlFlags.RPM_ACTIVE) != 0) {
                l.rpmActive++;
            }
            consumer.linksCount++;
        }
        l.status = (flags & DlFlags.STATELESS) != 0 ? LinkStatus.NONE : initStatus(consumer, supplier);
        if (l.status == LinkStatus.CONSUMER_PROBE && (flags & DlFlags.PM_RUNTIME) != 0) {
            trace("pm_runtime_resume(" + supplier + ") (link made during consumer probe)");
            rpmResume(supplier);
        }
        supplier.consumers.add(l);
        consumer.suppliers.add(l);
        links.add(l);
        trace("-> new link " + l.sysfsName() + " [" + DlFlags.format(l.flags) + "] status " + l.status.sysfs()
                + ", rpm_active " + l.rpmActive);
        return new AddResult(l, null, "new link", false, notes);
    }

    private void dropRef(boolean took, Device supplier) {
        if (took) {
            put(supplier);
        }
    }

    private AddResult merge(Link l, int flags, List<Note> notes) {
        if (l.has(DlFlags.INFERRED) && (flags & DlFlags.INFERRED) == 0) {
            l.flags &= ~DlFlags.INFERRED;
            notes.add(new Note(NoteKind.MERGE_INFERRED_CLEARED, "DL_FLAG_INFERRED cleared on the existing link"));
        }
        if ((flags & DlFlags.PM_RUNTIME) != 0) {
            if (!l.has(DlFlags.PM_RUNTIME)) {
                l.consumer.linksCount++;
                l.flags |= DlFlags.PM_RUNTIME;
            }
            if ((flags & DlFlags.RPM_ACTIVE) != 0) {
                l.rpmActive++;
            }
        }
        if ((flags & DlFlags.STATELESS) != 0) {
            l.kref++;
            l.flags |= DlFlags.STATELESS;
        } else {
            if ((flags & DlFlags.AUTOREMOVE_SUPPLIER) != 0) {
                l.flags &= ~DlFlags.AUTOREMOVE_CONSUMER;
                l.flags |= DlFlags.AUTOREMOVE_SUPPLIER;
            } else if ((flags & DlFlags.AUTOREMOVE_CONSUMER) == 0) {
                if (l.has(DlFlags.AUTOREMOVE_CONSUMER | DlFlags.AUTOREMOVE_SUPPLIER)) {
                    notes.add(new Note(NoteKind.MERGE_AUTOREMOVE_CLEARED,
                            "AUTOREMOVE flags cleared: the existing link becomes persistent"));
                }
                l.flags &= ~(DlFlags.AUTOREMOVE_CONSUMER | DlFlags.AUTOREMOVE_SUPPLIER);
            } else if (!l.has(DlFlags.AUTOREMOVE_CONSUMER)) {
                notes.add(new Note(NoteKind.MERGE_AUTOREMOVE_NOT_ADDED, "the link " + l.sysfsName()
                        + " already exists with " + DlFlags.format(l.flags)
                        + "; device_link_add returns it without adding DL_FLAG_AUTOREMOVE_CONSUMER"));
            }
            if (!l.managed()) {
                l.kref++;
                l.flags |= DlFlags.MANAGED;
                l.status = initStatus(l.consumer, l.supplier);
            }
            if (l.has(DlFlags.SYNC_STATE_ONLY) && (flags & DlFlags.SYNC_STATE_ONLY) == 0) {
                l.flags &= ~DlFlags.SYNC_STATE_ONLY;
            }
        }
        trace("-> existing link " + l.sysfsName() + " [" + DlFlags.format(l.flags) + "] status " + l.status.sysfs()
                + ", kref " + l.kref + ", rpm_active " + l.rpmActive);
        return new AddResult(l, null, "existing link", true, notes);
    }

    /** {@code device_link_init_status()} (C.5). */
    static LinkStatus initStatus(Device consumer, Device supplier) {
        switch (supplier.state) {
            case PROBING:
                return consumer.state == DevState.PROBING ? LinkStatus.CONSUMER_PROBE : LinkStatus.DORMANT;
            case BOUND:
                if (consumer.state == DevState.PROBING) {
                    return LinkStatus.CONSUMER_PROBE;
                }
                return consumer.state == DevState.BOUND ? LinkStatus.ACTIVE : LinkStatus.AVAILABLE;
            case UNBINDING:
                return LinkStatus.SUPPLIER_UNBIND;
            default:
                return LinkStatus.DORMANT;
        }
    }

    /** {@code device_is_dependent(dev, target)}. */
    static boolean isDependent(Device dev, Device target, int guard) {
        if (guard > 64) {
            return false;
        }
        if (dev == target) {
            return true;
        }
        for (Device p = target.parent; p != null; p = p.parent) {
            if (p == dev) {
                return true;
            }
        }
        for (Device c : dev.children) {
            if (isDependent(c, target, guard + 1)) {
                return true;
            }
        }
        for (Link l : dev.consumers) {
            if ((l.flags & (DlFlags.SYNC_STATE_ONLY | DlFlags.CYCLE)) == DlFlags.SYNC_STATE_ONLY) {
                continue;
            }
            if (l.consumer == target || isDependent(l.consumer, target, guard + 1)) {
                return true;
            }
        }
        return false;
    }

    // -------------------------------------------------------------------------------------------- link removal

    /** {@code device_link_del()}: drops one reference of a stateless link; managed links cannot be dropped. */
    public void linkDel(Link l) {
        trace("device_link_del(" + l.sysfsName() + ")");
        if (l.deleted) {
            return;
        }
        if (!l.has(DlFlags.STATELESS)) {
            warn("device_link_del", "Unable to drop a managed device link reference", l, l.consumer);
            return;
        }
        l.kref--;
        if (l.kref == 0) {
            delete(l);
        } else if (l.managed()) {
            l.flags &= ~DlFlags.STATELESS;
        }
    }

    /** {@code device_link_drop_managed()}. */
    private void dropManaged(Link l) {
        trace("device_link_drop_managed(" + l.sysfsName() + ")");
        l.flags &= ~DlFlags.MANAGED;
        l.status = LinkStatus.NONE;
        l.kref--;
        if (l.kref <= 0) {
            delete(l);
        }
    }

    /** {@code __device_link_del} and the release work: unlink, drop the runtime-PM references, idle the supplier. */
    private void delete(Link l) {
        if (l.deleted) {
            return;
        }
        l.deleted = true;
        l.consumer.suppliers.remove(l);
        l.supplier.consumers.remove(l);
        links.remove(l);
        trace("link " + l.sysfsName() + " deleted");
        depth++;
        if (l.supplierPreactivated) {
            l.supplierPreactivated = false;
            put(l.supplier);
        }
        if (l.has(DlFlags.PM_RUNTIME)) {
            l.consumer.linksCount = Math.max(0, l.consumer.linksCount - 1);
            releaseSupplier(l);
            requestIdle(l.supplier);
        }
        depth--;
    }

    /** {@code device_del()} → {@code device_links_purge()}: deletes every link of a device that goes away. */
    public void deviceDel(Device d) {
        trace("device_del(" + d + ")");
        depth++;
        for (Link l : List.copyOf(d.suppliers)) {
            if (l.status != LinkStatus.DORMANT && l.status != LinkStatus.NONE) {
                warn("device_links_purge", "consumer link " + l.sysfsName() + " still " + l.status.sysfs(), l, d);
            }
            delete(l);
        }
        for (Link l : List.copyOf(d.consumers)) {
            if (l.status == LinkStatus.ACTIVE) {
                warn("device_links_purge", "supplier link " + l.sysfsName() + " still active", l, d);
            }
            delete(l);
        }
        d.registered = false;
        if (d.parent != null) {
            d.parent.children.remove(d);
            if (d.status == RpmStatus.ACTIVE && d.parent.childCount > 0) {
                d.parent.childCount--;
            }
        }
        deferred.remove(d);
        depth--;
    }

    // ------------------------------------------------------------------------------------------- probe / unbind

    /**
     * {@code driver_probe_device()}: checks the suppliers, opens the runtime-PM probe window, runs the driver's
     * probe, then {@code device_links_driver_bound()} or {@code device_links_no_driver()}. A deferral queues the
     * device; a successful bind re-runs the deferred queue.
     */
    public int probe(Device d) {
        if (d.driver == null || !d.registered) {
            return ENODEV;
        }
        if (d.state == DevState.BOUND) {
            return 0;
        }
        trace("really_probe(" + d + ", " + d.driver.name() + ")");
        depth++;
        try {
            String missing = checkSuppliers(d);
            if (missing != null) {
                trace("-> -EPROBE_DEFER: " + missing);
                if (!deferred.contains(d)) {
                    deferred.add(d);
                }
                return EPROBE_DEFER;
            }
            getSuppliers(d);
            int ret = d.driver.probe(d);
            putSuppliers(d);
            if (ret == 0) {
                deferred.remove(d);
                driverBound(d);
                trace("-> bound");
            } else {
                noDriver(d, true);
                trace("-> probe failed " + errno(ret));
                if (ret == EPROBE_DEFER && !deferred.contains(d)) {
                    deferred.add(d);
                }
            }
            if (ret == 0) {
                triggerDeferred();
            }
            return ret;
        } finally {
            depth--;
        }
    }

    /** The reason the last probe of this device would defer on its links, or null. */
    private String checkSuppliers(Device d) {
        for (Link l : d.suppliers) {
            if (!l.managed()) {
                continue;
            }
            if (l.status != LinkStatus.AVAILABLE && !l.has(DlFlags.SYNC_STATE_ONLY)) {
                for (Link m : d.suppliers) {
                    if (m.managed() && m.status == LinkStatus.CONSUMER_PROBE) {
                        m.status = LinkStatus.AVAILABLE;
                    }
                }
                return "device_links_check_suppliers: supplier " + l.supplier + " not ready (link "
                        + l.status.sysfs() + ")";
            }
        }
        for (Link l : d.suppliers) {
            if (l.managed() && l.status == LinkStatus.AVAILABLE) {
                l.status = LinkStatus.CONSUMER_PROBE;
            }
        }
        d.state = DevState.PROBING;
        return null;
    }

    private void getSuppliers(Device d) {
        for (Link l : List.copyOf(d.suppliers)) {
            if (l.has(DlFlags.PM_RUNTIME)) {
                trace("pm_runtime_get_suppliers: get_sync(" + l.supplier + ")");
                l.supplierPreactivated = true;
                getSync(l.supplier);
            }
        }
    }

    private void putSuppliers(Device d) {
        for (Link l : List.copyOf(d.suppliers)) {
            if (l.supplierPreactivated) {
                l.supplierPreactivated = false;
                trace("pm_runtime_put_suppliers: put(" + l.supplier + ")");
                put(l.supplier);
            }
        }
    }

    /** {@code device_links_driver_bound()}. */
    private void driverBound(Device d) {
        for (Link l : List.copyOf(d.consumers)) {
            if (!l.managed() || l.status == LinkStatus.CONSUMER_PROBE || l.status == LinkStatus.ACTIVE) {
                continue;
            }
            if (l.status != LinkStatus.DORMANT) {
                warn("device_links_driver_bound", "WARN_ON(link->status != DL_STATE_DORMANT): " + l.sysfsName()
                        + " is " + l.status.sysfs(), l, d);
            }
            l.status = LinkStatus.AVAILABLE;
            if (l.has(DlFlags.AUTOPROBE_CONSUMER) && l.consumer.state != DevState.BOUND
                    && !deferred.contains(l.consumer)) {
                trace("driver_deferred_probe_add(" + l.consumer + ") (DL_FLAG_AUTOPROBE_CONSUMER)");
                deferred.add(l.consumer);
            }
        }
        for (Link l : List.copyOf(d.suppliers)) {
            if (!l.managed()) {
                continue;
            }
            if (l.has(DlFlags.SYNC_STATE_ONLY)) {
                dropManaged(l);
                continue;
            }
            if (l.status != LinkStatus.CONSUMER_PROBE) {
                warn("device_links_driver_bound", "WARN_ON(link->status != DL_STATE_CONSUMER_PROBE): link to "
                        + l.supplier + " is " + l.status.sysfs() + " (supplier " + l.supplier + ": "
                        + (l.supplier.driver == null ? "no-driver" : l.supplier.driver.name()) + ", status "
                        + l.supplier.state + ")", l, d);
            }
            l.status = LinkStatus.ACTIVE;
        }
        d.state = DevState.BOUND;
        if (d.rpmOnBind) {
            pmRuntimeEnable(d);
        }
    }

    /** {@code device_links_no_driver()} (probe failure) or {@code __device_links_no_driver()} (unbind). */
    private void noDriver(Device d, boolean probeFailed) {
        for (Link l : List.copyOf(d.suppliers)) {
            if (!l.managed()) {
                continue;
            }
            if (l.has(DlFlags.AUTOREMOVE_CONSUMER)) {
                dropManaged(l);
                continue;
            }
            if (l.status != LinkStatus.CONSUMER_PROBE && l.status != LinkStatus.ACTIVE) {
                continue;
            }
            if (l.supplier.state == DevState.BOUND) {
                l.status = LinkStatus.AVAILABLE;
            } else {
                if (!l.has(DlFlags.SYNC_STATE_ONLY)) {
                    warn("__device_links_no_driver", "WARN_ON(!(link->flags & DL_FLAG_SYNC_STATE_ONLY)): "
                            + l.sysfsName() + " goes dormant", l, d);
                }
                l.status = LinkStatus.DORMANT;
            }
        }
        if (probeFailed) {
            for (Link l : d.consumers) {
                if (l.managed() && (l.status == LinkStatus.CONSUMER_PROBE || l.status == LinkStatus.ACTIVE)) {
                    l.status = LinkStatus.DORMANT;
                }
            }
        }
        d.state = DevState.NO_DRIVER;
    }

    /**
     * {@code device_release_driver()} → {@code __device_release_driver()}: resumes the device, force-unbinds
     * every consumer with an active managed link (recursively), runs the driver's remove, then
     * {@code device_links_driver_cleanup()}.
     */
    public void releaseDriver(Device d) {
        if (d.state != DevState.BOUND || d.driver == null) {
            return;
        }
        trace("__device_release_driver(" + d + ")");
        depth++;
        getSync(d);
        int guard = 0;
        while (linksBusy(d) && guard++ < 1000) {
            unbindConsumers(d);
        }
        put(d);
        d.driver.remove(d);
        driverCleanup(d);
        depth--;
    }

    private boolean linksBusy(Device d) {
        boolean busy = false;
        for (Link l : d.consumers) {
            if (!l.managed()) {
                continue;
            }
            if (l.status == LinkStatus.CONSUMER_PROBE || l.status == LinkStatus.ACTIVE) {
                busy = true;
                break;
            }
            l.status = LinkStatus.SUPPLIER_UNBIND;
        }
        d.state = DevState.UNBINDING;
        return busy;
    }

    private void unbindConsumers(Device d) {
        for (Link l : List.copyOf(d.consumers)) {
            if (!l.managed() || l.has(DlFlags.SYNC_STATE_ONLY)) {
                continue;
            }
            LinkStatus was = l.status;
            if (was == LinkStatus.CONSUMER_PROBE) {
                trace("device_links_unbind_consumers: wait_for_device_probe()");
                l.status = LinkStatus.SUPPLIER_UNBIND;
                return;
            }
            l.status = LinkStatus.SUPPLIER_UNBIND;
            if (was == LinkStatus.ACTIVE) {
                trace("device_links_unbind_consumers(" + d + "): force unbind of consumer " + l.consumer);
                depth++;
                releaseDriver(l.consumer);
                depth--;
                return;
            }
        }
    }

    private void driverCleanup(Device d) {
        for (Link l : List.copyOf(d.consumers)) {
            if (!l.managed()) {
                continue;
            }
            if (l.has(DlFlags.AUTOREMOVE_CONSUMER)) {
                warn("device_links_driver_cleanup", "WARN_ON(link->flags & DL_FLAG_AUTOREMOVE_CONSUMER): "
                        + l.sysfsName(), l, d);
            }
            if (l.status != LinkStatus.SUPPLIER_UNBIND) {
                warn("device_links_driver_cleanup", "WARN_ON(link->status != DL_STATE_SUPPLIER_UNBIND): "
                        + l.sysfsName() + " is " + l.status.sysfs(), l, d);
            }
            if (l.status == LinkStatus.SUPPLIER_UNBIND && l.has(DlFlags.AUTOREMOVE_SUPPLIER)) {
                dropManaged(l);
            } else {
                l.status = LinkStatus.DORMANT;
            }
        }
        noDriver(d, false);
    }

    /** Re-runs the deferred-probe queue until nothing more binds ({@code driver_deferred_probe_trigger}). */
    public void triggerDeferred() {
        if (triggering) {
            return;
        }
        triggering = true;
        try {
            boolean progress = true;
            int rounds = 0;
            while (progress && !deferred.isEmpty() && rounds++ < 100) {
                progress = false;
                for (Device d : List.copyOf(deferred)) {
                    if (!deferred.contains(d)) {
                        continue;
                    }
                    deferred.remove(d);
                    trace("deferred probe of " + d);
                    if (probe(d) == 0) {
                        progress = true;
                    }
                }
            }
        } finally {
            triggering = false;
        }
    }

    // -------------------------------------------------------------------------------------------- runtime PM

    /** {@code pm_runtime_enable()}. */
    public void pmRuntimeEnable(Device d) {
        if (d.disableDepth > 0) {
            d.disableDepth--;
            if (d.disableDepth == 0) {
                d.lastStatus = RpmStatus.INVALID;
            }
        }
    }

    /** {@code pm_runtime_disable()}. */
    public void pmRuntimeDisable(Device d) {
        if (d.disableDepth == 0) {
            d.lastStatus = d.status;
        }
        d.disableDepth++;
    }

    /** {@code pm_runtime_get_sync()}: usage_count++, then resume. */
    public int getSync(Device d) {
        d.usageCount++;
        int r = rpmResume(d);
        trace("pm_runtime_get_sync(" + d + ") = " + errno(r) + " (usage_count " + d.usageCount + ")");
        return r;
    }

    /** {@code pm_runtime_put_noidle()}. */
    public int putNoidle(Device d) {
        if (d.usageCount <= 0) {
            warn("rpm_drop_usage_count", "Runtime PM usage count underflow! (" + d + ")", null, d);
            return EINVAL;
        }
        d.usageCount--;
        return 0;
    }

    /** {@code pm_runtime_put_sync()}: usage_count--, then idle (suspend when allowed). */
    public int put(Device d) {
        int r = putNoidle(d);
        if (r < 0) {
            return r;
        }
        trace("pm_runtime_put(" + d + ") (usage_count " + d.usageCount + ")");
        if (d.usageCount == 0) {
            return requestIdle(d);
        }
        return 0;
    }

    /** {@code pm_request_idle()}, run synchronously: suspends when the counts allow it. */
    public int requestIdle(Device d) {
        if (d.disableDepth > 0 || d.status != RpmStatus.ACTIVE || d.usageCount != 0
                || (!d.ignoreChildren && d.childCount != 0)) {
            return 0;
        }
        return rpmSuspend(d);
    }

    /** {@code rpm_resume()}. */
    public int rpmResume(Device d) {
        if (d.disableDepth > 0) {
            return d.status == RpmStatus.ACTIVE && d.lastStatus == RpmStatus.ACTIVE ? 1 : EACCES;
        }
        if (d.status == RpmStatus.ACTIVE) {
            return 1;
        }
        Device p = d.irqSafe ? null : d.parent;
        if (p != null) {
            p.usageCount++;
            if (p.disableDepth == 0 && !p.ignoreChildren) {
                rpmResume(p);
                if (p.status != RpmStatus.ACTIVE) {
                    p.usageCount--;
                    return EBUSY;
                }
            }
        }
        if (!d.irqSafe && d.linksCount > 0) {
            int r = getLinkSuppliers(d);
            if (r < 0) {
                putLinkSuppliers(d);
                if (p != null) {
                    p.usageCount--;
                }
                return r;
            }
        }
        d.status = RpmStatus.ACTIVE;
        trace(d + " runtime-resumed");
        if (p != null) {
            p.childCount++;
            p.usageCount--;
        }
        return 0;
    }

    /** {@code rpm_suspend()}. */
    public int rpmSuspend(Device d) {
        if (d.disableDepth > 0) {
            return EACCES;
        }
        if (d.status == RpmStatus.SUSPENDED) {
            return 1;
        }
        if (d.usageCount != 0) {
            return EAGAIN;
        }
        if (!d.ignoreChildren && d.childCount != 0) {
            return EBUSY;
        }
        if (d.useAutosuspend && d.autosuspendDelay < 0) {
            return EAGAIN;
        }
        if (d.useAutosuspend && d.autosuspendDelay > 0) {
            trace("(autosuspend of " + d + " after " + d.autosuspendDelay + " ms)");
        }
        d.status = RpmStatus.SUSPENDED;
        trace(d + " runtime-suspended");
        boolean useLinks = !d.irqSafe && d.linksCount > 0;
        if (useLinks) {
            putLinkSuppliers(d);
        }
        Device p = d.irqSafe ? null : d.parent;
        if (p != null) {
            if (p.childCount > 0) {
                p.childCount--;
            }
            if (!p.ignoreChildren) {
                requestIdle(p);
            }
        }
        if (useLinks) {
            for (Link l : List.copyOf(d.suppliers)) {
                requestIdle(l.supplier);
            }
        }
        return 0;
    }

    /** {@code rpm_get_suppliers()}: a get_sync per PM_RUNTIME link; -EACCES is ignored. */
    private int getLinkSuppliers(Device d) {
        for (Link l : List.copyOf(d.suppliers)) {
            if (!l.has(DlFlags.PM_RUNTIME)) {
                continue;
            }
            int r = getSync(l.supplier);
            if (r < 0 && r != EACCES) {
                putNoidle(l.supplier);
                return r;
            }
            if (r == EACCES) {
                trace("rpm_get_suppliers: -EACCES from " + l.supplier + " ignored (runtime PM disabled)");
            }
            l.rpmActive++;
        }
        return 0;
    }

    /** {@code __rpm_put_suppliers(dev, false)}. */
    private void putLinkSuppliers(Device d) {
        for (Link l : List.copyOf(d.suppliers)) {
            releaseSupplier(l);
        }
    }

    /** {@code pm_runtime_release_supplier()}. */
    private void releaseSupplier(Link l) {
        while (l.rpmActive > 1 && l.supplier.usageCount > 0) {
            l.rpmActive--;
            putNoidle(l.supplier);
        }
    }

    /** A driver's remove: runtime PM disabled and the device set suspended, dropping its link references. */
    public void disableAndSuspend(Device d) {
        if (d.status == RpmStatus.ACTIVE) {
            d.status = RpmStatus.SUSPENDED;
            if (!d.irqSafe) {
                putLinkSuppliers(d);
                for (Link l : List.copyOf(d.suppliers)) {
                    requestIdle(l.supplier);
                }
            }
            if (d.parent != null && d.parent.childCount > 0) {
                d.parent.childCount--;
                requestIdle(d.parent);
            }
        }
        d.usageCount = 0;
        if (d.disableDepth == 0) {
            pmRuntimeDisable(d);
        }
    }

    /** The errno as the kernel names it, e.g. {@code -EACCES}, or the number. */
    public static String errno(int r) {
        switch (r) {
            case EPROBE_DEFER:
                return "-EPROBE_DEFER";
            case ENODEV:
                return "-ENODEV";
            case EINVAL:
                return "-EINVAL";
            case EACCES:
                return "-EACCES";
            case EAGAIN:
                return "-EAGAIN";
            case EBUSY:
                return "-EBUSY";
            default:
                return String.valueOf(r);
        }
    }
}
