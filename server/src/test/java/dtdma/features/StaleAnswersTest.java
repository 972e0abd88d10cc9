package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.Cancel;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import dtdma.workspace.DiagnosticsEngine;
import dtdma.workspace.Document;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Position requests during typing are answered from the last finished analysis, mapped through the edits since;
 * on text changed since they wait for the analysis of the current text. And every feature stops on a cancelled
 * signal.
 */
class StaleAnswersTest {
    @TempDir
    Path dir;

    /** A board of {@code n} labelled nodes, each referring to the next; {@code uart} is referenced at the end. */
    static String board(int n) {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n\n");
        sb.append("\tuart: serial@100 {\n\t\treg = <0x100 0x10>;\n\t\tstatus = \"okay\";\n\t};\n\n");
        for (int i = 0; i < n; i++) {
            sb.append("\tn").append(i).append(": node@").append(Integer.toHexString(0x1000 + i * 16)).append(" {\n")
                    .append("\t\treg = <0x").append(Integer.toHexString(0x1000 + i * 16)).append(" 0x10>;\n")
                    .append("\t\tcompatible = \"acme,thing\";\n")
                    .append("\t\tlink = <&n").append((i + 1) % n).append(">;\n\t};\n\n");
        }
        sb.append("};\n\n&uart {\n\tstatus = \"disabled\";\n};\n");
        return sb.toString();
    }

    private Workspace ws;
    private LanguageService service;

    private Path open(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        ws = new Workspace(Settings.DEFAULT, false);
        service = new LanguageService(ws);
        ws.open(f, 1, text);
        return f;
    }

    private static Document.Change insert(String text, int offset, String what) {
        LineIndex.Location l = new LineIndex(text).location(offset);
        return new Document.Change(new Document.Range(l.line0(), l.column0(), l.line0(), l.column0()), what);
    }

    private LanguageService.Query query(Path f, int offset) {
        LineIndex.Location l = new LineIndex(ws.document(f).text()).location(offset);
        return new LanguageService.Query(f, l.line0(), l.column0(), ws.settings(), Cancel.NONE);
    }

    private static String at(String text, dtdma.text.Span s) {
        return text.substring(s.start(), s.end());
    }

    @Test
    void hoverAfterAnInsertionAboveIsAnsweredFromTheFinishedAnalysisWithItsRangeShifted() throws Exception {
        String t0 = board(20);
        Path f = open("a.dts", t0);
        Analysis before = ws.analysisFor(f, Cancel.NONE);
        // an insertion on an earlier line, and one at the start of the reference's own line (its column moves)
        int line = t0.indexOf("\t\tlink = <&n3>;");
        ws.change(f, 2, List.of(insert(t0, t0.indexOf("\t#size-cells"), "/* x */ ")));
        String t1 = ws.document(f).text();
        ws.change(f, 3, List.of(insert(t1, t1.indexOf("\t\tlink = <&n3>;"), "  ")));
        String t2 = ws.document(f).text();
        int ref = t2.indexOf("<&n3>;") + 2;
        assertTrue(ref > line + 8);

        var h = service.hover(query(f, ref));
        assertNull(ws.cachedAnalysis(f), "answered without analysing the current text");
        assertNotNull(h);
        assertEquals(t2, h.file().text(), "ranges are given in the current text");
        assertTrue(h.value().markdown().contains("node@1030"), h.value().markdown());
        assertNotNull(h.value().range());
        String stale = at(t2, h.value().range());
        assertTrue(stale.contains("n3"), stale);

        var d = service.definition(query(f, ref));
        assertNull(ws.cachedAnalysis(f));
        assertEquals(1, d.value().size());
        Place def = d.value().get(0);
        assertEquals(t2, def.file().text());
        assertTrue(at(t2, def.span()).startsWith("n3"), at(t2, def.span()));

        var pr = service.prepareRename(query(f, ref));
        assertNull(ws.cachedAnalysis(f));
        assertEquals("n3", at(t2, pr.value().span()));

        // the same requests on the analysis of the current text give the same ranges
        Analysis now = ws.analysisFor(f, Cancel.NONE);
        assertTrue(now != before);
        var fresh = service.hover(query(f, ref));
        assertEquals(fresh.value().range().start(), h.value().range().start());
        assertEquals(fresh.value().range().end(), h.value().range().end());
        assertEquals(fresh.value().markdown(), h.value().markdown());
        dtdma.text.Span now1 = service.definition(query(f, ref)).value().get(0).span();
        assertEquals(List.of(now1.start(), now1.end()), List.of(def.span().start(), def.span().end()));
    }

    @Test
    void aPositionInTextChangedSinceWaitsForTheCurrentAnalysis() throws Exception {
        String t0 = board(20);
        Path f = open("b.dts", t0);
        ws.analysisFor(f, Cancel.NONE);
        int ref = t0.indexOf("&uart {") + 1;
        ws.change(f, 2, List.of(insert(t0, ref + 1, "x"))); // &uxart: the reference itself changed
        var h = service.hover(query(f, ref + 2));
        assertNotNull(ws.cachedAnalysis(f), "a position in edited text waits for the current analysis");
        assertTrue(h == null || !h.value().markdown().contains("serial@100"),
                "no label uxart: the old answer (uart's node) is not given");
    }

    @Test
    void aLineBreakInsertedAboveStillMapsPositionsButLineNumbersInTheTextWait() throws Exception {
        String t0 = board(5);
        Path f = open("c.dts", t0);
        ws.analysisFor(f, Cancel.NONE);
        ws.change(f, 2, List.of(insert(t0, t0.indexOf("\tuart:"), "\n\n")));
        String t1 = ws.document(f).text();
        int ref = t1.indexOf("&uart {") + 2;
        var h = service.hover(query(f, ref));
        assertNotNull(h);
        // the hover quotes "c.dts:<line>" of the node's history: lines moved, so it is the current analysis's
        assertNotNull(ws.cachedAnalysis(f));
        assertTrue(at(t1, h.value().range()).contains("uart"));
    }

    @Test
    void completionReadsTheWordBeingTypedFromTheCurrentText() throws Exception {
        String t0 = board(20);
        Path f = open("d.dts", t0);
        ws.analysisFor(f, Cancel.NONE);
        int at = t0.indexOf("\tstatus = \"disabled\";");
        ws.change(f, 2, List.of(insert(t0, at, "\tlink = <&ua")));
        String t1 = ws.document(f).text();
        int end = at + "\tlink = <&ua".length();
        var c = service.completion(query(f, end), null);
        assertNull(ws.cachedAnalysis(f), "the finished analysis gave the labels");
        assertNotNull(c);
        assertEquals(t1, c.file().text());
        assertEquals("ua", t1.substring(c.value().result().replaceStart(), c.value().result().replaceEnd()));
        assertTrue(c.value().items().stream().anyMatch(i -> i.label().equals("uart")), c.value().items().toString());
    }

    @Test
    void aHoverRightAfterAnEditReturnsBeforeThatEditsAnalysisFinishes() throws Exception {
        String t0 = board(6000); // a board whose analysis takes long next to a hover
        Path f = open("big.dts", t0);
        Map<Integer, Long> publishedAt = new ConcurrentHashMap<>();
        DiagnosticsEngine engine = new DiagnosticsEngine(ws, fd -> {
            if (fd.version() != null) {
                publishedAt.putIfAbsent(fd.version(), System.nanoTime());
            }
        });
        try {
            engine.changed(f);
            engine.awaitIdle();
            assertTrue(publishedAt.containsKey(1));
            ws.change(f, 2, List.of(insert(t0, 0, "/* edited */ ")));
            engine.changed(f); // the analysis of version 2 starts in the background
            String t1 = ws.document(f).text();
            var h = service.hover(query(f, t1.indexOf("&uart {") + 2));
            long answered = System.nanoTime();
            boolean analysedYet = ws.cachedAnalysis(f) != null;
            assertNotNull(h);
            assertTrue(h.value().markdown().contains("serial@100"));
            engine.awaitIdle();
            assertTrue(publishedAt.containsKey(2), "the edit's diagnostics were published");
            assertTrue(!analysedYet && answered < publishedAt.get(2),
                    "the hover was answered before the edit's analysis finished");
        } finally {
            engine.shutdown();
        }
    }

    @Test
    void everyFeatureStopsOnACancelledSignal() throws Exception {
        String t0 = board(3000);
        Path f = open("e.dts", t0);
        Analysis a = ws.analysisFor(f, Cancel.NONE);
        SourceFile sf = a.file(f);
        int ref = t0.indexOf("&n1>") + 1;
        Cancel cancelled = () -> true;
        List<Runnable> features = List.of(
                () -> SymbolsFeature.symbols(a, sf, cancelled),
                () -> FoldingFeature.folds(a, sf, cancelled),
                () -> CodeLensFeature.lenses(a, sf, cancelled),
                () -> DocumentLinkFeature.links(a, sf, cancelled),
                () -> InlayHintsFeature.hints(a, sf, 0, t0.length(), cancelled),
                () -> CodeActionFeature.actions(a, sf, 0, t0.length(), cancelled),
                () -> CompletionFeature.complete(a, sf, ref, ref, List.of(), cancelled),
                () -> DefinitionFeature.definition(a, sf, ref, cancelled),
                () -> SignatureHelpFeature.help(a, sf, ref, cancelled),
                () -> RenameFeature.prepare(a, sf, ref, cancelled),
                () -> RenameFeature.rename(a, sf, ref, "m1", cancelled),
                () -> HoverFeature.hover(a, sf, ref, cancelled),
                () -> DevlinkHoverFeature.markdown(a, sf, ref, cancelled),
                () -> DevlinkHoverFeature.summary(a, sf, ref, cancelled),
                () -> SemanticTokensFeature.tokens(a, sf, cancelled),
                () -> ReferencesFeature.references(a, sf, ref, true, cancelled),
                () -> FormattingFeature.format(t0, dtdma.format.FormatOptions.KERNEL, dtdma.format.EntryHints.NONE,
                        cancelled),
                () -> FormattingFeature.formatRange(t0, dtdma.format.FormatOptions.KERNEL,
                        dtdma.format.EntryHints.NONE, 0, 10, cancelled),
                () -> FormattingFeature.onType(t0, dtdma.format.FormatOptions.KERNEL, dtdma.format.EntryHints.NONE,
                        t0.indexOf(';'), cancelled));
        for (int i = 0; i < features.size(); i++) {
            Runnable r = features.get(i);
            assertThrows(CancellationException.class, r::run, "feature " + i);
        }
        // and through the service, for every request
        LineIndex.Location l = sf.lines().location(ref);
        var q = new LanguageService.Query(f, l.line0(), l.column0(), ws.settings(), cancelled);
        List<Runnable> requests = List.of(() -> service.hover(q), () -> service.definition(q),
                () -> service.references(q, true), () -> service.documentSymbols(q), () -> service.folds(q),
                () -> service.inlayHints(q, null), () -> service.semanticTokens(q), () -> service.codeLenses(q),
                () -> service.links(q), () -> service.completion(q, null), () -> service.signatureHelp(q),
                () -> service.prepareRename(q), () -> service.rename(q, "m1"), () -> service.codeActions(q, q, true));
        for (int i = 0; i < requests.size(); i++) {
            assertThrows(CancellationException.class, requests.get(i)::run, "request " + i);
        }
    }

    @Test
    void aFeatureCancelledPartWayStops() throws Exception {
        String t0 = board(3000);
        Path f = open("g.dts", t0);
        Analysis a = ws.analysisFor(f, Cancel.NONE);
        SourceFile sf = a.file(f);
        // the signal fires after some polls: the features poll inside their walk, not only at the start
        for (java.util.function.Function<Cancel, Object> feature : List.<java.util.function.Function<Cancel, Object>>of(
                c -> SymbolsFeature.symbols(a, sf, c), c -> FoldingFeature.folds(a, sf, c),
                c -> RenameFeature.rename(a, sf, t0.indexOf("&n1>") + 1, "m1", c))) {
            int[] polls = {0};
            assertThrows(CancellationException.class, () -> feature.apply(() -> ++polls[0] > 100));
            assertTrue(polls[0] > 100);
        }
    }

    @Test
    void aRequestWaitingForAnotherThreadsAnalysisOfItsContextStopsWhenCancelled() throws Exception {
        String t0 = board(6000);
        Path f = open("h.dts", t0);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread other = new Thread(() -> {
            ws.analysis(f, Cancel.NONE);
            done.set(true);
        });
        other.start();
        int[] polls = {0};
        // fires after a few polls: while waiting for the other thread's analysis, or inside its own
        assertThrows(CancellationException.class, () -> ws.analysis(f, () -> ++polls[0] > 3));
        boolean otherDone = done.get();
        other.join();
        assertTrue(!otherDone, "cancelled before the analysis it waited for had finished");
        assertTrue(done.get());
    }

    @Test
    void theDeviceLinkHoverStopsInsideTheSimulationBootAndKeepsNothingHalfBooted() throws Exception {
        Workspace demo = FeaturesTest.workspace();
        Analysis a = demo.analysisFor(FeaturesTest.BROKEN, Cancel.NONE);
        SourceFile sf = a.file(FeaturesTest.BROKEN);
        int at = FeaturesTest.at(sf, "<&sdma1 22", 3);
        int[] polls = {0};
        assertThrows(CancellationException.class,
                () -> DevlinkHoverFeature.markdown(a, sf, at, () -> ++polls[0] > 2));
        assertTrue(polls[0] > 2);
        String md = DevlinkHoverFeature.markdown(a, sf, at, Cancel.NONE);
        assertNotNull(md, "booted afresh after the cancelled attempt");
    }
}
