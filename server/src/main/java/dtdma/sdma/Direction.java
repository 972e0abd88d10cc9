package dtdma.sdma;

import java.util.Locale;

/**
 * A dmaengine transfer direction ({@code enum dma_transfer_direction}) as far as the SDMA script choice
 * cares, plus {@link #UNKNOWN} when a {@code dma-names} entry does not tell.
 */
public enum Direction {
    /** Peripheral to memory: the driver uses {@code pc_from_device}. */
    DEV_TO_MEM("per->mem"),
    /** Memory to peripheral: the driver uses {@code pc_to_device}. */
    MEM_TO_DEV("mem->per"),
    /** Peripheral to peripheral: the driver uses {@code device_to_device}. */
    DEV_TO_DEV("per->per"),
    /** Memory to memory: the driver uses {@code pc_to_pc}. */
    MEM_TO_MEM("mem->mem"),
    /** The name does not say; the model evaluates both peripheral directions. */
    UNKNOWN("unknown direction");

    private final String display;

    Direction(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    /**
     * The direction a {@code dma-names} entry implies. Only the conventional {@code "rx"} (receive, so
     * peripheral to memory) and {@code "tx"} (transmit, memory to peripheral) are known; the domain
     * document gives no direction for other names ({@code "rx-tx"}, ASRC {@code "rxa"}, EASRC
     * {@code "ctx0_rx"} ...), so they are {@link #UNKNOWN}. A null name is UNKNOWN too.
     */
    public static Direction fromDmaName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "rx" -> DEV_TO_MEM;
            case "tx" -> MEM_TO_DEV;
            default -> UNKNOWN;
        };
    }
}
