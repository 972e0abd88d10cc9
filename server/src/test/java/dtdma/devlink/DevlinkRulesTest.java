package dtdma.devlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.devlink.checks.FindingCheck;
import dtdma.dma.DmaModel;
import dtdma.sdma.SdmaModel;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation records what happened (device_link_add calls, unregistrations, WARNs) and each DL check class
 * holds the rule that turns those records into its findings: the records' facts, each rule on its own, and the
 * exact wording of the branches the fixtures under fixtures/checks do not reach (a scenario's unbind, a request
 * after probe, a mandatory channel, fw_devlink links).
 */
class DevlinkRulesTest {
    @TempDir
    Path dir;

    private Simulation sim(String settings, String... events) throws IOException {
        Path f = dir.resolve("board.dts");
        if (!Files.exists(f)) {
            Files.writeString(f, DevlinkScenarioTest.BOARD);
        }
        var r = new Boards(List.of(), false).load(f);
        DmaModel dma = DmaModel.of(r.tree());
        Simulation s = new Simulation(dma, SdmaModel.of(dma), DevlinkSettings.parse(settings));
        s.boot();
        for (String e : events) {
            String[] w = e.split(" ");
            s.apply(new Simulation.Event(w[0], w[1], null));
        }
        return s;
    }

    private static List<String> texts(Simulation s) {
        List<String> out = new ArrayList<>();
        for (Finding f : s.findings()) {
            out.add(f.code().id() + " " + (f.specifier() == null ? "-" : f.specifier().name()) + " " + f.message());
        }
        return out;
    }

    private static List<FindingCheck> rules() {
        List<FindingCheck> out = new ArrayList<>();
        for (Check<DevlinkModel> c : DevlinkChecks.all()) {
            out.add((FindingCheck) c);
        }
        return out;
    }

    @Test
    void recordsHoldTheCallsAndTheLinkStateJustAfter() throws IOException {
        Simulation s = sim("mode=felsch-v1 strict");
        List<DevlinkRecord.LinkAdd> adds = new ArrayList<>();
        for (DevlinkRecord r : s.records()) {
            if (r instanceof DevlinkRecord.LinkAdd a) {
                adds.add(a);
            }
        }
        // fw_devlink links ecspi1 and uart2 before any probe; ecspi1's probe requests rx and tx (the UART only
        // when opened), and each dma_request_chan call finds the fw_devlink link
        assertEquals(4, adds.size(), adds.toString());
        DevlinkRecord.LinkAdd fw = adds.get(0);
        assertEquals(DevlinkRecord.Origin.FW_DEVLINK, fw.origin());
        assertEquals(DlFlags.FW_DEVLINK_RPM, fw.flags());
        assertTrue(fw.linkHas(DlFlags.INFERRED));
        assertFalse(fw.result().existing());
        assertNull(fw.channel());
        assertTrue(fw.supplierRpmDisabled(), "imx-sdma never enables runtime PM");
        DevlinkRecord.LinkAdd req = adds.get(2);
        assertEquals(DevlinkRecord.Origin.DMA_REQUEST, req.origin());
        assertEquals(DlFlags.AUTOREMOVE_CONSUMER, req.flags());
        assertTrue(req.result().existing());
        assertEquals("dma0chan0", req.channel().name());
        assertEquals("30820000.spi", req.consumer().device().name());
        assertTrue(req.fwDevlinkStrict());
        // the snapshot does not follow the live link: the link was later made active by the bind
        assertEquals(LinkStatus.CONSUMER_PROBE, req.linkStatus());
        assertEquals(LinkStatus.ACTIVE, req.result().link().status());
    }

    @Test
    void eachRuleReportsOnlyItsCodeAndTogetherTheyAreTheFindings() throws IOException {
        for (String settings : List.of("mode=felsch-v1 strict", "mode=frank-sketch", "mode=frank-legal",
                "mode=custom flags=AUTOREMOVE_CONSUMER supplier=channel", "mode=custom flags=PM_RUNTIME|RPM_ACTIVE",
                "mode=custom flags=RPM_ACTIVE|AUTOREMOVE_CONSUMER|AUTOREMOVE_SUPPLIER",
                "mode=custom flags=PM_RUNTIME irq-safe=fsl,imx8mp-ecspi")) {
            Simulation s = sim(settings, "open uart2", "unbind sdma1");
            Set<Finding> all = new LinkedHashSet<>();
            for (FindingCheck c : rules()) {
                List<Finding> mine = new ArrayList<>();
                for (DevlinkRecord r : s.records()) {
                    c.judge(r, mine);
                }
                for (Finding f : mine) {
                    assertEquals(c.code(), f.code(), settings + ": " + c.getClass().getSimpleName());
                }
                all.addAll(mine);
            }
            assertEquals(Set.copyOf(s.findings()), all, settings);
            assertFalse(all.isEmpty(), settings);
        }
    }

    @Test
    void unbindUnderActiveClients() throws IOException {
        assertEquals(List.of("DL014 - dma_async_device_unregister called while 2 clients hold a reference: dma0chan0"
                + " (30820000.spi \"tx\"), dma0chan1 (30820000.spi \"rx\"); the controller goes away under active"
                + " consumers (mode none); with the old sdma_remove(): channel 0 is never vchan_init'ed (NULL"
                + " dereference) and the clocks of all 32 channels are disabled (underflow)"),
                texts(sim("mode=none", "unbind sdma1")));
        List<String> t = texts(sim("mode=frank-sketch", "unbind sdma1"));
        assertEquals(2, t.size(), t.toString());
        assertEquals("DL014 - dma_async_device_unregister called while 1 clients hold a reference: dma0chan0"
                + " (30820000.spi \"tx\", leaked); the controller goes away under active consumers (mode"
                + " frank-sketch); with the old sdma_remove(): channel 0 is never vchan_init'ed (NULL dereference) and"
                + " the clocks of all 32 channels are disabled (underflow)", t.get(1));
        assertTrue(texts(sim("mode=none")).isEmpty(), "no unbind, no DL014");
    }

    @Test
    void aLinkMadeAfterProbeGatesNothing() throws IOException {
        List<String> t = texts(sim("mode=felsch-v1", "open uart2"));
        assertEquals(List.of("DL015 tx device_link_add(30820000.spi, 30bd0000.dma-controller, AUTOREMOVE_CONSUMER) in"
                + " dma_request_chan (Felsch v1 09/11): the link starts consumer probing (device_link_init_status): it"
                + " is made inside spi-imx's probe (spi_imx_sdma_init (drivers/spi/spi-imx.c:1331)) after the channel"
                + " was obtained, so it does not gate that probe; it orders later unbinds",
                "DL015 rx device_link_add(30890000.serial, 30bd0000.dma-controller, AUTOREMOVE_CONSUMER) in"
                + " dma_request_chan (Felsch v1 09/11): the link starts active (device_link_init_status): it is made"
                + " when the port is opened (startup) (imx_uart_dma_init (drivers/tty/serial/imx.c:1365)), after the"
                + " consumer bound, so it gates no probe at all; it orders later unbinds"), t);
    }

    @Test
    void aFailedLinkSaysWhatTheDriverDoesWithoutTheChannel() throws IOException {
        String head = "DL001 tx device_link_add(30820000.spi, 30bd0000.dma-controller, MANAGED) in dma_request_chan"
                + " (custom) returns NULL: flags & ~DL_ADD_VALID_FLAGS = MANAGED (DL_FLAG_MANAGED is internal and may"
                + " not be passed in) (rule 2 of device_link_add); dma_request_chan returns -EINVAL and leaks"
                + " dma0chan0; ";
        assertEquals(List.of(head + "the consumer probe fails -EINVAL"),
                texts(sim("mode=custom flags=MANAGED mandatory=fsl,imx8mp-ecspi")));
        assertEquals(List.of(head + "the spi-imx driver falls back to PIO"), texts(sim("mode=custom flags=MANAGED")));
    }

    @Test
    void fwDevlinkLinksAreJudgedWhenMadeAndAStatelessMergeAgain() throws IOException {
        String fw = " in fw_devlink_create_devlink(%1$s -> 30bd0000.dma-controller) from dmas (strict): runtime PM of"
                + " 30bd0000.dma-controller is disabled, rpm_get_suppliers ignores -EACCES: no power effect";
        String fwHead = "DL013 rx device_link_add(%1$s, 30bd0000.dma-controller, PM_RUNTIME|AUTOPROBE_CONSUMER|INFERRED)";
        String req = "device_link_add(30820000.spi, 30bd0000.dma-controller, STATELESS) in dma_request_chan (custom)";
        String stateless = ": stateless link, no probe or remove ordering (\"stateless/unmanaged links don't guarantee"
                + " the correct remove order\", Documentation/driver-api/device_link.rst)";
        String off = ": runtime PM of 30bd0000.dma-controller is disabled, rpm_get_suppliers ignores -EACCES: no"
                + " power effect";
        assertEquals(List.of((fwHead + fw).formatted("30820000.spi"), (fwHead + fw).formatted("30890000.serial"),
                "DL011 tx " + req + stateless, "DL013 tx " + req + off, "DL011 rx " + req + stateless,
                "DL013 rx " + req + off), texts(sim("mode=custom flags=STATELESS strict")));
    }

    @Test
    void noRuleLeftInline() {
        // every DL code has exactly one check class, and every class has a rule of its own
        Set<Code> codes = new LinkedHashSet<>();
        for (FindingCheck c : rules()) {
            assertTrue(codes.add(c.code()), c.code().id());
            assertTrue(c.code().id().startsWith("DL"), c.code().id());
        }
        assertEquals(15, codes.size());
    }
}
