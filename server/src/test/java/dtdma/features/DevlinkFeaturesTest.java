package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.Mode;
import dtdma.devlink.Scenario;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import dtdma.workspace.Settings;
import dtdma.workspace.SeverityOverrides;
import dtdma.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service tier: the device-link mode in the workspace, the device-link hover and the topology runs. */
class DevlinkFeaturesTest {
    static final Path REPO = FeaturesTest.REPO;
    static final Path BOARD = FeaturesTest.BOARD;

    static Workspace workspace(Mode mode) {
        Settings s = new Settings(List.of(REPO.resolve("examples/include")), null, DevlinkSettings.of(mode, false),
                SeverityOverrides.NONE);
        Workspace ws = new Workspace(s, true);
        ws.scan(List.of(FeaturesTest.DEMO), () -> false, (a, b) -> { });
        return ws;
    }

    @Test
    void devlinkDiagnosticsFollowTheMode() {
        Analysis none = workspace(Mode.NONE).analysis(BOARD, () -> false);
        assertTrue(none.result().diagnostics().stream().noneMatch(d -> d.code().id().startsWith("DL")));
        Analysis sketch = workspace(Mode.FRANK_SKETCH).analysis(BOARD, () -> false);
        assertTrue(sketch.result().diagnostics().stream().anyMatch(d -> d.code().id().equals("DL002")),
                sketch.result().diagnostics().toString());
    }

    @Test
    void hoverShowsTheLinkTheModeCreates() {
        // ecspi1's "rx" (spi-imx requests at probe); the console UART requests no DMA, so it has no link
        Analysis a = workspace(Mode.FELSCH_V2).analysis(BOARD, () -> false);
        SourceFile f = a.file(FeaturesTest.SOC);
        String md = DevlinkHoverFeature.markdown(a, f, FeaturesTest.at(f, "<&sdma1 0 SDMA_CSPI", 3));
        assertNotNull(md);
        assertTrue(md.contains("felsch-v2"), md);
        assertTrue(md.contains("AUTOREMOVE_CONSUMER|MANAGED"), md);
        assertTrue(md.contains("active"), md);
        assertTrue(md.contains("Runtime PM"), md);
        assertTrue(md.contains("no PM_RUNTIME link"), md);
    }

    @Test
    void hoverShowsWhyTheLinkFails() {
        // spi-imx requests "tx" first; its link fails, so spi_imx_sdma_init stops and "rx" is never requested
        Analysis a = workspace(Mode.FRANK_SKETCH).analysis(BOARD, () -> false);
        SourceFile f = a.file(FeaturesTest.SOC);
        String md = DevlinkHoverFeature.markdown(a, f, FeaturesTest.at(f, "<&sdma1 1 SDMA_CSPI", 3));
        assertNotNull(md);
        assertTrue(md.contains("DL002"), md);
        assertTrue(md.contains("no device link for this request"), md);
    }

    @Test
    void hoverInMainlineSaysNoLink() {
        Analysis a = workspace(Mode.NONE).analysis(BOARD, () -> false);
        SourceFile f = a.file(BOARD);
        String md = DevlinkHoverFeature.markdown(a, f, FeaturesTest.at(f, "<&sdma1 BOARD", 3));
        assertTrue(md.contains("creates no device link"), md);
    }

    @Test
    void topologyRunGivesAStateAfterEachStep() {
        Analysis a = workspace(Mode.NONE).analysis(BOARD, () -> false);
        Scenario sc = Scenario.parse("{\"events\": [{\"op\": \"unbind\", \"device\": \"sdma1\"}]}");
        TopologyFeature.Run r = TopologyFeature.run(a.dma(), a.sdma(), DevlinkSettings.of(Mode.FELSCH_V2, false),
                sc, "demo-board.dts");
        assertEquals(2, r.steps().size());
        JsonObject json = r.json(true);
        assertEquals("felsch-v2", json.get("mode").getAsString());
        assertEquals(2, json.getAsJsonArray("steps").size());
        assertTrue(json.has("devices") && json.has("edges"), json.keySet().toString());
    }
}
