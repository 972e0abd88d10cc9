package dtdma.devlink;

import java.util.Locale;

/**
 * The link-creation modes of the simulator (domain document E.3): what {@code dma_request_chan()} does after it
 * got a channel. fw_devlink.strict is not a mode but a flag combinable with each ({@link DevlinkSettings}).
 */
public enum Mode {
    /** Mainline: no device link. */
    NONE("none"),
    /** Felsch v1 09/11: {@code device_link_add(dev, chan->device->dev, DL_FLAG_AUTOREMOVE_CONSUMER)}. */
    FELSCH_V1("felsch-v1"),
    /** Felsch "Add DMA devlink support" 1/2: the same, only for controllers with {@code create_devlink}. */
    FELSCH_V2("felsch-v2"),
    /** Frank Li's sketch as written: to the channel device, STATELESS|PM_RUNTIME|AUTOREMOVE_CONSUMER[|RPM_ACTIVE]. */
    FRANK_SKETCH("frank-sketch"),
    /** Frank Li's idea with legal flags: to the channel device, STATELESS|PM_RUNTIME; deleted on release. */
    FRANK_LEGAL("frank-legal"),
    /** User-given flags and supplier (controller or channel). */
    CUSTOM("custom");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    /** The name users type, e.g. {@code felsch-v2}. */
    public String id() {
        return id;
    }

    /** Parses a mode name; {@code fw_devlink-strict} alone is accepted by {@link DevlinkSettings#parse}. */
    public static Mode parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Mode m : values()) {
            if (m.id.equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown device-link mode '" + s
                + "' (none, felsch-v1, felsch-v2, frank-sketch, frank-legal, custom, fw_devlink-strict)");
    }
}
