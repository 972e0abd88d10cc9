package dtdma.devlink;

/** {@code enum dl_dev_state}: a device's driver presence as device links see it. */
public enum DevState {
    NO_DRIVER, PROBING, BOUND, UNBINDING
}
