package dtdma.devlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.dma.DmaModel;
import dtdma.sdma.SdmaModel;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario tests of the device-link simulator in every mode, and property tests over random events. */
class DevlinkScenarioTest {
    /** The worked example E.6: ecspi1 on sdma1 of an i.MX8MP, plus a UART on the same controller. */
    static final String BOARD = """
            /dts-v1/;
            / {
            	#address-cells = <1>;
            	#size-cells = <1>;
            	soc {
            		compatible = "simple-bus";
            		#address-cells = <1>;
            		#size-cells = <1>;
            		ranges;
            		sdma1: dma-controller@30bd0000 {
            			compatible = "fsl,imx8mp-sdma", "fsl,imx8mq-sdma";
            			reg = <0x30bd0000 0x10000>;
            			#dma-cells = <3>;
            			fsl,sdma-ram-script-name = "imx/sdma/sdma-imx7d.bin";
            		};
            		ecspi1: spi@30820000 {
            			compatible = "fsl,imx8mp-ecspi", "fsl,imx6ul-ecspi";
            			reg = <0x30820000 0x10000>;
            			dmas = <&sdma1 0 7 1>, <&sdma1 1 7 2>;
            			dma-names = "rx", "tx";
            		};
            		uart2: serial@30890000 {
            			compatible = "fsl,imx8mp-uart", "fsl,imx6q-uart";
            			reg = <0x30890000 0x10000>;
            			dmas = <&sdma1 24 4 0>, <&sdma1 25 4 0>;
            			dma-names = "rx", "tx";
            		};
            	};
            };
            """;

    @TempDir
    static Path dir;

    static Simulation sim(DevlinkSettings s) throws IOException {
        Path f = dir.resolve("board.dts");
        if (!Files.exists(f)) {
            Files.writeString(f, BOARD);
        }
        var r = new Boards(List.of(), false).load(f);
        DmaModel dma = DmaModel.of(r.tree());
        Simulation sim = new Simulation(dma, SdmaModel.of(dma), s);
        sim.boot();
        return sim;
    }

    static Simulation.Step run(Simulation s, String op, String dev) {
        return s.apply(new Simulation.Event(op, dev, null));
    }

    static boolean has(Simulation s, Code c) {
        return s.findings().stream().anyMatch(f -> f.code() == c);
    }

    @Test
    void workedExampleFelschV2() throws IOException {
        Simulation s = sim(DevlinkSettings.of(Mode.FELSCH_V2, false));
        Device spi = s.find("ecspi1");
        Device sdma = s.find("sdma1");
        assertEquals(DevState.BOUND, spi.state());
        assertEquals(1, spi.supplierLinks().size(), "one link per consumer/controller pair");
        Link l = spi.supplierLinks().get(0);
        assertEquals(sdma, l.supplier());
        assertEquals(DlFlags.AUTOREMOVE_CONSUMER | DlFlags.MANAGED, l.flags());
        assertEquals(LinkStatus.ACTIVE, l.status());
        assertEquals(1, l.kref(), "managed re-adds take no kref");
        String boot = String.join("\n", s.steps().get(0).trace());
        assertTrue(boot.contains("status consumer probing"), boot);
        assertTrue(boot.contains("-> existing link"), boot);
        assertTrue(has(s, Code.DL015));
        // spi-imx requests tx then rx
        assertEquals("dma0chan0", s.consumer(spi).held().get(0).channel().device().name());
        assertEquals("tx", s.consumer(spi).held().get(0).name());

        Simulation.Step st = run(s, "unbind", "sdma1");
        String t = String.join("\n", st.trace());
        assertTrue(t.indexOf("force unbind of consumer 30820000.spi") < t.indexOf("dma_async_device_unregister"), t);
        assertEquals(DevState.NO_DRIVER, spi.state());
        assertEquals(DevState.NO_DRIVER, sdma.state());
        assertTrue(spi.supplierLinks().isEmpty(), "AUTOREMOVE_CONSUMER link dropped");
        assertFalse(has(s, Code.DL014), "no controller removal under active clients");
        assertEquals(0, sdma.usageCount());

        run(s, "bind", "sdma1");
        assertEquals(DevState.NO_DRIVER, spi.state(), "no AUTOPROBE_CONSUMER: the consumer stays unbound");
        run(s, "bind", "ecspi1");
        assertEquals(DevState.BOUND, spi.state());
        run(s, "resume", "ecspi1");
        assertEquals(0, sdma.usageCount(), "no PM_RUNTIME flag: runtime PM unaffected");
    }

    @Test
    void modeNoneUnbindsUnderActiveClients() throws IOException {
        Simulation s = sim(DevlinkSettings.NONE);
        assertTrue(s.core().links().isEmpty());
        run(s, "unbind", "sdma1");
        assertTrue(has(s, Code.DL014));
        assertEquals(DevState.BOUND, s.find("ecspi1").state(), "the consumer is not unbound first");
        String msg = s.findings().get(0).message();
        // ecspi1's two channels; the UARTs request theirs only when opened (imx_uart_startup)
        assertTrue(msg.contains("2 clients hold a reference"), msg);
    }

    @Test
    void frankSketchIsRejected() throws IOException {
        Simulation s = sim(DevlinkSettings.of(Mode.FRANK_SKETCH, false));
        assertTrue(s.core().links().isEmpty());
        assertTrue(has(s, Code.DL002));
        Finding f = s.findings().stream().filter(x -> x.code() == Code.DL002).findFirst().orElseThrow();
        assertTrue(f.message().contains("rule 3"), f.message());
        assertTrue(f.message().contains("leaks"), f.message());
        // spi-imx falls back to PIO but the channels stay allocated
        Simulation.Controller c = s.controller(s.find("sdma1"));
        assertTrue(c.channels().stream().allMatch(Simulation.Channel::leaked));
        assertEquals(DevState.BOUND, s.find("ecspi1").state());
    }

    @Test
    void dormantManagedLinkToChannelWarns() throws IOException {
        Simulation s = sim(DevlinkSettings.of(Mode.CUSTOM, false).withCustom(DlFlags.AUTOREMOVE_CONSUMER, true));
        assertTrue(has(s, Code.DL009));
        assertTrue(s.core().warns().stream().anyMatch(w -> w.function().equals("device_links_driver_bound")));
        assertTrue(s.core().links().stream().allMatch(l -> l.status() == LinkStatus.ACTIVE));
        // without AUTOREMOVE the link survives unbind and the next probe defers forever
        Simulation p = sim(DevlinkSettings.of(Mode.CUSTOM, false).withCustom(0, true));
        run(p, "unbind", "ecspi1");
        Simulation.Step st = run(p, "bind", "ecspi1");
        assertTrue(st.result().contains("-EPROBE_DEFER"), st.result());
        assertTrue(String.join("\n", st.trace()).contains("supplier dma0chan"), st.trace().toString());
    }

    @Test
    void frankLegalHasNoPowerEffectUnlessChannelPmIsOn() throws IOException {
        Simulation s = sim(DevlinkSettings.of(Mode.FRANK_LEGAL, false));
        assertTrue(has(s, Code.DL011));
        assertTrue(has(s, Code.DL013));
        Link l = s.find("ecspi1").supplierLinks().get(0);
        assertEquals(LinkStatus.NONE, l.status());
        run(s, "resume", "ecspi1");
        assertEquals(2, l.rpmActive());
        assertEquals(RpmStatus.SUSPENDED, l.supplier().rpmStatus(), "-EACCES ignored: no power change");
        run(s, "suspend", "ecspi1");
        assertEquals(1, l.rpmActive());
        assertEquals(0, l.supplier().usageCount());

        Simulation p = sim(DevlinkSettings.of(Mode.FRANK_LEGAL, false).withPm(true, true));
        Device spi = p.find("ecspi1");
        Device sdma = p.find("sdma1");
        run(p, "resume", "ecspi1");
        Device chan = spi.supplierLinks().get(0).supplier();
        assertEquals(RpmStatus.ACTIVE, chan.rpmStatus());
        assertEquals(RpmStatus.ACTIVE, sdma.rpmStatus(), "the channel's parent resumes first");
        assertEquals(2, sdma.childCount());
        run(p, "suspend", "ecspi1");
        assertEquals(RpmStatus.SUSPENDED, sdma.rpmStatus());
        assertEquals(0, sdma.childCount());
        // the legal flags plus RPM_ACTIVE fail while channel runtime PM is disabled
        Simulation q = sim(DevlinkSettings.of(Mode.FRANK_LEGAL, false).withFrankLegalRpmActive(true));
        assertTrue(has(q, Code.DL005));
    }

    @Test
    void fwDevlinkStrictGatesProbeAndReprobes() throws IOException {
        Simulation s = sim(DevlinkSettings.of(Mode.FELSCH_V1, true));
        assertTrue(has(s, Code.DL010));
        Device spi = s.find("ecspi1");
        Link l = spi.supplierLinks().get(0);
        assertFalse(l.has(DlFlags.INFERRED), "a driver re-add clears INFERRED");
        assertFalse(l.has(DlFlags.AUTOREMOVE_CONSUMER));
        run(s, "unbind", "sdma1");
        assertEquals(DevState.NO_DRIVER, spi.state());
        assertEquals(LinkStatus.DORMANT, l.status());
        Simulation.Step b = run(s, "bind", "ecspi1");
        assertTrue(b.result().contains("-EPROBE_DEFER"), b.result());
        run(s, "bind", "sdma1");
        assertEquals(DevState.BOUND, spi.state(), "AUTOPROBE_CONSUMER re-probes the consumer");
        assertEquals(LinkStatus.ACTIVE, l.status());
    }

    @Test
    void scenarioJson() throws IOException {
        Scenario sc = Scenario.parse("{\"settings\":\"channel-pm\",\"events\":[{\"op\":\"resume\",\"device\":\"uart2\"},"
                + "{\"op\":\"release\",\"device\":\"uart2\",\"name\":\"rx\"}]}");
        assertEquals("channel-pm", sc.settings());
        assertEquals(2, sc.events().size());
        assertEquals("rx", sc.events().get(1).name());
        assertNull(sc.events().get(0).name());
    }

    // ------------------------------------------------------------------------------------------ properties

    static final List<DevlinkSettings> ALL = List.of(DevlinkSettings.NONE, DevlinkSettings.of(Mode.FELSCH_V1, false),
            DevlinkSettings.of(Mode.FELSCH_V2, false), DevlinkSettings.of(Mode.FRANK_SKETCH, false),
            DevlinkSettings.of(Mode.FRANK_LEGAL, false), DevlinkSettings.of(Mode.FRANK_LEGAL, false).withPm(true, true),
            DevlinkSettings.of(Mode.NONE, true), DevlinkSettings.of(Mode.FELSCH_V2, true),
            DevlinkSettings.of(Mode.CUSTOM, false).withCustom(DlFlags.PM_RUNTIME | DlFlags.AUTOREMOVE_CONSUMER, false)
                    .withPm(false, true),
            DevlinkSettings.of(Mode.CUSTOM, false).withCustom(DlFlags.PM_RUNTIME, true).withPm(true, true));

    @Test
    void randomEventSequencesKeepTheInvariants() throws IOException {
        String[] devs = {"ecspi1", "uart2", "sdma1"};
        String[] ops = {"resume", "suspend", "resume", "bind", "unbind"};
        for (DevlinkSettings set : ALL) {
            for (long seed = 1; seed <= 40; seed++) {
                Random rnd = new Random(seed * 7919 + set.hashCode());
                Simulation s = sim(set);
                for (int i = 0; i < 30; i++) {
                    String op = ops[rnd.nextInt(ops.length)];
                    String dev = devs[rnd.nextInt(devs.length)];
                    if ((op.equals("resume") || op.equals("suspend")) && dev.equals("sdma1")) {
                        dev = "ecspi1";
                    }
                    Device d = s.find(dev);
                    boolean sdmaUnbind = op.equals("unbind") && d.kind() == Device.Kind.DMA_CONTROLLER;
                    s.apply(new Simulation.Event(op, dev, null));
                    String where = set.describe() + " seed " + seed + " step " + i + " " + op + " " + dev;
                    invariants(s, where);
                    if (sdmaUnbind) {
                        for (Simulation.Consumer c : s.consumers()) {
                            if (c.device().state() == DevState.BOUND) {
                                for (Link l : c.device().supplierLinks()) {
                                    assertFalse(l.managed() && l.supplier() == d, where + ": bound consumer "
                                            + c.device() + " keeps a managed link to the unbound supplier");
                                }
                            }
                        }
                    }
                }
                for (Simulation.Consumer c : s.consumers()) {
                    while (c.device().usageCount() > 0) {
                        s.apply(new Simulation.Event("suspend", c.device().name(), null));
                    }
                }
                for (Link l : s.core().links()) {
                    assertEquals(1, l.rpmActive(), set.describe() + " seed " + seed + ": " + l + " holds references");
                }
                for (Simulation.Controller c : s.controllers()) {
                    assertEquals(0, c.device().usageCount(), set.describe() + " seed " + seed + ": baseline");
                    for (Simulation.Channel ch : c.channels()) {
                        assertEquals(0, ch.device().usageCount(), set.describe() + " seed " + seed + ": baseline");
                    }
                }
            }
        }
    }

    private static void invariants(Simulation s, String where) {
        for (Device d : s.devices()) {
            assertTrue(d.usageCount() >= 0 && d.childCount() >= 0, where + ": negative count on " + d);
        }
        for (Simulation.Controller c : s.controllers()) {
            check(c.device(), where);
            for (Simulation.Channel ch : c.channels()) {
                check(ch.device(), where);
            }
        }
    }

    /** A pure supplier's usage count is exactly the references its links hold. */
    private static void check(Device sup, String where) {
        assertTrue(sup.usageCount() >= 0, where);
        int held = 0;
        for (Link l : sup.consumerLinks()) {
            assertTrue(l.rpmActive() >= 1, where + ": " + l);
            held += l.rpmActive() - 1;
        }
        assertEquals(held, sup.usageCount(), where + ": usage_count of " + sup + " vs link references");
    }

    @Test
    void settingsParse() {
        DevlinkSettings s = DevlinkSettings.parse("mode=custom flags=STATELESS|PM_RUNTIME supplier=channel strict");
        assertEquals(Mode.CUSTOM, s.mode());
        assertTrue(s.fwDevlinkStrict());
        assertEquals(DlFlags.STATELESS | DlFlags.PM_RUNTIME, s.customFlags());
        assertTrue(s.customToChannel());
        assertEquals("STATELESS|PM_RUNTIME", DlFlags.format(s.customFlags()));
        assertNotNull(DevlinkSettings.parse("mode=fw_devlink-strict"));
        assertTrue(DevlinkSettings.parse("mode=fw_devlink-strict").fwDevlinkStrict());
    }
}
