package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.Cancel;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The language service: positions in, plain results out, the product decisions made behind it. */
class LanguageServiceTest {
    private final Workspace ws = FeaturesTest.workspace();
    private final LanguageService service = new LanguageService(ws);

    private LanguageService.Query at(Path file, String marker, int delta, Cancel cancel) throws Exception {
        String text = Files.readString(file);
        int i = text.indexOf(marker);
        assertTrue(i >= 0, marker);
        LineIndex.Location l = new LineIndex(text).location(i + delta);
        return new LanguageService.Query(file, l.line0(), l.column0(), ws.settings(), cancel);
    }

    @Test
    void hoverMergesTheBoardLineWithTheFeatureText() throws Exception {
        var h = service.hover(at(FeaturesTest.BROKEN, "<&sdma1 22", 3, Cancel.NONE));
        assertNotNull(h);
        String md = h.value().markdown();
        assertTrue(md.startsWith("Board: `broken-board.dts`"), md);
        assertTrue(md.contains("event: 22"), md);
        assertNotNull(h.value().range(), "the specifier lies in this document");
        var soc = service.hover(at(FeaturesTest.SOC, "serial@30890000", 2, Cancel.NONE));
        assertNotNull(soc);
        assertTrue(soc.value().markdown().startsWith("Board: `"), soc.value().markdown());
    }

    @Test
    void referencesPreferTheNodeAndFallBackToTheLabel() throws Exception {
        var node = service.references(at(FeaturesTest.SOC, "serial@30890000", 2, Cancel.NONE), true);
        assertNotNull(node);
        assertTrue(node.value().stream().anyMatch(p -> p.file().text().substring(p.span().start(), p.span().end())
                .equals("serial@30890000")), node.value().toString());
        var label = service.references(at(FeaturesTest.BROKEN, "&sdma1 22", 2, Cancel.NONE), false);
        assertNotNull(label);
        assertTrue(label.value().size() >= 2, "every &sdma1: " + label.value());
        assertTrue(label.value().stream().allMatch(p -> p.file().text().startsWith("sdma1", p.span().start())
                || p.file().text().startsWith("&sdma1", p.span().start())), label.value().toString());
    }

    @Test
    void aSpaceTriggersOnlySpecifierCells() throws Exception {
        Path board = FeaturesTest.BROKEN;
        String text = Files.readString(board);
        int i = text.indexOf("&uart3 {\n") + "&uart3 {\n".length();
        ws.open(board, 2, text.substring(0, i) + "\tdmas = <&sdma1 \n" + text.substring(i));
        try {
            LineIndex li = new LineIndex(ws.document(board).text());
            LineIndex.Location l = li.location(i + "\tdmas = <&sdma1 ".length());
            var q = new LanguageService.Query(board, l.line0(), l.column0(), ws.settings(), Cancel.NONE);
            var cells = service.completion(q, " ");
            assertNotNull(cells);
            assertFalse(cells.value().items().isEmpty());
            assertTrue(cells.value().items().stream().allMatch(x -> x.kind() == CompletionFeature.Kind.EVENT
                    || x.kind() == CompletionFeature.Kind.TYPE || x.kind() == CompletionFeature.Kind.PRIORITY),
                    cells.value().items().toString());
            LineIndex.Location start = li.location(i);
            var prop = new LanguageService.Query(board, start.line0(), start.column0(), ws.settings(), Cancel.NONE);
            assertTrue(service.completion(prop, " ").value().items().isEmpty(), "a space completes only cells");
            assertFalse(service.completion(prop, null).value().items().isEmpty());
        } finally {
            ws.close(board);
        }
    }

    @Test
    void aCancelledRequestStopsInsteadOfAnswering() throws Exception {
        assertThrows(CancellationException.class,
                () -> service.hover(at(FeaturesTest.BROKEN, "<&sdma1 22", 3, () -> true)));
        // cancelled while the analysis runs: the pipeline polls the signal and stops, nothing is answered
        AtomicInteger polls = new AtomicInteger();
        LanguageService.Query q = at(FeaturesTest.BOARD, "&uart2 {", 2, () -> polls.incrementAndGet() > 2);
        assertThrows(CancellationException.class, () -> service.definition(q));
        assertNull(ws.cachedAnalysis(FeaturesTest.BOARD), "a cancelled analysis is not cached");
    }

    @Test
    void aFileNoContextReadsAnswersNothing() {
        var q = new LanguageService.Query(FeaturesTest.DEMO.resolve("missing.dts"), 0, 0, ws.settings(), Cancel.NONE);
        var r = service.hover(q);
        assertTrue(r == null || r.value() != null);
        assertEquals(List.of(), service.workspaceSymbols("no-such-symbol-anywhere", 10, Cancel.NONE));
    }

    @Test
    void theFeaturesThemselvesPollTheCancelSignal() throws Exception {
        Path board = FeaturesTest.BOARD;
        ws.analysis(board, Cancel.NONE); // cached: the polls below are the service's and the features'
        AtomicInteger polls = new AtomicInteger();
        var whole = service.semanticTokens(LanguageService.Query.of(board, ws.settings(), () -> {
            polls.incrementAndGet();
            return false;
        }));
        assertNotNull(whole);
        int n = polls.get();
        assertTrue(n > 5, "the tokens feature polls in its loops: " + n);
        // fire half-way through the feature's own polls: it stops instead of finishing
        AtomicInteger late = new AtomicInteger();
        assertThrows(CancellationException.class, () -> service.semanticTokens(LanguageService.Query.of(board,
                ws.settings(), () -> late.incrementAndGet() > n / 2 + 2)));
        assertTrue(late.get() < n, "stopped early: " + late.get() + " of " + n + " polls");
        var refs = service.references(at(board, "&uart2 {", 1, () -> {
            polls.incrementAndGet();
            return false;
        }), true);
        assertNotNull(refs);
    }
}
