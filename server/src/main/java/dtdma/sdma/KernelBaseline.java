package dtdma.sdma;

/**
 * The kernel versions the SDMA model knows about, oldest first. The model follows mainline
 * ({@link #MAINLINE}); the older baselines exist so that facts a given kernel lacks can be reported.
 *
 * <ul>
 *   <li>{@link #LINUX_6_1}: the Debian Linux 6.1 tree checked by {@code KernelAgreementTest}. Its
 *       {@code enum sdma_peripheral_type} ends at MULTI_SAI (25): no HDMI (26), no I2C (27).</li>
 *   <li>{@link #MAINLINE_PRE_I2C}: source S1b of the domain document (mainline around v6.x): HDMI but no I2C.</li>
 *   <li>{@link #MAINLINE}: source S1 (recent mainline) with the I2C type and its two script fields.</li>
 * </ul>
 */
public enum KernelBaseline {
    LINUX_6_1("Linux 6.1", 34, 38, 45, 46),
    MAINLINE_PRE_I2C("mainline before the I2C type", 34, 38, 45, 46),
    MAINLINE("mainline", 35, 38, 47, 48);

    private final String label;
    private final int[] firmwareTableSizes;

    KernelBaseline(String label, int v1, int v2, int v3, int v4) {
        this.label = label;
        this.firmwareTableSizes = new int[] {v1, v2, v3, v4};
    }

    /** A short human name, e.g. "Linux 6.1". */
    public String label() {
        return label;
    }

    /**
     * How many {@code s32} script slots a firmware of major version {@code major} (1..4) copies into the
     * driver's table ({@code SDMA_SCRIPT_ADDRS_ARRAY_SIZE_V1..V4} in older kernels, {@code v1_end..v4_end}
     * in mainline). Returns -1 for an unknown version, which the driver rejects ("unknown firmware version").
     */
    public int firmwareTableSize(int major) {
        return major >= 1 && major <= 4 ? firmwareTableSizes[major - 1] : -1;
    }

    /** True if this baseline is at least as new as {@code other}. */
    public boolean atLeast(KernelBaseline other) {
        return ordinal() >= other.ordinal();
    }
}
