package dtdma.devlink;

/**
 * One device link ({@code struct device_link}): consumer, supplier, flags, status, kref, and the runtime-PM
 * reference counter {@code rpm_active} (baseline 1; the supplier references it holds are {@code rpm_active - 1}).
 */
public final class Link {
    final Device consumer;
    final Device supplier;
    int flags;
    LinkStatus status;
    int kref = 1;
    int rpmActive = 1;
    boolean supplierPreactivated;
    boolean deleted;

    Link(Device consumer, Device supplier, int flags) {
        this.consumer = consumer;
        this.supplier = supplier;
        this.flags = flags;
    }

    public Device consumer() {
        return consumer;
    }

    public Device supplier() {
        return supplier;
    }

    public int flags() {
        return flags;
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean managed() {
        return has(DlFlags.MANAGED);
    }

    public LinkStatus status() {
        return status;
    }

    public int kref() {
        return kref;
    }

    public int rpmActive() {
        return rpmActive;
    }

    /** Whether the core deleted the link. */
    public boolean deleted() {
        return deleted;
    }

    /** The sysfs name of the link device, {@code platform:SUPPLIER--platform:CONSUMER}. */
    public String sysfsName() {
        return supplier.bus() + ":" + supplier.name() + "--" + consumer.bus() + ":" + consumer.name();
    }

    @Override
    public String toString() {
        return consumer.name() + " -> " + supplier.name() + " [" + DlFlags.format(flags) + ", " + status.sysfs() + "]";
    }
}
