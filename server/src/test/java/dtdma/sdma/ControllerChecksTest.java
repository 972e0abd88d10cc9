package dtdma.sdma;

import static org.junit.jupiter.api.Assertions.*;

import dtdma.check.Code;
import dtdma.check.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerChecksTest {
    private static List<Code> codes(List<SdmaFinding> fs) {
        return fs.stream().map(SdmaFinding::code).toList();
    }

    @Test
    void eventRemap() {
        assertEquals(List.of(), codes(ControllerChecks.eventRemap(-1, false)));
        assertEquals(List.of(), codes(ControllerChecks.eventRemap(0, true)));
        assertEquals(List.of(), codes(ControllerChecks.eventRemap(6, true)));
        List<SdmaFinding> bad = ControllerChecks.eventRemap(4, true);
        assertEquals(List.of(Code.SD009), codes(bad));
        assertTrue(bad.get(0).message().contains("must modulo 3"));
        assertEquals(List.of(Code.SD009), codes(ControllerChecks.eventRemap(9, true)));
        assertEquals(List.of(Code.SD010), codes(ControllerChecks.eventRemap(6, false)));
        assertEquals(List.of(Code.SD009, Code.SD010), codes(ControllerChecks.eventRemap(5, false)));
    }

    @Test
    void ramScriptName() {
        assertEquals(List.of(Code.SD011), codes(ControllerChecks.ramScriptName(false)));
        assertTrue(ControllerChecks.ramScriptName(true).isEmpty());
    }

    @Test
    void bindingCompatibles() {
        assertTrue(ControllerChecks.compatibleAllowed(List.of("fsl,imx8mp-sdma", "fsl,imx8mq-sdma")));
        assertTrue(ControllerChecks.compatibleAllowed(List.of("fsl,imx6ul-sdma", "fsl,imx6q-sdma", "fsl,imx35-sdma")));
        assertTrue(ControllerChecks.compatibleAllowed(List.of("fsl,imx31-sdma")));
        assertTrue(ControllerChecks.compatibleAllowed(List.of("fsl,imx50-sdma", "fsl,imx35-sdma")));
        assertFalse(ControllerChecks.compatibleAllowed(List.of("fsl,imx6ul-sdma", "fsl,imx6q-sdma")));
        assertFalse(ControllerChecks.compatibleAllowed(List.of("fsl,imx8mq-sdma")));
        assertFalse(ControllerChecks.compatibleAllowed(List.of("fsl,imx8mp-sdma")));
        List<SdmaFinding> f = ControllerChecks.compatible(List.of("fsl,imx8mq-sdma"));
        assertEquals(List.of(Code.SD012), codes(f));
        assertTrue(f.get(0).message().contains("sdma_imx8mq"), f.get(0).message());
        assertTrue(ControllerChecks.compatible(List.of("fsl,imx8mp-sdma")).get(0).message().contains("not bind"));
        assertTrue(ControllerChecks.compatible(List.of("fsl,imx7d-sdma", "fsl,imx35-sdma")).isEmpty());
    }

    @Test
    void genericProperties() {
        assertEquals(List.of(Code.SD013, Code.SD013),
            codes(ControllerChecks.genericProperties(Set.of("dma-channels", "dma-channel-mask", "reg"))));
        assertTrue(ControllerChecks.genericProperties(Set.of("reg", "#dma-cells")).isEmpty());
    }

    @Test
    void sharedEvents() {
        List<ControllerChecks.EventUse> uses = List.of(
            new ControllerChecks.EventUse("uart4", "rx", 31), new ControllerChecks.EventUse("uart4", "tx", 32),
            new ControllerChecks.EventUse("sai1", "rx", 31), new ControllerChecks.EventUse("sai1", "tx", 32),
            new ControllerChecks.EventUse("spdif", "rx", 14));
        Map<Long, SdmaFinding> m = ControllerChecks.sharedEvents(uses, false, false);
        assertEquals(Set.of(31L, 32L), m.keySet());
        assertEquals(Code.SD008, m.get(31L).code());
        assertEquals(Severity.WARNING, m.get(31L).severity());
        assertEquals(Severity.INFO, ControllerChecks.sharedEvents(uses, true, true).get(31L).severity());
    }

    @Test
    void channelBudget() {
        List<ChannelBudget.Request> reqs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            reqs.add(new ChannelBudget.Request("/soc/dev" + i, "rx"));
            reqs.add(new ChannelBudget.Request("/soc/dev" + i, "tx"));
        }
        reqs.add(new ChannelBudget.Request("/soc/dev0", "rx")); // repeated: counts once
        ChannelBudget.Result r = ChannelBudget.predict(1, reqs);
        assertEquals(31, r.assigned().size());
        assertEquals("dma1chan0", r.assigned().get(0).channelDevice());
        assertEquals(1, r.assigned().get(0).sdmaChannel());
        assertEquals("dma1chan30", r.assigned().get(30).channelDevice());
        assertEquals(31, r.assigned().get(30).sdmaChannel());
        assertEquals(List.of(new ChannelBudget.Request("/soc/dev15", "tx")), r.refused());
        assertEquals(List.of(Code.SD007), codes(r.findings()));
        assertTrue(r.findings().get(0).message().contains("-ENODEV"));
        assertTrue(r.findings().get(0).uncertain());
        assertTrue(r.certainty().uncertain());
        assertTrue(ChannelBudget.predict(0, reqs.subList(0, 31)).findings().isEmpty());
    }
}
