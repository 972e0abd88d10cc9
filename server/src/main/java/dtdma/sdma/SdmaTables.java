package dtdma.sdma;

import static dtdma.sdma.ScriptField.*;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every table of the SDMA model in one place. Each block names the kernel file and symbol its facts come
 * from; the numbers were checked against the domain document (section B) and, for what Linux 6.1 has,
 * against a real 6.1 tree by {@code KernelAgreementTest}. Two enum tables live next to their types:
 * {@link PeripheralType} ({@code enum sdma_peripheral_type}, include/linux/dma/imx-dma.h) and
 * {@link ScriptField} ({@code struct sdma_script_start_addrs}, drivers/dma/imx-sdma.c).
 *
 * <p>UNVERIFIED in the domain document, hence carried as uncertain by the model:
 * <ul>
 *   <li>which scripts each RAM firmware file contains, and its version (binary blobs): every
 *       "firmware would provide it" conclusion is uncertain ({@link #FIRMWARE_CONTENTS});</li>
 *   <li>the meaning of bit 31 in the priority cell (NXP downstream "sw_done"), see {@link #PRIO_FLAG_NOTE}.</li>
 * </ul>
 */
public final class SdmaTables {
    private SdmaTables() {
    }

    // --- drivers/dma/imx-sdma.c: MAX_DMA_CHANNELS; channel 0 is the command channel (sdma_probe) ---
    /** {@code MAX_DMA_CHANNELS}. */
    public static final int MAX_DMA_CHANNELS = 32;
    /** dmaengine channels per controller: all but channel 0. */
    public static final int USABLE_CHANNELS = MAX_DMA_CHANNELS - 1;

    // --- drivers/dma/imx-sdma.c: sdma_event_remap (EVENT_REMAP_CELLS); binding maxItems: 2 ---
    /** Cells per {@code fsl,sdma-event-remap} row ({@code EVENT_REMAP_CELLS}). */
    public static final int EVENT_REMAP_CELLS = 3;
    /** Rows allowed by {@code fsl,imx-sdma.yaml} ({@code maxItems: 2}: RX then TX). */
    public static final int EVENT_REMAP_MAX_ROWS = 2;

    // --- include/linux/dma/imx-dma.h: enum imx_dma_prio; imx-sdma.c: sdma_alloc_chan_resources ---
    public static final int DMA_PRIO_HIGH = 0;
    public static final int DMA_PRIO_MEDIUM = 1;
    public static final int DMA_PRIO_LOW = 2;

    /**
     * The CHNPRI register value for a priority cell: HIGH -> 3, MEDIUM -> 2, LOW and every other value ->
     * 1 (the {@code default:} branch; the whole 32-bit cell is compared, no flag bits are parsed).
     */
    public static int registerPriority(long cell) {
        if (cell == DMA_PRIO_HIGH) {
            return 3;
        }
        if (cell == DMA_PRIO_MEDIUM) {
            return 2;
        }
        return 1;
    }

    /** UNVERIFIED: downstream meaning of bit 31 of the priority cell (i.MX8M micfil uses 0x80000000). */
    public static final String PRIO_FLAG_NOTE =
        "bit 31 may mean \"sw_done\" in NXP's downstream kernel (unverified); mainline does not parse it";

    /** UNVERIFIED: the contents and versions of the RAM firmware files. */
    public static final Certainty FIRMWARE_CONTENTS = Certainty.UNVERIFIED;

    // --- drivers/dma/imx-sdma.c: SDMA_CHNENBL0_IMX35, SDMA_CHNENBL0_IMX31 ---
    public static final int SDMA_CHNENBL0_IMX35 = 0x200;
    public static final int SDMA_CHNENBL0_IMX31 = 0x080;

    // --- drivers/dma/imx-sdma.c: static struct sdma_script_start_addrs sdma_script_imx25 ---
    public static final ScriptTable SCRIPT_IMX25 = table("sdma_script_imx25",
        AP_2_AP, 729, UART_2_MCU, 904, PER_2_APP, 1255, MCU_2_APP, 834, UARTSH_2_MCU, 1120,
        PER_2_SHP, 1329, MCU_2_SHP, 1048, ATA_2_MCU, 1560, MCU_2_ATA, 1479, APP_2_PER, 1189,
        APP_2_MCU, 770, SHP_2_PER, 1407, SHP_2_MCU, 979);

    // --- drivers/dma/imx-sdma.c: sdma_script_imx51 ---
    public static final ScriptTable SCRIPT_IMX51 = table("sdma_script_imx51",
        AP_2_AP, 642, UART_2_MCU, 817, MCU_2_APP, 747, MCU_2_SHP, 961, ATA_2_MCU, 1473,
        MCU_2_ATA, 1392, APP_2_PER, 1033, APP_2_MCU, 683, SHP_2_PER, 1251, SHP_2_MCU, 892);

    // --- drivers/dma/imx-sdma.c: sdma_script_imx53 ---
    public static final ScriptTable SCRIPT_IMX53 = table("sdma_script_imx53",
        AP_2_AP, 642, APP_2_MCU, 683, MCU_2_APP, 747, UART_2_MCU, 817, SHP_2_MCU, 891,
        MCU_2_SHP, 960, UARTSH_2_MCU, 1032, SPDIF_2_MCU, 1100, MCU_2_SPDIF, 1134,
        FIRI_2_MCU, 1193, MCU_2_FIRI, 1290);

    // --- drivers/dma/imx-sdma.c: sdma_script_imx6q (used by sdma_imx6q and sdma_imx6ul) ---
    public static final ScriptTable SCRIPT_IMX6Q = table("sdma_script_imx6q",
        AP_2_AP, 642, UART_2_MCU, 817, MCU_2_APP, 747, PER_2_PER, 6331, UARTSH_2_MCU, 1032,
        MCU_2_SHP, 960, APP_2_MCU, 683, SHP_2_MCU, 891, SPDIF_2_MCU, 1100, MCU_2_SPDIF, 1134);

    // --- drivers/dma/imx-sdma.c: sdma_script_imx7d (used by sdma_imx7d and sdma_imx8mq) ---
    public static final ScriptTable SCRIPT_IMX7D = table("sdma_script_imx7d",
        AP_2_AP, 644, UART_2_MCU, 819, MCU_2_APP, 749, UARTSH_2_MCU, 1034, MCU_2_SHP, 962,
        APP_2_MCU, 685, SHP_2_MCU, 893, SPDIF_2_MCU, 1102, MCU_2_SPDIF, 1136);

    /** All ROM tables, by kernel symbol. */
    public static final List<ScriptTable> ROM_TABLES =
        List.of(SCRIPT_IMX25, SCRIPT_IMX51, SCRIPT_IMX53, SCRIPT_IMX6Q, SCRIPT_IMX7D);

    // --- drivers/dma/imx-sdma.c: sdma_dt_ids[] (in table order) and the sdma_driver_data each points at.
    // firmwareHint: the fsl,sdma-ram-script-name the SoC dtsi files use (arch/arm/boot/dts/imx*.dtsi,
    // arch/arm64/boot/dts/freescale/imx8m*.dtsi); a dtsi convention, not driver data. ---
    /** The {@code sdma_dt_ids} entries in the kernel's table order. */
    public static final List<DriverData> DRIVER_DATA = List.of(
        new DriverData("fsl,imx6q-sdma", "sdma_imx6q", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX6Q, false, false, "imx/sdma/sdma-imx6q.bin"),
        new DriverData("fsl,imx53-sdma", "sdma_imx53", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX53, false, false, "imx/sdma/sdma-imx53.bin"),
        new DriverData("fsl,imx51-sdma", "sdma_imx51", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX51, false, false, "imx/sdma/sdma-imx51.bin"),
        new DriverData("fsl,imx35-sdma", "sdma_imx35", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            null, false, false, "imx/sdma/sdma-imx35.bin"),
        new DriverData("fsl,imx31-sdma", "sdma_imx31", "SDMA_CHNENBL0_IMX31", SDMA_CHNENBL0_IMX31, 32,
            null, false, false, "imx/sdma/sdma-imx31.bin"),
        new DriverData("fsl,imx25-sdma", "sdma_imx25", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX25, false, false, "imx/sdma/sdma-imx25.bin"),
        new DriverData("fsl,imx7d-sdma", "sdma_imx7d", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX7D, false, false, "imx/sdma/sdma-imx7d.bin"),
        new DriverData("fsl,imx6ul-sdma", "sdma_imx6ul", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX6Q, false, true, "imx/sdma/sdma-imx6q.bin"),
        new DriverData("fsl,imx8mq-sdma", "sdma_imx8mq", "SDMA_CHNENBL0_IMX35", SDMA_CHNENBL0_IMX35, 48,
            SCRIPT_IMX7D, true, false, "imx/sdma/sdma-imx7d.bin"));

    // --- drivers/dma/imx-sdma.c: sdma_get_pc(), one entry per handled case label (mainline; HDMI and I2C
    // are absent from Linux 6.1, I2C from S1b). CSPI is special: see scriptChoice(). ---
    private static final Map<PeripheralType, ScriptChoice> SCRIPT_CHOICES = new EnumMap<>(PeripheralType.class);

    static {
        choice(PeripheralType.MEMORY, null, null, null, AP_2_AP, false);
        choice(PeripheralType.DSP, AP_2_BP, BP_2_AP, null, null, false);
        choice(PeripheralType.FIRI, FIRI_2_MCU, MCU_2_FIRI, null, null, false);
        choice(PeripheralType.UART, UART_2_MCU, MCU_2_APP, null, null, false);
        choice(PeripheralType.UART_SP, UARTSH_2_MCU, MCU_2_SHP, null, null, false);
        choice(PeripheralType.ATA, ATA_2_MCU, MCU_2_ATA, null, null, false);
        // ecspi_fixed == false; the fixed variant is built in scriptChoice()
        choice(PeripheralType.CSPI, APP_2_MCU, MCU_2_ECSPI, null, null, true);
        for (PeripheralType t : List.of(PeripheralType.EXT, PeripheralType.SSI, PeripheralType.SAI)) {
            choice(t, APP_2_MCU, MCU_2_APP, null, null, false);
        }
        choice(PeripheralType.SSI_DUAL, SSISH_2_MCU, MCU_2_SSISH, null, null, true);
        for (PeripheralType t : List.of(PeripheralType.SSI_SP, PeripheralType.MMC, PeripheralType.SDHC,
                PeripheralType.CSPI_SP, PeripheralType.ESAI, PeripheralType.MSHC_SP)) {
            choice(t, SHP_2_MCU, MCU_2_SHP, null, null, false);
        }
        choice(PeripheralType.ASRC, ASRC_2_MCU, ASRC_2_MCU, PER_2_PER, null, true);
        choice(PeripheralType.ASRC_SP, SHP_2_MCU, MCU_2_SHP, PER_2_PER, null, false);
        choice(PeripheralType.MSHC, MSHC_2_MCU, MCU_2_MSHC, null, null, false);
        choice(PeripheralType.CCM, DPTC_DVFS, null, null, null, false);
        choice(PeripheralType.SPDIF, SPDIF_2_MCU, MCU_2_SPDIF, null, null, false);
        choice(PeripheralType.IPU_MEMORY, null, EXT_MEM_2_IPU, null, null, false);
        choice(PeripheralType.MULTI_SAI, SAI_2_MCU, MCU_2_SAI, null, null, false);
        choice(PeripheralType.I2C, I2C_2_MCU, MCU_2_I2C, null, null, true);
        choice(PeripheralType.HDMI, null, HDMI_DMA, null, null, true);
    }

    /**
     * What {@code sdma_get_pc} assigns for a type. For CSPI the mem->per slot depends on
     * {@code ecspi_fixed}: ROM {@code mcu_2_app} when fixed, else RAM {@code mcu_2_ecspi} (and only then
     * is {@code is_ram_script} set). Empty for the {@code default:} types (SIM, FIFO_MEMORY); whether a
     * kernel has the type at all is {@link PeripheralType#supportedOn(KernelBaseline)}.
     */
    public static Optional<ScriptChoice> scriptChoice(PeripheralType type, boolean ecspiFixed) {
        ScriptChoice c = SCRIPT_CHOICES.get(type);
        if (c != null && type == PeripheralType.CSPI && ecspiFixed) {
            c = new ScriptChoice(type, APP_2_MCU, MCU_2_APP, null, null, false);
        }
        return Optional.ofNullable(c);
    }

    // --- Documentation/devicetree/bindings/dma/fsl,imx-sdma.yaml (v7.1-dts): compatible oneOf branches.
    // Each pattern is a list of positions; each position is the set of strings allowed there. ---
    /** The allowed {@code compatible} combinations of the binding, one per {@code oneOf} branch. */
    public static final List<List<Set<String>>> BINDING_COMPATIBLES = List.of(
        List.of(Set.of("fsl,imx50-sdma", "fsl,imx51-sdma", "fsl,imx53-sdma", "fsl,imx6q-sdma", "fsl,imx7d-sdma"),
            Set.of("fsl,imx35-sdma")),
        List.of(Set.of("fsl,imx6sx-sdma", "fsl,imx6sl-sdma"), Set.of("fsl,imx6q-sdma")),
        List.of(Set.of("fsl,imx6ul-sdma"), Set.of("fsl,imx6q-sdma"), Set.of("fsl,imx35-sdma")),
        List.of(Set.of("fsl,imx6sll-sdma"), Set.of("fsl,imx6ul-sdma")),
        List.of(Set.of("fsl,imx8mq-sdma"), Set.of("fsl,imx7d-sdma")),
        List.of(Set.of("fsl,imx8mp-sdma", "fsl,imx8mn-sdma", "fsl,imx8mm-sdma"), Set.of("fsl,imx8mq-sdma")),
        List.of(Set.of("fsl,imx25-sdma", "fsl,imx31-sdma", "fsl,imx35-sdma")));

    /** Generic DMA controller properties the SDMA binding does not allow ({@code additionalProperties: false}). */
    public static final List<String> FORBIDDEN_GENERIC_PROPERTIES =
        List.of("dma-channels", "dma-requests", "dma-channel-mask");

    private static ScriptTable table(String symbol, Object... pairs) {
        Map<ScriptField, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((ScriptField) pairs[i], (Integer) pairs[i + 1]);
        }
        return new ScriptTable(symbol, m);
    }

    private static void choice(PeripheralType t, ScriptField perToMem, ScriptField memToPer,
                               ScriptField perToPer, ScriptField memToMem, boolean ram) {
        SCRIPT_CHOICES.put(t, new ScriptChoice(t, perToMem, memToPer, perToPer, memToMem, ram));
    }
}
