package dtdma.dma;

import java.util.List;

/**
 * Which DMA channel names a consumer's driver requests, for the drivers whose code has been read. Each
 * entry names the kernel source it comes from; {@code KernelDriverRequestsTest} checks every entry against
 * the Debian Linux 6.1 tree. Drivers not listed here are not assumed to request anything.
 */
public final class DriverRequests {
    /**
     * One driver: the compatibles of its match table, the names it passes to {@code dma_request_chan()}
     * (or {@code dma_request_slave_channel()}), and where.
     */
    public record Driver(String name, String source, String function, List<String> compatibles, List<String> names) {
    }

    private static final List<Driver> DRIVERS = List.of(
            new Driver("imx-uart", "drivers/tty/serial/imx.c", "imx_uart_dma_init",
                    List.of("fsl,imx6q-uart", "fsl,imx53-uart", "fsl,imx1-uart", "fsl,imx21-uart"),
                    List.of("rx", "tx")),
            new Driver("spi-imx", "drivers/spi/spi-imx.c", "spi_imx_sdma_init",
                    List.of("fsl,imx51-ecspi", "fsl,imx53-ecspi", "fsl,imx6ul-ecspi"),
                    List.of("tx", "rx")),
            new Driver("i2c-imx", "drivers/i2c/busses/i2c-imx.c", "i2c_imx_dma_request",
                    List.of("fsl,imx1-i2c", "fsl,imx21-i2c", "fsl,imx6q-i2c", "fsl,imx6sl-i2c", "fsl,imx6sll-i2c",
                            "fsl,imx6sx-i2c", "fsl,imx6ul-i2c", "fsl,imx7d-i2c", "fsl,imx7s-i2c", "fsl,imx8mm-i2c",
                            "fsl,imx8mn-i2c", "fsl,imx8mp-i2c", "fsl,imx8mq-i2c", "fsl,vf610-i2c"),
                    List.of("tx", "rx")));

    private DriverRequests() {
    }

    public static List<Driver> all() {
        return DRIVERS;
    }

    /**
     * The channel names a consumer's driver requests, in request order: the known driver's names, or, for a
     * driver dtdma does not know, every distinct {@code dma-names} entry in order (an assumption).
     */
    public static List<String> requestOrder(List<String> compatibles, List<String> dmaNames) {
        Driver d = forCompatibles(compatibles);
        return d != null ? d.names() : List.copyOf(new java.util.LinkedHashSet<>(dmaNames));
    }

    /**
     * The driver that binds a node with these compatibles, as {@code of_match_device} picks it: the first of
     * the node's compatibles (in the node's order) that some driver lists; null when none is known.
     */
    public static Driver forCompatibles(List<String> compatibles) {
        for (String c : compatibles) {
            for (Driver d : DRIVERS) {
                if (d.compatibles().contains(c)) {
                    return d;
                }
            }
        }
        return null;
    }
}
