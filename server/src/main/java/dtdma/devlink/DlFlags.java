package dtdma.devlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code DL_FLAG_*} bits of {@code include/linux/device.h} and the helper masks of
 * {@code drivers/base/core.c}, with parsing and printing.
 */
public final class DlFlags {
    public static final int STATELESS = 1;
    public static final int AUTOREMOVE_CONSUMER = 1 << 1;
    public static final int PM_RUNTIME = 1 << 2;
    public static final int RPM_ACTIVE = 1 << 3;
    public static final int AUTOREMOVE_SUPPLIER = 1 << 4;
    public static final int AUTOPROBE_CONSUMER = 1 << 5;
    public static final int MANAGED = 1 << 6;
    public static final int SYNC_STATE_ONLY = 1 << 7;
    public static final int INFERRED = 1 << 8;
    public static final int CYCLE = 1 << 9;

    /** {@code DL_MANAGED_LINK_FLAGS}. */
    public static final int MANAGED_LINK_FLAGS = AUTOREMOVE_CONSUMER | AUTOREMOVE_SUPPLIER | AUTOPROBE_CONSUMER
            | SYNC_STATE_ONLY | INFERRED | CYCLE;
    /** {@code DL_ADD_VALID_FLAGS}. */
    public static final int ADD_VALID_FLAGS = MANAGED_LINK_FLAGS | STATELESS | PM_RUNTIME | RPM_ACTIVE;
    /** {@code DL_MARKER_FLAGS}. */
    public static final int MARKER_FLAGS = INFERRED | CYCLE | MANAGED;
    /** fw_devlink's default {@code FW_DEVLINK_FLAGS_RPM}. */
    public static final int FW_DEVLINK_RPM = INFERRED | AUTOPROBE_CONSUMER | PM_RUNTIME;

    private static final String[] NAMES = {"STATELESS", "AUTOREMOVE_CONSUMER", "PM_RUNTIME", "RPM_ACTIVE",
        "AUTOREMOVE_SUPPLIER", "AUTOPROBE_CONSUMER", "MANAGED", "SYNC_STATE_ONLY", "INFERRED", "CYCLE"};

    private DlFlags() {
    }

    /** {@code device_link_flag_is_sync_state_only()}. */
    public static boolean isSyncStateOnly(int flags) {
        return (flags & ~MARKER_FLAGS) == SYNC_STATE_ONLY;
    }

    /** The flags as {@code A|B|C} without the {@code DL_FLAG_} prefix; unknown bits in hex; "0" for none. */
    public static String format(int flags) {
        List<String> parts = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                parts.add(NAMES[i]);
                rest &= ~(1 << i);
            }
        }
        if (rest != 0) {
            parts.add("0x" + Integer.toHexString(rest));
        }
        return parts.isEmpty() ? "0" : String.join("|", parts);
    }

    /**
     * Parses {@code STATELESS|PM_RUNTIME}, with or without the {@code DL_FLAG_} prefix, case-insensitive;
     * numbers (decimal or {@code 0x} hex) are accepted as raw bits. Separators: {@code |}, {@code ,}, {@code +}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static int parse(String text) {
        int flags = 0;
        for (String part : text.split("[|,+]")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            if (p.isEmpty() || p.equals("0")) {
                continue;
            }
            if (p.startsWith("DL_FLAG_")) {
                p = p.substring(8);
            }
            int bit = -1;
            for (int i = 0; i < NAMES.length; i++) {
                if (NAMES[i].equals(p)) {
                    bit = 1 << i;
                }
            }
            if (bit < 0) {
                try {
                    bit = p.startsWith("0X") ? Integer.parseInt(p.substring(2), 16) : Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown device-link flag '" + part.trim() + "'");
                }
            }
            flags |= bit;
        }
        return flags;
    }
}
