package dtdma.sdma;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The driver's per-SoC data: one {@code sdma_dt_ids} entry of {@code drivers/dma/imx-sdma.c} with the
 * {@code struct sdma_driver_data} it points at. The values live in {@link SdmaTables}.
 *
 * @param compatible     the {@code sdma_dt_ids} compatible string, e.g. {@code fsl,imx8mq-sdma}
 * @param symbol         the drvdata symbol, e.g. {@code sdma_imx8mq}
 * @param chnenbl0Macro  the macro used for {@code chnenbl0}, e.g. {@code SDMA_CHNENBL0_IMX35}
 * @param chnenbl0       the CHNENBL0 register offset (0x200, or 0x80 on i.MX31)
 * @param numEvents      the number of DMA events (48, or 32 on i.MX31); valid events are 0..numEvents-1
 * @param romScripts     the ROM script table, or null when the SoC has none (i.MX31, i.MX35)
 * @param checkRatio     {@code check_ratio}: set the AHB/core clock ratio bit when the clocks are equal
 * @param ecspiFixed     {@code ecspi_fixed}: ERR009165 fixed in silicon, ECSPI TX uses ROM {@code mcu_2_app}
 * @param firmwareHint   the RAM script file the SoC dtsi names in {@code fsl,sdma-ram-script-name}
 *                       (a convention of the dtsi files, not driver data)
 */
public record DriverData(String compatible, String symbol, String chnenbl0Macro, int chnenbl0, int numEvents,
                         ScriptTable romScripts, boolean checkRatio, boolean ecspiFixed, String firmwareHint) {

    /** The ROM script table, if the SoC has one. */
    public Optional<ScriptTable> rom() {
        return Optional.ofNullable(romScripts);
    }

    /** A short name, e.g. {@code imx8mq} for {@code sdma_imx8mq}. */
    public String shortName() {
        return symbol.startsWith("sdma_") ? symbol.substring("sdma_".length()) : symbol;
    }

    /** The entry of {@code sdma_dt_ids} for exactly this compatible string (case-insensitive), if any. */
    public static Optional<DriverData> forCompatible(String compatible) {
        if (compatible == null) {
            return Optional.empty();
        }
        String c = compatible.toLowerCase(Locale.ROOT);
        for (DriverData d : SdmaTables.DRIVER_DATA) {
            if (d.compatible.equals(c)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The driver data the kernel picks for a node with these {@code compatible} strings.
     *
     * <p>{@code of_match_device} scores each table entry by the position of the node's string it matches;
     * an earlier string scores higher, and the table order does not matter (no two entries share a
     * string). So the result is the first string of the node, in the node's order, that has an entry.
     * Strings compare case-insensitively as {@code of_compat_cmp} does. The rule is DERIVED (domain
     * document B.2).
     *
     * @return the match, or empty when no string has an entry (the SDMA driver never binds)
     */
    public static Optional<Match> match(List<String> nodeCompatibles) {
        for (int i = 0; i < nodeCompatibles.size(); i++) {
            Optional<DriverData> d = forCompatible(nodeCompatibles.get(i));
            if (d.isPresent()) {
                return Optional.of(new Match(d.get(), nodeCompatibles.get(i), i));
            }
        }
        return Optional.empty();
    }

    /**
     * The outcome of {@link #match(List)}.
     *
     * @param data    the chosen driver data
     * @param matched the node's string that matched
     * @param index   its position in the node's list; above 0 means the kernel fell back
     */
    public record Match(DriverData data, String matched, int index) {
        /** True when the first compatible string had no driver entry. */
        public boolean fallback() {
            return index > 0;
        }

        /** The matching rule is DERIVED from the OF core, not stated by a source. */
        public Certainty certainty() {
            return Certainty.DERIVED;
        }
    }
}
