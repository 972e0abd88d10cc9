package dtdma.sdma;

import java.util.Locale;
import java.util.Optional;

/**
 * The slots of {@code struct sdma_script_start_addrs} in {@code drivers/dma/imx-sdma.c}, in struct order
 * (the order matters: firmware tables are copied by index). Each slot knows the firmware table version
 * that first carries it (1..4, from the "End of vN array" markers) and the oldest kernel baseline with
 * the slot. The kernel field name is {@link #fieldName()} ({@code ap_2_ap_addr}); the display name drops
 * the {@code _addr} suffix ({@code ap_2_ap}).
 */
public enum ScriptField {
    AP_2_AP(1), AP_2_BP(1), AP_2_AP_FIXED(1), BP_2_AP(1), LOOPBACK_ON_DSP_SIDE(1), MCU_INTERRUPT_ONLY(1),
    FIRI_2_PER(1), FIRI_2_MCU(1), PER_2_FIRI(1), MCU_2_FIRI(1), UART_2_PER(1), UART_2_MCU(1),
    PER_2_APP(1), MCU_2_APP(1), PER_2_PER(1), UARTSH_2_PER(1), UARTSH_2_MCU(1), PER_2_SHP(1),
    MCU_2_SHP(1), ATA_2_MCU(1), MCU_2_ATA(1), APP_2_PER(1), APP_2_MCU(1), SHP_2_PER(1), SHP_2_MCU(1),
    MSHC_2_MCU(1), MCU_2_MSHC(1), SPDIF_2_MCU(1), MCU_2_SPDIF(1), ASRC_2_MCU(1), EXT_MEM_2_IPU(1),
    DESCRAMBLER(1), DPTC_DVFS(1), UTRA(1), RAM_CODE_START(1),
    MCU_2_SSISH(2), SSISH_2_MCU(2), HDMI_DMA(2),
    ZCANFD_2_MCU(3), ZQSPI_2_MCU(3), MCU_2_ECSPI(3), MCU_2_SAI(3), SAI_2_MCU(3), UART_2_MCU_ROM(3),
    UARTSH_2_MCU_ROM(3), I2C_2_MCU(3, KernelBaseline.MAINLINE), MCU_2_I2C(3, KernelBaseline.MAINLINE),
    MCU_2_ZQSPI(4);

    private final int firmwareVersion;
    private final KernelBaseline since;

    ScriptField(int firmwareVersion) {
        this(firmwareVersion, KernelBaseline.LINUX_6_1);
    }

    ScriptField(int firmwareVersion, KernelBaseline since) {
        this.firmwareVersion = firmwareVersion;
        this.since = since;
    }

    /** The kernel struct member, e.g. {@code mcu_2_ecspi_addr}. */
    public String fieldName() {
        return displayName() + "_addr";
    }

    /** The script name as users know it, e.g. {@code mcu_2_ecspi}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The firmware header major version whose table first includes this slot (1..4). */
    public int firmwareVersion() {
        return firmwareVersion;
    }

    /** The oldest known kernel baseline whose struct has this slot. */
    public KernelBaseline since() {
        return since;
    }

    /** The slot for a kernel field name, with or without the {@code _addr} suffix. */
    public static Optional<ScriptField> fromFieldName(String name) {
        String n = name.endsWith("_addr") ? name.substring(0, name.length() - 5) : name;
        for (ScriptField f : values()) {
            if (f.displayName().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
