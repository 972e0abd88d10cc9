package dtdma.devlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.conformance.ConformanceRun;
import dtdma.testing.Kernel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer-driver model end to end on real boards of the Debian 6.1 tree: the console UART, spi-imx after a
 * failed tx request, and the i.MX8MN EASRC (each case cites the driver code it follows).
 */
class ConsumerDriverBoardsTest {
    private static Analysis board(String rel, String settings) {
        Path k = Kernel.tree();
        DevlinkSettings s = DevlinkSettings.parse(settings);
        return new Boards(ConformanceRun.includeDirs(k), false, s).analyse(k.resolve(rel), () -> false);
    }

    private static Simulation boot(Analysis a, String settings) {
        return DevlinkModel.boot(a.dma(), a.sdma(), DevlinkSettings.parse(settings)).simulation();
    }

    private static Simulation.Consumer consumer(Simulation s, String label) {
        Device d = s.find(label);
        assertNotNull(d, label);
        Simulation.Consumer c = s.consumer(d);
        assertNotNull(c, label + " is a DMA consumer");
        return c;
    }

    /** imx_uart_startup: {@code if (!uart_console(port) && imx_uart_dma_init(sport) == 0)} (imx.c:1482). */
    @Test
    void consoleUartOfImx6qSabresdHoldsNoChannel() {
        Analysis a = board("arch/arm/boot/dts/imx6q-sabresd.dts", "mode=none");
        Simulation s = boot(a, "mode=none");
        Simulation.Consumer uart1 = consumer(s, "uart1");
        assertTrue(uart1.console(), "stdout-path = &uart1");
        assertTrue(uart1.held().isEmpty(), "nothing at probe");
        Simulation.Step open = s.apply(new Simulation.Event("open", "uart1", null));
        assertTrue(open.result().contains("console port, no DMA requested"), open.result());
        assertTrue(uart1.held().isEmpty(), "the console gets no DMA even when opened");
        // the channel budget counts no request for it either
        var sdma = a.sdma().controllers().get(0);
        assertTrue(sdma.budget().assigned().stream().noneMatch(x -> x.request().consumer().contains("serial@2020000")),
                sdma.budget().assigned().toString());
        assertTrue(open.trace().stream().anyMatch(t -> t.contains("imx.c:1482")), open.trace().toString());
    }

    /** A UART that is not the console requests rx then tx when opened, and releases them when closed. */
    @Test
    void otherUartOfImx8mnEvkRequestsAtOpen() {
        Analysis a = board("arch/arm64/boot/dts/freescale/imx8mn-ddr4-evk.dts", "mode=none");
        Simulation s = boot(a, "mode=none");
        Simulation.Consumer uart3 = consumer(s, "uart3");
        assertFalse(uart3.console());
        assertTrue(uart3.held().isEmpty(), "imx-uart requests nothing at probe");
        Simulation.Step open = s.apply(new Simulation.Event("open", "uart3", null));
        assertEquals(List.of("rx", "tx"), uart3.held().stream().map(Simulation.Held::name).toList(), open.toString());
        s.apply(new Simulation.Event("close", "uart3", null));
        assertTrue(uart3.held().isEmpty());
    }

    /**
     * spi_imx_sdma_init (spi-imx.c:1331-1345): a failed tx request jumps to the error path, so rx is never
     * requested and the driver uses PIO. Frank Li's sketch makes the tx link fail (DL002); the channel
     * dma_request_chan already allocated is leaked and shown held, never free.
     */
    @Test
    void spiImxStopsAfterAFailedTxRequestOnImx8mmKontronBl() {
        Analysis a = board("arch/arm64/boot/dts/freescale/imx8mm-kontron-bl.dts", "mode=frank-sketch");
        Simulation s = boot(a, "mode=frank-sketch");
        Simulation.Consumer spi = consumer(s, "ecspi2");
        assertTrue(spi.requestsAtProbe());
        assertEquals(DevState.BOUND, spi.device().state(), "PIO fallback: the probe succeeds");
        assertTrue(spi.held().isEmpty(), "no channel in use");
        List<String> boot = s.steps().get(0).trace();
        assertTrue(boot.stream().anyMatch(t -> t.contains("dma_request_chan(" + spi.device().name() + ", \"tx\")")), boot.toString());
        assertTrue(boot.stream().noneMatch(t -> t.contains("dma_request_chan(" + spi.device().name() + ", \"rx\")")),
                "rx is never requested");
        assertTrue(boot.stream().anyMatch(t -> t.contains("rx never requested") && t.contains("spi-imx.c:1331")),
                boot.toString());
        assertTrue(boot.stream().anyMatch(t -> t.strip().startsWith(spi.device().name() + ": DMA \"tx\" unavailable")
                && t.contains("falls back to PIO")), boot.toString());
        // the leaked tx channel: held by ecspi2, never "free"
        String text = Topology.of(s, "kontron").text();
        assertTrue(text.contains("held by " + spi.device().name() + " \"tx\" (leaked"), text);
        // DL002 on the tx specifier; nothing about rx (never requested)
        List<Diagnostic> dl = a.result().diagnostics().stream().filter(d -> d.code() == Code.DL002).toList();
        assertFalse(dl.isEmpty());
    }

    /** fw_devlink's own links (strict) get DL012 (irq-safe consumer) and DL013 (SDMA never enables runtime PM). */
    @Test
    void fwDevlinkLinksGetTheRuntimePmFindings() {
        String set = "mode=fw_devlink-strict irq-safe=fsl,imx8mn-sai";
        Analysis a = board("arch/arm64/boot/dts/freescale/imx8mn-ddr4-evk.dts", set);
        List<Diagnostic> dl = a.result().diagnostics().stream().filter(d -> d.code().id().startsWith("DL")).toList();
        assertTrue(dl.stream().anyMatch(d -> d.code() == Code.DL013 && d.message().contains("fw_devlink_create_devlink")),
                dl.toString());
        assertTrue(dl.stream().anyMatch(d -> d.code() == Code.DL012 && d.message().contains("fw_devlink_create_devlink")
                && d.message().contains("30020000.sai")), dl.toString());
    }

    /**
     * fsl_easrc_get_dma_channel (fsl_easrc.c:1444) via fsl_asrc_dma_hw_params: an idle EASRC holds no channel;
     * hw_params requests one context's channel, hw_free releases it. Type 23 on i.MX8MN: per_2_per is not in
     * sdma_script_imx7d, so the dev-to-dev path needs the RAM firmware.
     */
    @Test
    void easrcOfImx8mnEvkRequestsAtHwParams() {
        Analysis a = board("arch/arm64/boot/dts/freescale/imx8mn-ddr4-evk.dts", "mode=felsch-v2");
        Simulation s = boot(a, "mode=felsch-v2");
        Simulation.Consumer easrc = consumer(s, "easrc");
        assertFalse(easrc.requestsAtProbe());
        assertTrue(easrc.held().isEmpty(), "an idle EASRC holds no channel");
        assertTrue(s.core().links().stream().noneMatch(l -> l.consumer() == easrc.device()), "and has no link yet");
        Simulation.Step hw = s.apply(new Simulation.Event("hw_params", "easrc", "ctx0_rx"));
        assertEquals(List.of("ctx0_rx"), easrc.held().stream().map(Simulation.Held::name).toList(), hw.toString());
        // DL015 says the link is made at hw_params, after the consumer bound
        assertTrue(s.findings().stream().anyMatch(f -> f.code() == Code.DL015 && f.message().contains("at PCM hw_params")
                && f.message().contains("gates no probe")), s.findings().toString());
        s.apply(new Simulation.Event("hw_free", "easrc", null));
        assertTrue(easrc.held().isEmpty());
        // the channel budget after boot counts no EASRC request
        assertTrue(a.sdma().controllers().stream().flatMap(c -> c.budget().assigned().stream())
                .noneMatch(x -> x.request().consumer().contains("easrc")));
        // per_2_per warning on its specifiers
        assertTrue(a.result().diagnostics().stream().anyMatch(d -> d.code() == Code.SD004
                && d.severity() == Severity.WARNING && d.message().contains("per_2_per")
                && d.message().contains("sdma_script_imx7d")), "per_2_per needs the RAM firmware on i.MX8MN");
    }
}
