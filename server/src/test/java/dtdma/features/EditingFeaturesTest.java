package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service tier for the editing features (completion, signature help, macros, links, rename, code actions) on
 * the shipped examples, edited in memory; {@code |} marks the cursor.
 */
class EditingFeaturesTest {
    static final Path REPO = FeaturesTest.REPO;
    static final Path DEMO = FeaturesTest.DEMO;
    static final Path BROKEN = FeaturesTest.BROKEN;
    static final Path BOARD = FeaturesTest.BOARD;
    static final Path SOC = FeaturesTest.SOC;

    /** A workspace, a file opened with edited text, and the cursor offset. */
    record Fixture(Workspace ws, Analysis a, SourceFile file, int cursor) {
        Analysis reanalyse(Path p, String text) {
            ws.open(p, 99, text);
            return ws.analysisFor(p, () -> false);
        }
    }

    /** Opens {@code file} with {@code marked} (containing one {@code |}) replacing {@code old} in its text. */
    static Fixture edit(Path file, String old, String marked) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(old), old);
        String edited = text.replace(old, marked);
        int cursor = edited.indexOf('|');
        edited = edited.substring(0, cursor) + edited.substring(cursor + 1);
        Workspace ws = FeaturesTest.workspace();
        ws.open(file, 1, edited);
        Analysis a = ws.analysisFor(file, () -> false);
        return new Fixture(ws, a, a.file(file), cursor);
    }

    static CompletionFeature.Result complete(Fixture f) {
        return CompletionFeature.complete(f.a(), f.file(), f.cursor(), f.ws().includeDirsOf(f.file().path()));
    }

    static List<String> labels(CompletionFeature.Result r) {
        return r.items().stream()
                .sorted(Comparator.comparing(i -> i.sortText() == null ? i.label() : i.sortText()))
                .map(CompletionFeature.Item::label).toList();
    }

    static CompletionFeature.Item item(CompletionFeature.Result r, String label) {
        return r.items().stream().filter(i -> i.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + labels(r)));
    }

    // ------------------------------------------------------------------ completion

    @Test
    void dmaProvidersOnlyAfterAmpersandInDmas() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&|\n");
        List<String> l = labels(complete(f));
        assertTrue(l.containsAll(List.of("sdma1", "sdma2")), l.toString());
        assertFalse(l.contains("uart1"), l.toString());
        assertFalse(l.contains("clk"), l.toString());
    }

    @Test
    void labelsAfterAmpersandElsewhere() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&|\n&uart3 {\n");
        List<String> l = labels(complete(f));
        assertTrue(l.containsAll(List.of("uart1", "clk", "sdma1", "ecspi1")), l.toString());
    }

    @Test
    void sdmaEventsFreeOnesFirst() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 |\n");
        CompletionFeature.Result r = complete(f);
        CompletionFeature.Item used = item(r, "22");
        assertTrue(used.detail().contains("used by /soc@0/serial@30860000"), used.detail());
        CompletionFeature.Item free = item(r, "2");
        assertEquals("free event", free.detail());
        assertTrue(free.sortText().compareTo(used.sortText()) < 0);
        assertEquals(48 + 0, r.items().stream().filter(i -> i.kind() == CompletionFeature.Kind.EVENT).count());
        assertTrue(item(r, "0").detail().startsWith("used by /soc@0/spi@30820000"), "ecspi1 is enabled in the board");
        assertEquals("2", labels(r).get(0));
    }

    @Test
    void sdmaPeripheralTypesInsertTheirNumber() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 5 |\n");
        CompletionFeature.Item uart = item(complete(f), "UART");
        assertEquals("4", uart.insertText());
        assertTrue(uart.detail().contains("IMX_DMATYPE_UART"), uart.detail());
        assertTrue(item(complete(f), "SIM").detail().contains("unsupported"));
    }

    @Test
    void sdmaPrioritiesAndMacros() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 5 4 |\n");
        CompletionFeature.Result r = complete(f);
        assertEquals("high priority", item(r, "0").detail());
        assertEquals("low priority", item(r, "2").detail());
        Fixture m = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 5 SDMA_U|\n");
        CompletionFeature.Result rm = complete(m);
        assertEquals("4", item(rm, "SDMA_UART").detail());
        assertEquals(m.cursor() - "SDMA_U".length(), rm.replaceStart());
    }

    @Test
    void dmaNamesStatusAndPropertyNames() throws Exception {
        Fixture f = edit(BROKEN, "dma-names = \"rx\";", "dma-names = \"rx\", \"|\";");
        List<String> l = labels(complete(f));
        assertEquals(List.of("rx", "tx"), l.subList(0, 2));
        Fixture s = edit(BROKEN, "&uart3 {\n\tstatus = \"okay\";", "&uart3 {\n\tstatus = \"d|\";");
        assertEquals(List.of("disabled"), labels(complete(s)));
        Fixture p = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdm|\n");
        CompletionFeature.Result rp = complete(p);
        List<String> props = labels(rp);
        assertTrue(props.containsAll(List.of("dmas", "dma-names", "compatible", "fsl,sdma-ram-script-name")),
                props.toString());
        assertEquals(p.cursor() - 2, rp.replaceStart());
        Fixture hash = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\t#address-cells = <1>;\n\t#dm|\n");
        CompletionFeature.Result rh = complete(hash);
        assertTrue(labels(rh).contains("#dma-cells"), labels(rh).toString());
        assertEquals(hash.cursor() - 3, rh.replaceStart());
        Fixture none = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\t/* dm| */\n");
        assertTrue(complete(none).items().isEmpty());
    }

    @Test
    void includePaths() throws Exception {
        Fixture f = edit(BROKEN, "#include \"demo-soc.dtsi\"", "#include \"demo-soc.dtsi\"\n#include <dt-bindings/|");
        assertEquals(List.of("clock/"), labels(complete(f)));
        Fixture g = edit(BROKEN, "#include \"demo-soc.dtsi\"", "#include \"demo-soc.dtsi\"\n#include \"demo-|");
        List<String> l = labels(complete(g));
        assertTrue(l.contains("demo-soc.dtsi") && l.contains("demo-board.dts"), l.toString());
        Fixture h = edit(BROKEN, "#include \"demo-soc.dtsi\"", "#include \"demo-soc.dtsi\"\n/include/ \"demo-s|");
        assertEquals(List.of("demo-soc.dtsi"), labels(complete(h)));
    }

    @Test
    void signatureHelpForSdmaCells() throws Exception {
        Fixture f = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tdmas = <&sdma1 5 |\n");
        SignatureHelpFeature.Signature s = SignatureHelpFeature.help(f.a(), f.file(), f.cursor());
        assertNotNull(s);
        assertEquals("<&sdma1 event type priority>", s.label());
        assertEquals(1, s.active());
        assertEquals(List.of("event", "type", "priority"), s.params().stream().map(SignatureHelpFeature.Param::name).toList());
        Fixture out = edit(BROKEN, "&uart3 {\n", "&uart3 {\n\tclocks = <&clk |\n");
        assertNull(SignatureHelpFeature.help(out.a(), out.file(), out.cursor()));
    }

    // ------------------------------------------------------------------ macros and links

    @Test
    void macroDefinitionAndHover() throws Exception {
        Workspace ws = FeaturesTest.workspace();
        Analysis a = ws.analysis(BROKEN, () -> false);
        SourceFile f = a.file(BROKEN);
        int at = FeaturesTest.at(f, "SDMA_UART", 2);
        List<Place> d = DefinitionFeature.definition(a, f, at);
        assertEquals(1, d.size());
        assertTrue(d.get(0).file().path().endsWith("demo-soc.dtsi"));
        assertTrue(d.get(0).file().text().startsWith("#define SDMA_UART", d.get(0).span().start()));
        HoverFeature.Result h = HoverFeature.hover(a, f, at);
        assertTrue(h.markdown().contains("#define SDMA_UART 4"), h.markdown());
        assertTrue(h.markdown().contains("demo-soc.dtsi:"), h.markdown());
        assertTrue(h.markdown().contains("expands here to"), h.markdown());

        SourceFile soc = a.file(SOC);
        HoverFeature.Result fn = HoverFeature.hover(a, soc, FeaturesTest.at(soc, "DEMO_DMA(sdma2, 0", 2));
        assertTrue(fn.markdown().contains("#define DEMO_DMA(ctrl,ev,type,prio)"), fn.markdown());
        assertTrue(fn.markdown().contains("&sdma2"), fn.markdown());
        assertTrue(HoverFeature.hover(a, f, FeaturesTest.at(f, "<&sdma1 22", 3)).markdown().contains("event: 22"));
    }

    @Test
    void documentLinks() {
        Analysis a = FeaturesTest.workspace().analysis(BOARD, () -> false);
        SourceFile f = a.file(BOARD);
        List<DocumentLinkFeature.Link> l = DocumentLinkFeature.links(a, f);
        assertEquals(1, l.size());
        assertEquals("demo-soc.dtsi", f.text().substring(l.get(0).span().start(), l.get(0).span().end()));
        assertTrue(l.get(0).target().endsWith("demo-soc.dtsi"));
        SourceFile soc = a.file(SOC);
        List<DocumentLinkFeature.Link> s = DocumentLinkFeature.links(a, soc);
        assertEquals(1, s.size());
        assertTrue(s.get(0).target().endsWith("dt-bindings/clock/demo-clock.h"), s.toString());
    }

    // ------------------------------------------------------------------ rename

    @Test
    void renameLabelAcrossTheFilesOfTheBoard() throws Exception {
        Workspace ws = FeaturesTest.workspace();
        Analysis a = ws.analysis(BOARD, () -> false);
        SourceFile board = a.file(BOARD);
        int at = FeaturesTest.at(board, "&sdma1 BOARD", 3);
        RenameFeature.Target t = RenameFeature.prepare(a, board, at);
        assertEquals("sdma1", t.label());
        assertEquals("sdma1", board.text().substring(t.span().start(), t.span().end()));
        assertNull(RenameFeature.prepare(a, board, FeaturesTest.at(board, "device_type", 2)));
        assertThrows(RenameFeature.RenameException.class, () -> RenameFeature.rename(a, board, at, "uart1"));
        assertThrows(RenameFeature.RenameException.class, () -> RenameFeature.rename(a, board, at, "9x"));

        Map<SourceFile, List<TextEdit>> edits = RenameFeature.rename(a, board, at, "sdma_main");
        assertEquals(2, edits.size(), edits.toString());
        for (Map.Entry<SourceFile, List<TextEdit>> e : edits.entrySet()) {
            ws.open(e.getKey().path(), 2, TextEdit.apply(e.getKey().text(), e.getValue()));
        }
        Analysis b = ws.analysis(BOARD, () -> false);
        assertNotNull(b.tree().labelled("sdma_main"));
        assertNull(b.tree().labelled("sdma1"));
        assertEquals(a.result().diagnostics().size(), b.result().diagnostics().size(), b.result().diagnostics().toString());
        assertFalse(b.file(SOC).text().contains("sdma1"));
    }

    @Test
    void renameRewritesALabelPassedToAMacro() throws Exception {
        Workspace ws = FeaturesTest.workspace();
        Analysis a = ws.analysis(BOARD, () -> false);
        SourceFile soc = a.file(SOC);
        Map<SourceFile, List<TextEdit>> edits = RenameFeature.rename(a, soc, FeaturesTest.at(soc, "sdma2:", 1), "sdma_b");
        String after = TextEdit.apply(soc.text(), edits.get(soc));
        assertTrue(after.contains("DEMO_DMA(sdma_b, 0, SDMA_SAI, 0), DEMO_DMA(sdma_b, 1"), after);
        assertTrue(after.contains("sdma_b: dma-controller@30e10000"), after);
    }

    // ------------------------------------------------------------------ code actions

    /** Applies the first action for {@code code} and returns the diagnostics of the re-analysed board. */
    static List<Diagnostic> fixAndReanalyse(Workspace ws, Path root, Path file, String code) {
        Analysis a = ws.analysis(root, () -> false);
        SourceFile f = a.file(file);
        Diagnostic d = a.result().diagnostics().stream()
                .filter(x -> x.code().id().equals(code) && x.span().fileId() == f.id()).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + a.result().diagnostics()));
        List<CodeActionFeature.Action> acts = CodeActionFeature.actions(a, f, d.span().start(), d.span().end());
        CodeActionFeature.Action act = acts.stream().filter(x -> x.diagnostic() == d).findFirst()
                .orElseThrow(() -> new AssertionError("no fix for " + d));
        for (Map.Entry<SourceFile, List<TextEdit>> e : act.edits().entrySet()) {
            ws.open(e.getKey().path(), 2, TextEdit.apply(e.getKey().text(), e.getValue()));
        }
        return ws.analysis(root, () -> false).result().diagnostics();
    }

    static boolean has(List<Diagnostic> ds, String code) {
        return ds.stream().anyMatch(d -> d.code().id().equals(code));
    }

    @Test
    void fixMissingSemicolonAndNameCount() {
        Workspace ws = FeaturesTest.workspace();
        List<Diagnostic> after = fixAndReanalyse(ws, BROKEN, BROKEN, "DTS001");
        assertFalse(has(after, "DTS001"), after.toString());
        after = fixAndReanalyse(ws, BROKEN, BROKEN, "DT003");
        assertFalse(has(after, "DT003"), after.toString());
        assertTrue(ws.document(BROKEN).text().contains("dma-names = \"rx\", \"tx\";"));
    }

    static Workspace tiny(Path dir, String board) throws Exception {
        Files.writeString(dir.resolve("b.dts"), board);
        Workspace ws = new Workspace(new Settings(List.of(REPO.resolve("examples/include")), null), false);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        return ws;
    }

    static final String CTL = "/dts-v1/;\n/ {\n\tdma: dma-controller {\n\t\t#dma-cells = <2>;\n\t\tstatus = \"disabled\";\n\t};\n";

    @Test
    void fixMissingDmaNames(@TempDir Path dir) throws Exception {
        Workspace ws = tiny(dir, CTL + "\tdev {\n\t\tdmas = <&dma 1 2>, <&dma 3 4>;\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = fixAndReanalyse(ws, b, b, "DT002");
        assertFalse(has(after, "DT002"), after.toString());
        assertTrue(ws.document(b).text().contains("\t\tdmas = <&dma 1 2>, <&dma 3 4>;\n\t\tdma-names = \"rx\", \"tx\";\n"),
                ws.document(b).text());
    }

    @Test
    void fixExtraNamesAndCellCount(@TempDir Path dir) throws Exception {
        Workspace ws = tiny(dir, CTL + "\tdev {\n\t\tdmas = <&dma 1 &dma 3 4 5>;\n\t\tdma-names = \"rx\", \"tx\", \"x\";\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = fixAndReanalyse(ws, b, b, "DT007");
        assertFalse(has(after, "DT007"), after.toString());
        assertTrue(ws.document(b).text().contains("<&dma 1 0 &dma 3 4>"), ws.document(b).text());
        after = fixAndReanalyse(ws, b, b, "DT003");
        assertFalse(has(after, "DT003"), after.toString());
        assertTrue(ws.document(b).text().contains("dma-names = \"rx\", \"tx\";"), ws.document(b).text());
    }

    @Test
    void fixDisabledControllerAndMissingAngle(@TempDir Path dir) throws Exception {
        Workspace ws = tiny(dir, CTL + "\tdev {\n\t\tdmas = <&dma 1 2>;\n\t\tdma-names = \"rx\";\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = fixAndReanalyse(ws, b, b, "DT008");
        assertFalse(has(after, "DT008"), after.toString());
        assertTrue(ws.document(b).text().endsWith("};\n\n&dma {\n\tstatus = \"okay\";\n};\n"), ws.document(b).text());

        Workspace w2 = tiny(dir, CTL + "\tdev {\n\t\tx = <1 2;\n\t};\n};\n");
        after = fixAndReanalyse(w2, b, b, "DTS001");
        assertFalse(has(after, "DTS001"), after.toString());
        assertTrue(w2.document(b).text().contains("x = <1 2>;"), w2.document(b).text());
    }

    @Test
    void halfTypedCellListIsClosedAtTheEndOfItsLine(@TempDir Path dir) throws Exception {
        Workspace ws = tiny(dir, CTL + "\tdev {\n\t\tdmas = <&dma 1 2 \n\t\tdma-names = \"rx\";\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        Analysis a = ws.analysis(b, () -> false);
        SourceFile f = a.file(b);
        List<CodeActionFeature.Action> acts = CodeActionFeature.actions(a, f, 0, f.text().length());
        assertEquals(1, acts.stream().filter(x -> x.title().startsWith("Close")).count(), acts.toString());
        List<Diagnostic> after = fixAndReanalyse(ws, b, b, "DTS001");
        assertFalse(has(after, "DTS001"), after.toString());
        assertTrue(ws.document(b).text().contains("dmas = <&dma 1 2>;\n"), ws.document(b).text());
    }

    @Test
    void disabledControllerCanAlsoBeEnabledWhereItsStatusIsSet(@TempDir Path dir) throws Exception {
        Workspace ws = tiny(dir, CTL + "\tdev {\n\t\tdmas = <&dma 1 2>;\n\t\tdma-names = \"rx\";\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        Analysis a = ws.analysis(b, () -> false);
        SourceFile f = a.file(b);
        List<CodeActionFeature.Action> acts = CodeActionFeature.actions(a, f, 0, f.text().length());
        CodeActionFeature.Action set = acts.stream().filter(x -> x.title().startsWith("Set status")).findFirst()
                .orElseThrow(() -> new AssertionError(acts.toString()));
        ws.open(b, 2, TextEdit.apply(f.text(), set.edits().get(f)));
        assertFalse(has(ws.analysis(b, () -> false).result().diagnostics(), "DT008"));
    }

    // ------------------------------------------------------------------ a real kernel board

    static final Path EVK = dtdma.testing.Kernel.path().resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");

    @Test
    void kernelBoardCompletionMacrosLinksRenameAndFix() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(EVK), "kernel sources not unpacked");
        Workspace ws = new Workspace(Settings.DEFAULT, true);
        Analysis a = ws.analysis(EVK, () -> false);
        Path dtsiPath = EVK.resolveSibling("imx8mp.dtsi");
        SourceFile dtsi = a.file(dtsiPath);
        List<Path> dirs = ws.includeDirsOf(dtsiPath);

        List<String> providers = labels(CompletionFeature.complete(a, dtsi, FeaturesTest.at(dtsi, "dmas = <&sdma1 22", 9), dirs));
        assertTrue(providers.contains("sdma1"), providers.toString()); // 6.1 has one SDMA with a label
        assertFalse(providers.contains("uart1"), providers.toString());
        CompletionFeature.Result ev = CompletionFeature.complete(a, dtsi, FeaturesTest.at(dtsi, "<&sdma1 22 4 0>", 8), dirs);
        assertEquals(48, ev.items().size(), labels(ev).toString());
        assertTrue(ev.items().stream().anyMatch(i -> i.detail().startsWith("used by")));
        CompletionFeature.Result types = CompletionFeature.complete(a, dtsi, FeaturesTest.at(dtsi, "<&sdma1 22 4 0>", 11), dirs);
        assertEquals("4", item(types, "UART").insertText());
        SignatureHelpFeature.Signature sig = SignatureHelpFeature.help(a, dtsi, FeaturesTest.at(dtsi, "<&sdma1 22 4 0>", 13));
        assertEquals(2, sig.active());
        CompletionFeature.Result inc = CompletionFeature.complete(a, dtsi,
                FeaturesTest.at(dtsi, "<dt-bindings/clock/", "<dt-bindings/".length()), dirs);
        assertTrue(labels(inc).contains("clock/") && labels(inc).contains("dma/"), labels(inc).toString());

        int clk = FeaturesTest.at(dtsi, "IMX8MP_CLK_UART1_ROOT", 3);
        List<Place> def = DefinitionFeature.definition(a, dtsi, clk);
        assertTrue(def.get(0).file().path().endsWith("dt-bindings/clock/imx8mp-clock.h"), def.toString());
        assertTrue(HoverFeature.hover(a, dtsi, clk).markdown().contains("imx8mp-clock.h:"));

        List<DocumentLinkFeature.Link> links = DocumentLinkFeature.links(a, dtsi);
        assertEquals(9, links.size(), links.toString());
        assertTrue(links.stream().anyMatch(l -> l.target().endsWith("imx8mp-pinfunc.h")));

        Map<SourceFile, List<TextEdit>> ren = RenameFeature.rename(a, dtsi, FeaturesTest.at(dtsi, "sdma1:", 1), "sdma_spba");
        assertTrue(ren.get(dtsi).size() >= 10, ren.toString());
        for (Map.Entry<SourceFile, List<TextEdit>> e : ren.entrySet()) {
            ws.open(e.getKey().path(), 2, TextEdit.apply(e.getKey().text(), e.getValue()));
        }
        Analysis b = ws.analysis(EVK, () -> false);
        assertNotNull(b.tree().labelled("sdma_spba"));
        assertEquals(a.result().diagnostics().size(), b.result().diagnostics().size(), b.result().diagnostics().toString());

        String evk = Files.readString(EVK);
        ws.open(EVK, 3, evk.replaceFirst("status = \"okay\";", "status = \"okay\""));
        List<Diagnostic> fixed = fixAndReanalyse(ws, EVK, EVK, "DTS001");
        assertFalse(has(fixed, "DTS001"), fixed.toString());
    }
}
