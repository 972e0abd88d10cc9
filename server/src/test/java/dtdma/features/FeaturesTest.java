package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Service tier: the features on the shipped examples (and on a kernel board when one is unpacked). */
class FeaturesTest {
    static final Path REPO = Path.of(System.getProperty("dtdma.repo", "..")).toAbsolutePath().normalize();
    static final Path DEMO = REPO.resolve("examples/imx-demo");
    static final Path BROKEN = DEMO.resolve("broken-board.dts");
    static final Path BOARD = DEMO.resolve("demo-board.dts");
    static final Path SOC = DEMO.resolve("demo-soc.dtsi");

    static Workspace workspace() {
        Workspace ws = new Workspace(new Settings(List.of(REPO.resolve("examples/include")), null), true);
        ws.scan(List.of(DEMO), () -> false, (a, b) -> { });
        return ws;
    }

    /** The offset of the {@code nth} occurrence of {@code marker} in a file, plus {@code delta}. */
    static int at(SourceFile f, String marker, int delta) {
        int i = f.text().indexOf(marker);
        assertTrue(i >= 0, marker + " not in " + f.path());
        return i + delta;
    }

    @Test
    void brokenBoardHasDmaDiagnosticsOnItsOwnFile() {
        Analysis a = workspace().analysis(BROKEN, () -> false);
        List<Diagnostic> ds = a.result().diagnostics();
        assertTrue(ds.stream().anyMatch(d -> d.code().id().startsWith("DT0") || d.code().id().startsWith("SD")),
                "expected a DMA finding, got " + ds);
        assertTrue(ds.stream().anyMatch(d -> a.fileOf(d.span()).path().endsWith("broken-board.dts")));
    }

    @Test
    void hoverOnDmasSpecifierDecodesSdmaCells() {
        Analysis a = workspace().analysis(BROKEN, () -> false);
        SourceFile f = a.file(BROKEN);
        HoverFeature.Result h = HoverFeature.hover(a, f, at(f, "<&sdma1 22", 3));
        assertNotNull(h);
        String md = h.markdown();
        assertTrue(md.contains("sdma1"), md);
        assertTrue(md.contains("event: 22"), md);
        assertTrue(md.contains("IMX_DMATYPE_UART"), md);
        assertTrue(md.contains("register priority 3"), md);
        assertTrue(md.contains("direction: per->mem"), md);
        assertTrue(md.contains("script"), md);
        assertTrue(md.contains("predicted channel"), md);
    }

    @Test
    void hoverOnDmaNameShowsPairedSpecifier() {
        Analysis a = workspace().analysis(BROKEN, () -> false);
        SourceFile f = a.file(BROKEN);
        HoverFeature.Result h = HoverFeature.hover(a, f, at(f, "\"rx\"", 1));
        assertNotNull(h);
        assertTrue(h.markdown().contains("dmas[0]"), h.markdown());
        assertTrue(h.markdown().contains("event: 22"), h.markdown());
    }

    @Test
    void hoverOnLabelReferenceShowsMergedNodeAndHistory() {
        Analysis a = workspace().analysis(BROKEN, () -> false);
        SourceFile f = a.file(BROKEN);
        HoverFeature.Result h = HoverFeature.hover(a, f, at(f, "&uart1 {", 2));
        assertNotNull(h);
        String md = h.markdown();
        assertTrue(md.contains("serial@30860000"), md);
        assertTrue(md.contains("status: `okay`"), md);
        assertTrue(md.contains("demo-soc.dtsi:"), md);
        assertTrue(md.contains("broken-board.dts:"), md);
    }

    @Test
    void hoverOnPropertyShowsValue() {
        Analysis a = workspace().analysis(BOARD, () -> false);
        SourceFile f = a.file(BOARD);
        HoverFeature.Result h = HoverFeature.hover(a, f, at(f, "device_type", 1));
        assertNotNull(h);
        assertTrue(h.markdown().contains("device_type = \"memory\""), h.markdown());
        assertTrue(h.markdown().contains("/memory@40000000"), h.markdown());
    }

    @Test
    void definitionOfLabelAndInclude() {
        Analysis a = workspace().analysis(BROKEN, () -> false);
        SourceFile f = a.file(BROKEN);
        List<Place> d = DefinitionFeature.definition(a, f, at(f, "&sdma1 22", 2));
        assertEquals(1, d.size());
        assertTrue(d.get(0).file().path().endsWith("demo-soc.dtsi"));
        assertTrue(d.get(0).file().text().startsWith("sdma1", d.get(0).span().start()));
        List<Place> inc = DefinitionFeature.definition(a, f, at(f, "#include \"demo-soc", 12));
        assertEquals(1, inc.size());
        assertTrue(inc.get(0).file().path().endsWith("demo-soc.dtsi"));
    }

    @Test
    void referencesOfControllerIncludeEveryConsumer() {
        Analysis a = workspace().analysis(BOARD, () -> false);
        SourceFile soc = a.file(SOC);
        List<Place> refs = ReferencesFeature.references(a, soc, at(soc, "sdma1: dma", 1), true);
        long inBoard = refs.stream().filter(p -> p.file().path().endsWith("demo-board.dts")).count();
        assertTrue(inBoard >= 2, "uses in the board: " + refs);
        assertTrue(refs.size() >= 4, refs.toString());
    }

    @Test
    void symbolsFoldsAndHints() {
        Analysis a = workspace().analysis(BOARD, () -> false);
        SourceFile f = a.file(BOARD);
        List<SymbolsFeature.Symbol> syms = SymbolsFeature.symbols(a, f);
        assertEquals("/", syms.get(0).name());
        assertTrue(syms.stream().anyMatch(s -> s.name().equals("&uart2")));
        assertTrue(syms.get(0).children().stream().anyMatch(s -> s.name().equals("memory@40000000")));
        assertFalse(FoldingFeature.folds(a, f).isEmpty());
        List<InlayHintsFeature.Hint> hints = InlayHintsFeature.hints(a, f, 0, f.text().length());
        assertEquals(2, hints.size(), hints.toString());
        assertTrue(hints.get(0).label().startsWith("UART"), hints.get(0).label());
        assertTrue(hints.get(0).label().contains("prio high"), hints.get(0).label());
    }

    @Test
    void dtsiIsAnalysedInTheFirstBoardThatIncludesIt() {
        Workspace ws = workspace();
        assertEquals(List.of(BROKEN, BOARD), ws.contexts(SOC));
        assertEquals(BROKEN, ws.activeContext(SOC));
        assertTrue(ws.setActiveContext(SOC, BOARD));
        assertEquals(BOARD, ws.activeContext(SOC));
        assertFalse(ws.setActiveContext(SOC, DEMO.resolve("nope.dts")));
    }

    @Test
    void kernelBoard() {
        Path k = dtdma.testing.Kernel.path().resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");
        Assumptions.assumeTrue(Files.isRegularFile(k), "kernel sources not unpacked");
        Workspace ws = new Workspace(Settings.DEFAULT, true);
        long t0 = System.nanoTime();
        Analysis a = ws.analysis(k, () -> false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.err.println("imx8mp-evk analysed in " + ms + " ms, " + a.files().size() + " files");
        Path dtsi = k.resolveSibling("imx8mp.dtsi");
        SourceFile f = a.file(dtsi);
        assertNotNull(f);
        HoverFeature.Result h = HoverFeature.hover(a, f, at(f, "dmas = <&sdma1", 9));
        assertNotNull(h);
        assertTrue(h.markdown().contains("SDMA driver data"), h.markdown());
        assertFalse(InlayHintsFeature.hints(a, f, 0, f.text().length()).isEmpty());
        assertFalse(ReferencesFeature.references(a, f, at(f, "sdma1:", 1), false).isEmpty());
    }
}
