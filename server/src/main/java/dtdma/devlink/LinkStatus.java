package dtdma.devlink;

/** {@code enum device_link_state}, with the sysfs {@code status} strings. */
public enum LinkStatus {
    NONE("not tracked"),
    DORMANT("dormant"),
    AVAILABLE("available"),
    CONSUMER_PROBE("consumer probing"),
    ACTIVE("active"),
    SUPPLIER_UNBIND("supplier unbinding");

    private final String sysfs;

    LinkStatus(String sysfs) {
        this.sysfs = sysfs;
    }

    /** The text of the link's sysfs {@code status} attribute. */
    public String sysfs() {
        return sysfs;
    }
}
