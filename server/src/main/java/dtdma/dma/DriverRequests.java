package dtdma.dma;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The consumer-driver model: for the drivers whose code has been read, <em>whether, when and how</em> each asks
 * for its DMA channels, and what it does when a request fails. Every entry names the kernel file it comes from
 * and cites the lines that show it; {@code KernelDriverRequestsTest} checks every cited line, compatible and
 * name against the Debian Linux 6.1 sources. A driver not listed here is modelled by {@link #assumed}: it
 * requests every {@code dma-names} entry at probe with {@code dma_request_chan()}; statements resting on that
 * default say so.
 */
public final class DriverRequests {
    /** When the driver requests its channels. */
    public enum When {
        PROBE("at probe"),
        OPEN("when the port is opened (startup)"),
        HW_PARAMS("at PCM hw_params"),
        NEVER("never: the driver does not use dmaengine");

        private final String text;

        When(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** How it requests. */
    public enum How {
        /** {@code dma_request_chan()}: an ERR_PTR; -EPROBE_DEFER can reach the caller. */
        REQUEST_CHAN("dma_request_chan"),
        /** {@code dma_request_slave_channel()} / {@code _compat()}: NULL on any failure, never defers. */
        SLAVE_CHANNEL("dma_request_slave_channel");

        private final String function;

        How(String function) {
            this.function = function;
        }

        public String function() {
            return function;
        }
    }

    /** What the device does without the channel. */
    public enum Fallback {
        /** The driver goes on without DMA (PIO or interrupts). */
        PIO,
        /** Probe fails with the request's error. */
        PROBE_FAILS,
        /** Probe succeeds but the stream that needs the channel cannot run (no PIO path in the driver). */
        STREAM_FAILS
    }

    /** One cited source line: {@code file} (relative to the kernel tree) line {@code line} contains {@code text}. */
    public record Cite(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /**
     * One driver.
     *
     * @param name          the driver's name
     * @param source        the file of its match table
     * @param function      the function that makes the requests
     * @param compatibles   the compatibles of its match table that this entry covers
     * @param names         the names it requests, in order
     * @param when          when it requests
     * @param how           how it requests
     * @param stopsOnFailure a failed request ends the sequence (later names are never requested, earlier ones
     *                      are released)
     * @param defers        an -EPROBE_DEFER from the request makes the probe defer
     * @param fallback      what the device does without the channel
     * @param skipsConsole  the driver does not request DMA for the console port
     * @param namesOptional a missing name is normal (e.g. a one-direction audio interface)
     * @param cites         the source lines the entry rests on, first the requests
     * @param note          one line on anything the fields do not say, or empty
     */
    public record Driver(String name, String source, String function, List<String> compatibles, List<String> names,
            When when, How how, boolean stopsOnFailure, boolean defers, Fallback fallback, boolean skipsConsole,
            boolean namesOptional, List<Cite> cites, String note) {
        public Driver {
            compatibles = List.copyOf(compatibles);
            names = List.copyOf(names);
            cites = List.copyOf(cites);
        }

        /** True for the default model of a driver dtdma does not know. */
        public boolean assumed() {
            return source == null;
        }

        /** Whether the driver ever requests {@code name}. */
        public boolean requests(String name) {
            return when != When.NEVER && names.contains(name);
        }

        /** Where the request is made, e.g. {@code imx_uart_dma_init (drivers/tty/serial/imx.c:1365)}. */
        public String where() {
            if (assumed()) {
                return "assumed: an unknown driver requesting every dma-names entry at probe";
            }
            return function + " (" + (cites.isEmpty() ? source : cites.get(0).toString()) + ")";
        }

        /** What is lost without DMA, in words. */
        public String withoutDma() {
            return switch (fallback) {
                case PIO -> "the " + name + " driver falls back to PIO";
                case PROBE_FAILS -> "the " + name + " probe fails";
                case STREAM_FAILS -> "the " + name + " device cannot stream (the driver has no PIO path)";
            };
        }
    }

    private static final String PCM = "sound/soc/soc-generic-dmaengine-pcm.c";
    private static final List<Cite> PCM_CITES = List.of(new Cite(PCM, 387, "chan = dma_request_chan(dev, name);"),
            new Cite(PCM, 353, "[SNDRV_PCM_STREAM_PLAYBACK] = \"tx\""),
            new Cite(PCM, 354, "[SNDRV_PCM_STREAM_CAPTURE] = \"rx\""),
            new Cite(PCM, 394, "if (PTR_ERR(chan) == -EPROBE_DEFER)"),
            new Cite(PCM, 255, "\"Missing dma channel for stream: %d\\n\""));

    private static final List<Driver> DRIVERS = List.of(
            // ------------------------------------------------------------------ i.MX (SDMA, eDMA, APBH/APBX)
            new Driver("imx-uart", "drivers/tty/serial/imx.c", "imx_uart_dma_init",
                    List.of("fsl,imx6q-uart", "fsl,imx53-uart", "fsl,imx1-uart", "fsl,imx21-uart"),
                    List.of("rx", "tx"), When.OPEN, How.SLAVE_CHANNEL, true, false, Fallback.PIO, true, false,
                    List.of(new Cite("drivers/tty/serial/imx.c", 1365, "dma_request_slave_channel(dev, \"rx\")"),
                            new Cite("drivers/tty/serial/imx.c", 1392, "dma_request_slave_channel(dev, \"tx\")"),
                            new Cite("drivers/tty/serial/imx.c", 1369, "goto err;"),
                            new Cite("drivers/tty/serial/imx.c", 1482,
                                    "if (!uart_console(port) && imx_uart_dma_init(sport) == 0)")),
                    "imx_uart_startup skips DMA for the console port"),
            new Driver("spi-imx", "drivers/spi/spi-imx.c", "spi_imx_sdma_init",
                    List.of("fsl,imx51-ecspi", "fsl,imx53-ecspi", "fsl,imx6ul-ecspi"),
                    List.of("tx", "rx"), When.PROBE, How.REQUEST_CHAN, true, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-imx.c", 1331, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/spi/spi-imx.c", 1340, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/spi/spi-imx.c", 1336, "goto err;"),
                            new Cite("drivers/spi/spi-imx.c", 1840, "if (ret == -EPROBE_DEFER)"),
                            new Cite("drivers/spi/spi-imx.c", 1844, "\"dma setup error %d, use pio\\n\"")),
                    "a failed tx request jumps to the error path, so rx is never requested"),
            new Driver("spi-imx (CSPI)", "drivers/spi/spi-imx.c", "spi_imx_probe",
                    List.of("fsl,imx1-cspi", "fsl,imx21-cspi", "fsl,imx27-cspi", "fsl,imx31-cspi", "fsl,imx35-cspi"),
                    List.of(), When.NEVER, How.REQUEST_CHAN, false, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-imx.c", 1838, "if (spi_imx->devtype_data->has_dmamode) {"),
                            new Cite("drivers/spi/spi-imx.c", 990, ".has_dmamode = false,")),
                    "the CSPI variants have has_dmamode = false"),
            new Driver("i2c-imx", "drivers/i2c/busses/i2c-imx.c", "i2c_imx_dma_request",
                    List.of("fsl,imx1-i2c", "fsl,imx21-i2c", "fsl,imx6q-i2c", "fsl,imx6sl-i2c", "fsl,imx6sll-i2c",
                            "fsl,imx6sx-i2c", "fsl,imx6ul-i2c", "fsl,imx7d-i2c", "fsl,imx7s-i2c", "fsl,imx8mm-i2c",
                            "fsl,imx8mn-i2c", "fsl,imx8mp-i2c", "fsl,imx8mq-i2c", "fsl,vf610-i2c"),
                    List.of("tx", "rx"), When.PROBE, How.REQUEST_CHAN, true, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/i2c/busses/i2c-imx.c", 363, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/i2c/busses/i2c-imx.c", 382, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/i2c/busses/i2c-imx.c", 368, "goto fail_al;"),
                            new Cite("drivers/i2c/busses/i2c-imx.c", 1611, "i2c_imx_dma_request(i2c_imx, phy_addr);")),
                    "requested at the end of probe by a void function: -EPROBE_DEFER is dropped, not propagated"),
            new Driver("fsl-lpuart", "drivers/tty/serial/fsl_lpuart.c", "lpuart_request_dma",
                    List.of("fsl,vf610-lpuart", "fsl,ls1021a-lpuart", "fsl,ls1028a-lpuart", "fsl,imx7ulp-lpuart",
                            "fsl,imx8qxp-lpuart", "fsl,imxrt1050-lpuart"),
                    List.of("tx", "rx"), When.OPEN, How.REQUEST_CHAN, false, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/tty/serial/fsl_lpuart.c", 1633, "dma_request_chan(sport->port.dev, \"tx\")"),
                            new Cite("drivers/tty/serial/fsl_lpuart.c", 1641, "dma_request_chan(sport->port.dev, \"rx\")"),
                            new Cite("drivers/tty/serial/fsl_lpuart.c", 1786, "lpuart_request_dma(sport);"),
                            new Cite("drivers/tty/serial/fsl_lpuart.c", 1655, "if (uart_console(&sport->port))")),
                    "requests at startup even for the console, but does not use the channels there"),
            new Driver("spi-fsl-lpspi", "drivers/spi/spi-fsl-lpspi.c", "fsl_lpspi_dma_init",
                    List.of("fsl,imx7ulp-spi"), List.of("tx", "rx"), When.PROBE, How.REQUEST_CHAN, true, true,
                    Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-fsl-lpspi.c", 663, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/spi/spi-fsl-lpspi.c", 672, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/spi/spi-fsl-lpspi.c", 668, "goto err;"),
                            new Cite("drivers/spi/spi-fsl-lpspi.c", 909, "if (ret == -EPROBE_DEFER)"),
                            new Cite("drivers/spi/spi-fsl-lpspi.c", 912, "use pio")),
                    ""),
            new Driver("spi-fsl-dspi (DMA mode)", "drivers/spi/spi-fsl-dspi.c", "dspi_request_dma",
                    List.of("fsl,vf610-dspi"), List.of("rx", "tx"), When.PROBE, How.REQUEST_CHAN, true, true,
                    Fallback.PROBE_FAILS, false, false,
                    List.of(new Cite("drivers/spi/spi-fsl-dspi.c", 504, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/spi/spi-fsl-dspi.c", 511, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/spi/spi-fsl-dspi.c", 141, ".trans_mode		= DSPI_DMA_MODE,"),
                            new Cite("drivers/spi/spi-fsl-dspi.c", 1434, "goto out_free_irq;")),
                    ""),
            new Driver("spi-fsl-dspi (XSPI mode)", "drivers/spi/spi-fsl-dspi.c", "dspi_probe",
                    List.of("fsl,ls1021a-v1.0-dspi", "fsl,ls1012a-dspi", "fsl,ls1028a-dspi", "fsl,ls1043a-dspi",
                            "fsl,ls1046a-dspi", "fsl,ls2080a-dspi", "fsl,ls2085a-dspi", "fsl,lx2160a-dspi"),
                    List.of(), When.NEVER, How.REQUEST_CHAN, false, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-fsl-dspi.c", 1430,
                                    "if (dspi->devtype_data->trans_mode == DSPI_DMA_MODE) {"),
                            new Cite("drivers/spi/spi-fsl-dspi.c", 158, ".trans_mode		= DSPI_XSPI_MODE,")),
                    "the Layerscape variants use XSPI (FIFO) mode and never request DMA"),
            new Driver("gpmi-nand", "drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c", "acquire_dma_channels",
                    List.of("fsl,imx23-gpmi-nand", "fsl,imx28-gpmi-nand", "fsl,imx6q-gpmi-nand",
                            "fsl,imx6sx-gpmi-nand", "fsl,imx7d-gpmi-nand"),
                    List.of("rx-tx"), When.PROBE, How.REQUEST_CHAN, true, true, Fallback.PROBE_FAILS, false, false,
                    List.of(new Cite("drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c", 1238, "dma_request_chan(&pdev->dev, \"rx-tx\")"),
                            new Cite("drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c", 1289, "ret = acquire_dma_channels(this);"),
                            new Cite("drivers/mtd/nand/raw/gpmi-nand/gpmi-nand.c", 1291, "goto exit_regs;")),
                    ""),
            new Driver("mxc_nand", "drivers/mtd/nand/raw/mxc_nand.c", "mxcnd_probe",
                    List.of("fsl,imx21-nand", "fsl,imx27-nand", "fsl,imx25-nand", "fsl,imx51-nand", "fsl,imx53-nand"),
                    List.of(), When.NEVER, How.REQUEST_CHAN, false, false, Fallback.PIO, false, false, List.of(),
                    "moves data through the controller's own buffer; the file has no dmaengine call"),
            new Driver("mxsfb", "drivers/gpu/drm/mxsfb/mxsfb_drv.c", "mxsfb_probe",
                    List.of("fsl,imx23-lcdif", "fsl,imx28-lcdif", "fsl,imx6sx-lcdif"), List.of(), When.NEVER,
                    How.REQUEST_CHAN, false, false, Fallback.PIO, false, false, List.of(),
                    "the LCD interface fetches the frame buffer with its own bus master; the file has no dmaengine call"),
            new Driver("i2c-mxs", "drivers/i2c/busses/i2c-mxs.c", "mxs_i2c_probe",
                    List.of("fsl,imx23-i2c", "fsl,imx28-i2c"), List.of("rx-tx"), When.PROBE, How.REQUEST_CHAN,
                    true, true, Fallback.PROBE_FAILS, false, false,
                    List.of(new Cite("drivers/i2c/busses/i2c-mxs.c", 835, "devm_dma_request_chan(dev, \"rx-tx\")"),
                            new Cite("drivers/i2c/busses/i2c-mxs.c", 837, "return dev_err_probe(dev, PTR_ERR(i2c->dmach),")),
                    ""),
            new Driver("mxs-mmc", "drivers/mmc/host/mxs-mmc.c", "mxs_mmc_probe",
                    List.of("fsl,imx23-mmc", "fsl,imx28-mmc"), List.of("rx-tx"), When.PROBE, How.REQUEST_CHAN,
                    true, true, Fallback.PROBE_FAILS, false, false,
                    List.of(new Cite("drivers/mmc/host/mxs-mmc.c", 621, "dma_request_chan(&pdev->dev, \"rx-tx\")"),
                            new Cite("drivers/mmc/host/mxs-mmc.c", 626, "goto out_clk_disable;")),
                    ""),
            new Driver("spi-mxs", "drivers/spi/spi-mxs.c", "mxs_spi_probe",
                    List.of("fsl,imx23-spi", "fsl,imx28-spi"), List.of("rx-tx"), When.PROBE, How.REQUEST_CHAN,
                    true, true, Fallback.PROBE_FAILS, false, false,
                    List.of(new Cite("drivers/spi/spi-mxs.c", 593, "dma_request_chan(&pdev->dev, \"rx-tx\")"),
                            new Cite("drivers/spi/spi-mxs.c", 597, "goto out_master_free;")),
                    ""),
            new Driver("mxs-auart", "drivers/tty/serial/mxs-auart.c", "mxs_auart_dma_init",
                    List.of("fsl,imx28-auart", "fsl,imx23-auart", "alphascale,asm9260-auart"), List.of("rx", "tx"),
                    When.OPEN, How.SLAVE_CHANNEL, true, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/tty/serial/mxs-auart.c", 928, "dma_request_slave_channel(s->dev, \"rx\")"),
                            new Cite("drivers/tty/serial/mxs-auart.c", 936, "dma_request_slave_channel(s->dev, \"tx\")"),
                            new Cite("drivers/tty/serial/mxs-auart.c", 930, "goto err_out;"),
                            new Cite("drivers/tty/serial/mxs-auart.c", 1030, "if (!mxs_auart_dma_init(s))"),
                            new Cite("drivers/tty/serial/mxs-auart.c", 1610, "uart-has-rtscts")),
                    "only when the port is configured with CRTSCTS and the node has uart-has-rtscts (settermios)"),
            new Driver("mxcmmc", "drivers/mmc/host/mxcmmc.c", "mxcmci_probe",
                    List.of("fsl,imx21-mmc", "fsl,imx31-mmc", "fsl,mpc5121-sdhc"), List.of("rx-tx"), When.PROBE,
                    How.REQUEST_CHAN, true, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/mmc/host/mxcmmc.c", 1100, "dma_request_chan(&pdev->dev, \"rx-tx\")"),
                            new Cite("drivers/mmc/host/mxcmmc.c", 1102, "if (PTR_ERR(host->dma) == -EPROBE_DEFER) {"),
                            new Cite("drivers/mmc/host/mxcmmc.c", 1107, "fall back to PIO mode")),
                    ""),
            new Driver("mxs-saif", "sound/soc/mxs/mxs-saif.c", "snd_dmaengine_pcm_register", List.of("fsl,imx28-saif"),
                    List.of("rx-tx"), When.PROBE, How.REQUEST_CHAN, false, true, Fallback.STREAM_FAILS, false, false,
                    List.of(new Cite(PCM, 387, "chan = dma_request_chan(dev, name);"),
                            new Cite(PCM, 382, "name = \"rx-tx\";"),
                            new Cite("sound/soc/mxs/mxs-pcm.c", 42, "SND_DMAENGINE_PCM_FLAG_HALF_DUPLEX"),
                            new Cite("sound/soc/mxs/mxs-saif.c", 812, "mxs_pcm_platform_register(&pdev->dev)")),
                    "half duplex: one \"rx-tx\" channel for both directions"),
            pcm("fsl-sai", "sound/soc/fsl/fsl_sai.c", 1519, "imx_pcm_dma_init(pdev)",
                    List.of("fsl,vf610-sai", "fsl,imx6sx-sai", "fsl,imx6ul-sai", "fsl,imx7ulp-sai", "fsl,imx8mq-sai",
                            "fsl,imx8qm-sai", "fsl,imx8mm-sai", "fsl,imx8mp-sai", "fsl,imx8ulp-sai", "fsl,imx8mn-sai")),
            pcm("fsl-ssi", "sound/soc/fsl/fsl_ssi.c", 1403, "imx_pcm_dma_init(pdev)",
                    List.of("fsl,imx51-ssi", "fsl,imx35-ssi", "fsl,imx21-ssi"),
                    "with fsl,fiq-stream-filter the driver uses FIQ instead of DMA (fsl_ssi.c:1463)"),
            pcm("fsl-esai", "sound/soc/fsl/fsl_esai.c", 1079, "imx_pcm_dma_init(pdev)",
                    List.of("fsl,imx35-esai", "fsl,vf610-esai", "fsl,imx6ull-esai")),
            pcm("fsl-spdif", "sound/soc/fsl/fsl_spdif.c", 1643, "imx_pcm_dma_init(pdev)",
                    List.of("fsl,imx35-spdif", "fsl,vf610-spdif", "fsl,imx6sx-spdif", "fsl,imx8qm-spdif",
                            "fsl,imx8mm-spdif", "fsl,imx8ulp-spdif")),
            pcm("fsl-micfil", "sound/soc/fsl/fsl_micfil.c", 738, "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("fsl,imx8mm-micfil", "fsl,imx8mp-micfil")),
            pcm("fsl-xcvr", "sound/soc/fsl/fsl_xcvr.c", 1346, "devm_snd_dmaengine_pcm_register(dev, NULL, 0)",
                    List.of("fsl,imx8mp-xcvr", "fsl,imx93-xcvr")),
            pcm("fsl-aud2htx", "sound/soc/fsl/fsl_aud2htx.c", 241, "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("fsl,imx8mp-aud2htx")),
            new Driver("fsl-asrc", "sound/soc/fsl/fsl_asrc.c", "fsl_asrc_get_dma_channel",
                    List.of("fsl,imx35-asrc", "fsl,imx53-asrc", "fsl,imx8qm-asrc", "fsl,imx8qxp-asrc"),
                    List.of("rxa", "rxb", "rxc", "txa", "txb", "txc"), When.HW_PARAMS, How.SLAVE_CHANNEL, true, false,
                    Fallback.STREAM_FAILS, false, true,
                    List.of(new Cite("sound/soc/fsl/fsl_asrc.c", 641, "dma_request_slave_channel(&asrc->pdev->dev, name)"),
                            new Cite("sound/soc/fsl/fsl_asrc.c", 639, "sprintf(name, \"%cx%c\", dir == IN ? 'r' : 't', index + 'a');"),
                            new Cite("sound/soc/fsl/fsl_asrc_dma.c", 180, "pair->dma_chan[!dir] = asrc->get_dma_channel(pair, !dir);"),
                            new Cite("sound/soc/fsl/fsl_asrc_dma.c", 182, "\"failed to request DMA channel\\n\"")),
                    "one pair's channel per stream, requested in fsl_asrc_dma_hw_params and released at hw_free"),
            new Driver("fsl-easrc", "sound/soc/fsl/fsl_easrc.c", "fsl_easrc_get_dma_channel",
                    List.of("fsl,imx8mn-easrc"),
                    List.of("ctx0_rx", "ctx0_tx", "ctx1_rx", "ctx1_tx", "ctx2_rx", "ctx2_tx", "ctx3_rx", "ctx3_tx"),
                    When.HW_PARAMS, How.SLAVE_CHANNEL, true, false, Fallback.STREAM_FAILS, false, true,
                    List.of(new Cite("sound/soc/fsl/fsl_easrc.c", 1444, "dma_request_slave_channel(&easrc->pdev->dev, name)"),
                            new Cite("sound/soc/fsl/fsl_easrc.c", 1442, "sprintf(name, \"ctx%c_%cx\", index + '0', dir == IN ? 'r' : 't');"),
                            new Cite("sound/soc/fsl/fsl_asrc_dma.c", 180, "pair->dma_chan[!dir] = asrc->get_dma_channel(pair, !dir);"),
                            new Cite("sound/soc/fsl/fsl_asrc_dma.c", 182, "\"failed to request DMA channel\\n\"")),
                    "one context's channel per stream, requested in fsl_asrc_dma_hw_params and released at hw_free"),
            // ------------------------------------------------------------------ common consumers elsewhere
            new Driver("8250 (dw-apb-uart)", "drivers/tty/serial/8250/8250_dw.c", "serial8250_request_dma",
                    List.of("snps,dw-apb-uart"), List.of("rx", "tx"), When.OPEN, How.SLAVE_CHANNEL, true, false,
                    Fallback.PIO, true, false,
                    List.of(new Cite("drivers/tty/serial/8250/8250_dma.c", 231, "dma_request_slave_channel_compat(mask,"),
                            new Cite("drivers/tty/serial/8250/8250_dma.c", 233, "p->port.dev, \"rx\");"),
                            new Cite("drivers/tty/serial/8250/8250_dma.c", 252, "p->port.dev, \"tx\");"),
                            new Cite("drivers/tty/serial/8250/8250_dma.c", 235, "return -ENODEV;"),
                            new Cite("drivers/tty/serial/8250/8250_port.c", 2447, "if (uart_console(port))"),
                            new Cite("drivers/tty/serial/8250/8250_port.c", 2448, "forbid DMA for kernel console")),
                    "serial8250_do_startup forbids DMA for the console port"),
            new Driver("amba-pl011", "drivers/tty/serial/amba-pl011.c", "pl011_dma_probe", List.of("arm,pl011"),
                    List.of("tx", "rx"), When.OPEN, How.REQUEST_CHAN, true, false, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/tty/serial/amba-pl011.c", 408, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/tty/serial/amba-pl011.c", 440, "dma_request_slave_channel(dev, \"rx\")"),
                            new Cite("drivers/tty/serial/amba-pl011.c", 1109, "pl011_dma_probe(uap);"),
                            new Cite("drivers/tty/serial/amba-pl011.c", 1886, "pl011_dma_startup(uap);"),
                            new Cite("drivers/tty/serial/amba-pl011.c", 2984, ".id	= 0x00041011,")),
                    "an AMBA driver (matched by peripheral id); rx is optional and requested with "
                            + "dma_request_slave_channel; -EPROBE_DEFER on tx retries at the next open"),
            new Driver("spi-pl022", "drivers/spi/spi-pl022.c", "pl022_dma_autoprobe", List.of("arm,pl022"),
                    List.of("rx", "tx"), When.PROBE, How.REQUEST_CHAN, true, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-pl022.c", 1156, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/spi/spi-pl022.c", 1164, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/spi/spi-pl022.c", 2202, "status = pl022_dma_autoprobe(pl022);"),
                            new Cite("drivers/spi/spi-pl022.c", 2203, "if (status == -EPROBE_DEFER) {"),
                            new Cite("drivers/spi/spi-pl022.c", 2390, ".id	= 0x00041022,")),
                    "an AMBA driver (matched by peripheral id)"),
            new Driver("spi-rockchip", "drivers/spi/spi-rockchip.c", "rockchip_spi_probe",
                    List.of("rockchip,px30-spi", "rockchip,rk3036-spi", "rockchip,rk3066-spi", "rockchip,rk3188-spi",
                            "rockchip,rk3228-spi", "rockchip,rk3288-spi", "rockchip,rk3308-spi", "rockchip,rk3328-spi",
                            "rockchip,rk3368-spi", "rockchip,rk3399-spi", "rockchip,rv1108-spi", "rockchip,rv1126-spi"),
                    List.of("tx", "rx"), When.PROBE, How.REQUEST_CHAN, false, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-rockchip.c", 883, "dma_request_chan(rs->dev, \"tx\")"),
                            new Cite("drivers/spi/spi-rockchip.c", 894, "dma_request_chan(rs->dev, \"rx\")"),
                            new Cite("drivers/spi/spi-rockchip.c", 886, "if (PTR_ERR(ctlr->dma_tx) == -EPROBE_DEFER) {"),
                            new Cite("drivers/spi/spi-rockchip.c", 891, "ctlr->dma_tx = NULL;")),
                    ""),
            pcm("rockchip-i2s", "sound/soc/rockchip/rockchip_i2s.c", 835,
                    "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("rockchip,px30-i2s", "rockchip,rk1808-i2s", "rockchip,rk3036-i2s", "rockchip,rk3066-i2s",
                            "rockchip,rk3128-i2s", "rockchip,rk3188-i2s", "rockchip,rk3228-i2s", "rockchip,rk3288-i2s",
                            "rockchip,rk3308-i2s", "rockchip,rk3328-i2s", "rockchip,rk3366-i2s", "rockchip,rk3368-i2s",
                            "rockchip,rk3399-i2s", "rockchip,rv1126-i2s")),
            pcm("rockchip-i2s-tdm", "sound/soc/rockchip/rockchip_i2s_tdm.c", 1403,
                    "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("rockchip,px30-i2s-tdm", "rockchip,rk1808-i2s-tdm", "rockchip,rk3308-i2s-tdm",
                            "rockchip,rk3568-i2s-tdm", "rockchip,rv1126-i2s-tdm")),
            pcm("rockchip-spdif", "sound/soc/rockchip/rockchip_spdif.c", 354,
                    "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("rockchip,rk3066-spdif", "rockchip,rk3188-spdif", "rockchip,rk3228-spdif",
                            "rockchip,rk3288-spdif", "rockchip,rk3328-spdif", "rockchip,rk3366-spdif",
                            "rockchip,rk3368-spdif", "rockchip,rk3399-spdif", "rockchip,rk3568-spdif")),
            new Driver("spi-sun6i", "drivers/spi/spi-sun6i.c", "sun6i_spi_probe",
                    List.of("allwinner,sun6i-a31-spi", "allwinner,sun8i-h3-spi"), List.of("tx", "rx"), When.PROBE,
                    How.REQUEST_CHAN, false, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-sun6i.c", 649, "dma_request_chan(&pdev->dev, \"tx\")"),
                            new Cite("drivers/spi/spi-sun6i.c", 660, "dma_request_chan(&pdev->dev, \"rx\")"),
                            new Cite("drivers/spi/spi-sun6i.c", 652, "if (PTR_ERR(master->dma_tx) == -EPROBE_DEFER) {"),
                            new Cite("drivers/spi/spi-sun6i.c", 657, "master->dma_tx = NULL;")),
                    ""),
            pcm("sun4i-i2s", "sound/soc/sunxi/sun4i-i2s.c", 1585, "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("allwinner,sun4i-a10-i2s", "allwinner,sun6i-a31-i2s", "allwinner,sun8i-a83t-i2s",
                            "allwinner,sun8i-h3-i2s", "allwinner,sun50i-a64-codec-i2s", "allwinner,sun50i-h6-i2s",
                            "allwinner,sun50i-r329-i2s")),
            pcm("sun4i-spdif", "sound/soc/sunxi/sun4i-spdif.c", 706, "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("allwinner,sun4i-a10-spdif", "allwinner,sun6i-a31-spdif", "allwinner,sun8i-h3-spdif",
                            "allwinner,sun50i-h6-spdif", "allwinner,sun50i-h616-spdif")),
            pcm("sun4i-codec", "sound/soc/sunxi/sun4i-codec.c", 1846, "devm_snd_dmaengine_pcm_register(&pdev->dev, NULL, 0)",
                    List.of("allwinner,sun4i-a10-codec", "allwinner,sun6i-a31-codec", "allwinner,sun7i-a20-codec",
                            "allwinner,sun8i-a23-codec", "allwinner,sun8i-h3-codec", "allwinner,sun8i-v3s-codec")),
            new Driver("sun4i-tcon", "drivers/gpu/drm/sun4i/sun4i_tcon.c", "sun4i_tcon_bind",
                    List.of("allwinner,sun4i-a10-tcon", "allwinner,sun5i-a13-tcon", "allwinner,sun6i-a31-tcon",
                            "allwinner,sun6i-a31s-tcon", "allwinner,sun7i-a20-tcon", "allwinner,sun7i-a20-tcon0",
                            "allwinner,sun7i-a20-tcon1", "allwinner,sun8i-a23-tcon", "allwinner,sun8i-a33-tcon",
                            "allwinner,sun8i-a83t-tcon-lcd", "allwinner,sun8i-a83t-tcon-tv", "allwinner,sun8i-r40-tcon-tv",
                            "allwinner,sun8i-v3s-tcon", "allwinner,sun9i-a80-tcon-lcd", "allwinner,sun9i-a80-tcon-tv",
                            "allwinner,sun20i-d1-tcon-lcd", "allwinner,sun20i-d1-tcon-tv"),
                    List.of(), When.NEVER, How.REQUEST_CHAN, false, false, Fallback.PIO, false, false, List.of(),
                    "the display controller scans out on its own; the file has no dmaengine call"),
            pcm("stm32-sai", "sound/soc/stm/stm32_sai_sub.c", 1560, "snd_dmaengine_pcm_register(&pdev->dev, conf, 0)",
                    List.of("st,stm32-sai-sub-a", "st,stm32-sai-sub-b")),
            new Driver("spi-stm32", "drivers/spi/spi-stm32.c", "stm32_spi_probe",
                    List.of("st,stm32h7-spi", "st,stm32f4-spi"), List.of("tx", "rx"), When.PROBE, How.REQUEST_CHAN,
                    false, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/spi/spi-stm32.c", 1870, "dma_request_chan(spi->dev, \"tx\")"),
                            new Cite("drivers/spi/spi-stm32.c", 1882, "dma_request_chan(spi->dev, \"rx\")"),
                            new Cite("drivers/spi/spi-stm32.c", 1874, "if (ret == -EPROBE_DEFER)"),
                            new Cite("drivers/spi/spi-stm32.c", 1877, "failed to request tx dma channel")),
                    ""),
            new Driver("i2c-stm32f7", "drivers/i2c/busses/i2c-stm32f7.c", "stm32_i2c_dma_request",
                    List.of("st,stm32f7-i2c", "st,stm32mp15-i2c", "st,stm32mp13-i2c"), List.of("tx", "rx"),
                    When.PROBE, How.REQUEST_CHAN, true, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/i2c/busses/i2c-stm32.c", 26, "dma_request_chan(dev, \"tx\")"),
                            new Cite("drivers/i2c/busses/i2c-stm32.c", 47, "dma_request_chan(dev, \"rx\")"),
                            new Cite("drivers/i2c/busses/i2c-stm32.c", 32, "goto fail_al;"),
                            new Cite("drivers/i2c/busses/i2c-stm32f7.c", 2226, "if (ret != -ENODEV)"),
                            new Cite("drivers/i2c/busses/i2c-stm32f7.c", 2228, "fallback using interrupts")),
                    "only -ENODEV falls back to interrupts; any other error (-EPROBE_DEFER included) fails the probe"),
            new Driver("stm32-usart", "drivers/tty/serial/stm32-usart.c", "stm32_usart_serial_probe",
                    List.of("st,stm32-uart", "st,stm32f7-uart", "st,stm32h7-uart"), List.of("rx", "tx"), When.PROBE,
                    How.REQUEST_CHAN, false, true, Fallback.PIO, false, false,
                    List.of(new Cite("drivers/tty/serial/stm32-usart.c", 1671, "dma_request_chan(&pdev->dev, \"rx\")"),
                            new Cite("drivers/tty/serial/stm32-usart.c", 1679, "dma_request_chan(&pdev->dev, \"tx\")"),
                            new Cite("drivers/tty/serial/stm32-usart.c", 1672, "if (PTR_ERR(stm32port->rx_ch) == -EPROBE_DEFER)"),
                            new Cite("drivers/tty/serial/stm32-usart.c", 1675, "Fall back in interrupt mode")),
                    ""));

    /** A driver that registers the generic ASoC dmaengine PCM at probe (names "tx" and "rx"). */
    private static Driver pcm(String name, String source, int line, String call, List<String> compatibles) {
        return pcm(name, source, line, call, compatibles, "");
    }

    private static Driver pcm(String name, String source, int line, String call, List<String> compatibles, String note) {
        List<Cite> cites = new ArrayList<>(PCM_CITES);
        cites.add(new Cite(source, line, call));
        return new Driver(name, source, "dmaengine_pcm_request_chan_of", compatibles, List.of("tx", "rx"), When.PROBE,
                How.REQUEST_CHAN, false, true, Fallback.STREAM_FAILS, false, true, cites,
                note.isEmpty() ? "generic ASoC dmaengine PCM: a missing channel fails that stream (\"Missing dma "
                        + "channel for stream\")" : note);
    }

    private DriverRequests() {
    }

    public static List<Driver> all() {
        return DRIVERS;
    }

    /** The default model of a driver dtdma does not know: every distinct name, at probe, dma_request_chan. */
    public static Driver assumed(List<String> compatibles, List<String> dmaNames) {
        return new Driver(compatibles.isEmpty() ? "unknown driver" : compatibles.get(0) + " driver", null,
                "dma_request_chan", compatibles, List.copyOf(new LinkedHashSet<>(dmaNames)), When.PROBE,
                How.REQUEST_CHAN, false, true, Fallback.PIO, false, false, List.of(),
                "assumed: dtdma does not know this driver");
    }

    /** The known driver of a node, or the assumed default. */
    public static Driver of(List<String> compatibles, List<String> dmaNames) {
        Driver d = forCompatibles(compatibles);
        return d != null ? d : assumed(compatibles, dmaNames);
    }

    /**
     * The channel names a consumer's driver requests, in request order: the known driver's names, or, for a
     * driver dtdma does not know, every distinct {@code dma-names} entry in order (an assumption).
     */
    public static List<String> requestOrder(List<String> compatibles, List<String> dmaNames) {
        Driver d = forCompatibles(compatibles);
        return d != null ? d.names() : List.copyOf(new LinkedHashSet<>(dmaNames));
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
