package dtdma.sdma;

/** Where the script for one transfer direction comes from, before any firmware has loaded. */
public enum ScriptSource {
    /** The SoC's ROM table has the slot (check {@code firmwareGated}: the type may still wait for firmware). */
    ROM,
    /** The ROM lacks the slot and the driver sets {@code is_ram_script}: refused until firmware loads (SD005). */
    RAM_FIRMWARE,
    /** A firmware-v3 slot not flagged as RAM script: stays -22 without a v3+ firmware (SD005b). */
    FIRMWARE_V3,
    /** The ROM lacks the slot; a firmware might fill it (unverified; SD004 as a warning). */
    NOT_IN_ROM,
    /** {@code sdma_get_pc} sets no script for this type and direction (SD004). */
    NONE,
    /** The type itself is not supported by this kernel (SD003). */
    UNSUPPORTED
}
