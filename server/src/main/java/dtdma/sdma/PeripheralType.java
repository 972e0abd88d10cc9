package dtdma.sdma;

import java.util.Optional;

/**
 * Cell 2 of an SDMA specifier: {@code enum sdma_peripheral_type} from
 * {@code include/linux/dma/imx-dma.h} (values are the implicit enum order, 0 first). Display names follow
 * the binding's list in {@code fsl,imx-sdma.yaml}.
 *
 * <p>{@link #since()} is the oldest {@link KernelBaseline} whose enum has the value. A type the driver
 * never handles ({@code default:} branch of {@code sdma_get_pc}: "Unsupported transfer type") has
 * {@link #driverSupported()} false: SIM (9) and FIFO_MEMORY (17). Numbers with no enum value at all
 * (28 and up in mainline) are not represented; {@link #fromNumber(long)} returns empty for them.
 */
public enum PeripheralType {
    SSI(0, "IMX_DMATYPE_SSI", "MCU domain SSI"),
    SSI_SP(1, "IMX_DMATYPE_SSI_SP", "Shared SSI"),
    MMC(2, "IMX_DMATYPE_MMC", "MMC"),
    SDHC(3, "IMX_DMATYPE_SDHC", "SDHC"),
    UART(4, "IMX_DMATYPE_UART", "MCU domain UART"),
    UART_SP(5, "IMX_DMATYPE_UART_SP", "Shared UART"),
    FIRI(6, "IMX_DMATYPE_FIRI", "FIRI"),
    CSPI(7, "IMX_DMATYPE_CSPI", "MCU domain CSPI"),
    CSPI_SP(8, "IMX_DMATYPE_CSPI_SP", "Shared CSPI"),
    SIM(9, "IMX_DMATYPE_SIM", "SIM", KernelBaseline.LINUX_6_1, false),
    ATA(10, "IMX_DMATYPE_ATA", "ATA"),
    CCM(11, "IMX_DMATYPE_CCM", "CCM"),
    EXT(12, "IMX_DMATYPE_EXT", "External peripheral"),
    MSHC(13, "IMX_DMATYPE_MSHC", "Memory Stick Host Controller"),
    MSHC_SP(14, "IMX_DMATYPE_MSHC_SP", "Shared Memory Stick Host Controller"),
    DSP(15, "IMX_DMATYPE_DSP", "DSP"),
    MEMORY(16, "IMX_DMATYPE_MEMORY", "Memory"),
    FIFO_MEMORY(17, "IMX_DMATYPE_FIFO_MEMORY", "FIFO type Memory", KernelBaseline.LINUX_6_1, false),
    SPDIF(18, "IMX_DMATYPE_SPDIF", "SPDIF"),
    IPU_MEMORY(19, "IMX_DMATYPE_IPU_MEMORY", "IPU Memory"),
    ASRC(20, "IMX_DMATYPE_ASRC", "ASRC"),
    ESAI(21, "IMX_DMATYPE_ESAI", "ESAI"),
    SSI_DUAL(22, "IMX_DMATYPE_SSI_DUAL", "SSI Dual FIFO"),
    ASRC_SP(23, "IMX_DMATYPE_ASRC_SP", "Shared ASRC"),
    SAI(24, "IMX_DMATYPE_SAI", "SAI"),
    MULTI_SAI(25, "IMX_DMATYPE_MULTI_SAI", "Multi SAI"),
    HDMI(26, "IMX_DMATYPE_HDMI", "HDMI Audio", KernelBaseline.MAINLINE_PRE_I2C, true),
    I2C(27, "IMX_DMATYPE_I2C", "I2C", KernelBaseline.MAINLINE, true);

    private final int number;
    private final String kernelName;
    private final String displayName;
    private final KernelBaseline since;
    private final boolean driverSupported;

    PeripheralType(int number, String kernelName, String displayName) {
        this(number, kernelName, displayName, KernelBaseline.LINUX_6_1, true);
    }

    PeripheralType(int number, String kernelName, String displayName, KernelBaseline since, boolean supported) {
        this.number = number;
        this.kernelName = kernelName;
        this.displayName = displayName;
        this.since = since;
        this.driverSupported = supported;
    }

    /** The enum value, i.e. the number written in cell 2. */
    public int number() {
        return number;
    }

    /** The kernel's identifier, e.g. {@code IMX_DMATYPE_SSI}. */
    public String kernelName() {
        return kernelName;
    }

    /** A short display name, e.g. "MCU domain SSI". */
    public String displayName() {
        return displayName;
    }

    /** The oldest known kernel baseline whose enum has this value. */
    public KernelBaseline since() {
        return since;
    }

    /** False for the types {@code sdma_get_pc} never handles on any kernel (SIM 9, FIFO_MEMORY 17). */
    public boolean driverSupported() {
        return driverSupported;
    }

    /** True if a kernel of {@code baseline} has this value and its driver accepts it. */
    public boolean supportedOn(KernelBaseline baseline) {
        return driverSupported && baseline.atLeast(since);
    }

    /** The type with this cell value, or empty for numbers outside the mainline enum (negative, 28+). */
    public static Optional<PeripheralType> fromNumber(long value) {
        PeripheralType[] all = values();
        if (value < 0 || value >= all.length) {
            return Optional.empty();
        }
        return Optional.of(all[(int) value]);
    }

    /** The type with this kernel identifier (e.g. {@code IMX_DMATYPE_SAI}), or empty. */
    public static Optional<PeripheralType> fromKernelName(String name) {
        for (PeripheralType t : values()) {
            if (t.kernelName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The kernel's name with the number, e.g. {@code IMX_DMATYPE_MULTI_SAI (25)}. */
    public String kernelLabel() {
        return kernelName + " (" + number + ")";
    }

    /** "IMX_DMATYPE_CSPI (7), MCU domain CSPI": the kernel's name first, the readable name beside it. */
    public String describe() {
        return kernelLabel() + ", " + displayName;
    }
}
