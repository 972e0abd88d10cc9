package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.Cancel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-board caching keyed by the files each analysis read, the bounded cache, and cancellation. */
class AnalysisCacheTest {
    @TempDir
    Path dir;

    private Path a;
    private Path b;
    private Path c;
    private Path soc;

    private Workspace workspace(int maxContexts) throws Exception {
        return workspace(maxContexts, Long.MAX_VALUE);
    }

    private Workspace workspace(int maxContexts, long maxBytes) throws Exception {
        soc = dir.resolve("soc.dtsi");
        Files.writeString(soc, "/ { soc { uart: serial@1000 { reg = <0x1000 0x100>; }; }; };\n");
        a = board("a.dts", "#include \"soc.dtsi\"\n/ { model = \"a\"; };\n");
        b = board("b.dts", "#include \"soc.dtsi\"\n/ { model = \"b\"; };\n");
        c = board("c.dts", "/dts-v1/;\n/ { model = \"c\"; };\n");
        Workspace ws = new Workspace(Settings.DEFAULT, false, maxContexts, maxBytes);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        return ws;
    }

    private Path board(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "/dts-v1/;\n" + text);
        return p.toAbsolutePath().normalize();
    }

    private static void edit(Workspace ws, Path p, int version, String text) {
        ws.change(p, version, List.of(new Document.Change(null, text)));
    }

    @Test
    void editingOneBoardKeepsTheOthersAnalyses() throws Exception {
        Workspace ws = workspace(32);
        ws.open(a, 1, Files.readString(a));
        Analysis a1 = ws.analysis(a, Cancel.NONE);
        Analysis b1 = ws.analysis(b, Cancel.NONE);
        Analysis c1 = ws.analysis(c, Cancel.NONE);
        assertSame(a1, ws.analysis(a, Cancel.NONE), "unchanged: the cached analysis");

        edit(ws, a, 2, Files.readString(a) + "/ { extra; };\n");
        Analysis a2 = ws.analysis(a, Cancel.NONE);
        assertNotSame(a1, a2, "the edited board is analysed again");
        assertEquals(2, a2.versions().get(a));
        assertSame(b1, ws.analysis(b, Cancel.NONE), "another board that shares the include keeps its analysis");
        assertSame(c1, ws.analysis(c, Cancel.NONE));
    }

    @Test
    void editingAnIncludeInvalidatesExactlyItsIncluders() throws Exception {
        Workspace ws = workspace(32);
        Analysis a1 = ws.analysis(a, Cancel.NONE);
        Analysis b1 = ws.analysis(b, Cancel.NONE);
        Analysis c1 = ws.analysis(c, Cancel.NONE);
        ws.open(soc, 1, Files.readString(soc).replace("0x100>", "0x200>"));
        Analysis a2 = ws.analysis(a, Cancel.NONE);
        Analysis b2 = ws.analysis(b, Cancel.NONE);
        assertNotSame(a1, a2);
        assertNotSame(b1, b2);
        assertTrue(a2.file(soc).text().contains("0x200"), "the new text of the include was read");
        assertSame(c1, ws.analysis(c, Cancel.NONE), "a board that does not include it is untouched");
    }

    @Test
    void theCacheIsBoundedAndEvictsTheLeastRecentlyUsed() throws Exception {
        Workspace ws = workspace(2);
        Analysis a1 = ws.analysis(a, Cancel.NONE);
        Analysis b1 = ws.analysis(b, Cancel.NONE);
        ws.analysis(a, Cancel.NONE); // a used last: b is the least recently used
        ws.analysis(c, Cancel.NONE);
        assertEquals(2, ws.cacheStats()[0]);
        assertSame(a1, ws.analysis(a, Cancel.NONE));
        assertNotSame(b1, ws.analysis(b, Cancel.NONE), "evicted, so analysed again");
    }

    @Test
    void aCancelledRequestStopsAndLeavesNothingCached() throws Exception {
        Workspace ws = workspace(32);
        AtomicInteger polls = new AtomicInteger();
        assertThrows(CancellationException.class, () -> ws.analysis(a, () -> polls.incrementAndGet() > 1));
        assertEquals(0, ws.cacheStats()[0]);
        assertTrue(ws.cachedAnalysis(a) == null);
    }

    @Test
    void newSettingsInvalidateEverything() throws Exception {
        Workspace ws = workspace(32);
        Analysis a1 = ws.analysis(a, Cancel.NONE);
        ws.configure(Settings.fromJson(com.google.gson.JsonParser.parseString("{\"devlink\": {\"mode\": \"felsch-v2\"}}"),
                null, Settings.DEFAULT, m -> { }));
        assertNotSame(a1, ws.analysis(a, Cancel.NONE));
    }

    /** Counts the polls of an analysis and, at one poll, applies an edit (as the protocol thread would). */
    private static final class EditAt implements Cancel {
        final AtomicInteger polls = new AtomicInteger();
        final int at;
        final Runnable edit;

        EditAt(int at, Runnable edit) {
            this.at = at;
            this.edit = edit;
        }

        @Override
        public boolean isCancelled() {
            if (polls.incrementAndGet() == at) {
                edit.run();
            }
            return false;
        }
    }

    @Test
    void anEditToAFileTheAnalysisReadRestartsItAndAnUnrelatedEditDoesNot() throws Exception {
        Workspace ws = workspace(32);
        String text = Files.readString(a);
        ws.open(a, 1, text);
        ws.open(c, 1, Files.readString(c));
        ws.open(soc, 1, Files.readString(soc));
        ws.analysis(a, Cancel.NONE); // what a reads is known from now on
        edit(ws, a, 2, text + "/ { x; };\n");
        EditAt clean = new EditAt(-1, () -> { });
        ws.analysis(a, clean);
        int polls = clean.polls.get();
        assertTrue(polls > 3, "the pipeline polls in its loops: " + polls);

        edit(ws, a, 3, text + "/ { y; };\n");
        EditAt unrelated = new EditAt(3, () -> edit(ws, c, 2, "/dts-v1/;\n/ { model = \"c2\"; };\n"));
        Analysis kept = ws.analysis(a, unrelated);
        assertEquals(polls, unrelated.polls.get(), "an edit to a board a does not read leaves its analysis running");
        assertTrue(ws.cachedAnalysis(a) == kept);

        edit(ws, a, 4, text + "/ { z; };\n");
        EditAt related = new EditAt(3, () -> edit(ws, soc, 2, "/ { soc { late; }; };\n"));
        Analysis redone = ws.analysis(a, related);
        assertTrue(related.polls.get() > polls, "an edit to the include it reads restarts it: " + related.polls.get());
        assertTrue(redone.file(soc).text().contains("late"), "the result is of the final text");
        assertTrue(ws.cachedAnalysis(a) == redone);
    }

    @Test
    void schemasSetDuringAnAnalysisDoNotStopItButMakeItStale() throws Exception {
        Workspace ws = workspace(32);
        ws.open(a, 1, Files.readString(a));
        Analysis cachedBefore = ws.analysis(c, Cancel.NONE);
        AtomicInteger polls = new AtomicInteger();
        // the schema load of a cold start finishing while the first board is analysed
        Cancel loadLands = () -> {
            if (polls.incrementAndGet() == 3) { // inside the analysis (the first poll is before it starts)
                ws.setBindings(null);
            }
            return false;
        };
        // restart=false: a superseded analysis would throw instead of starting again
        Analysis first = ws.analysis(a, loadLands, false);
        assertTrue(polls.get() > 3, "the schemas were set while the analysis ran");
        assertEquals(1, first.versions().get(a), "it finished and is answered (published without the schemas)");
        assertEquals(null, ws.cachedAnalysis(a), "but not cached: it ran without the schemas now in use");
        Analysis again = ws.analysis(a, Cancel.NONE);
        assertNotSame(first, again, "the next request analyses with the schemas");
        assertSame(again, ws.analysis(a, Cancel.NONE));
        assertNotSame(cachedBefore, ws.analysis(c, Cancel.NONE), "analyses cached before the schemas are stale");
    }

    @Test
    void theCacheIsBoundedByTheEstimatedHeapOfItsAnalyses() throws Exception {
        Workspace sizes = workspace(32);
        long ea = Workspace.estimatedBytes(sizes.analysis(a, Cancel.NONE));
        long eb = Workspace.estimatedBytes(sizes.analysis(b, Cancel.NONE));
        long ec = Workspace.estimatedBytes(sizes.analysis(c, Cancel.NONE));
        assertEquals(ea + eb + ec, sizes.cacheStats()[1], "the cache counts the estimates of what it holds");

        Workspace ws = workspace(32, ea + eb + ec - 1); // room for two of the three, not for all
        Analysis a1 = ws.analysis(a, Cancel.NONE);
        Analysis b1 = ws.analysis(b, Cancel.NONE);
        assertEquals(2, ws.cacheStats()[0]);
        ws.analysis(c, Cancel.NONE);
        assertEquals(2, ws.cacheStats()[0], "over the size bound: the least recently used went");
        assertTrue(ws.cacheStats()[1] <= ea + eb + ec - 1);
        assertEquals(null, ws.cachedAnalysis(a));
        assertSame(b1, ws.cachedAnalysis(b));
        assertNotSame(a1, ws.analysis(a, Cancel.NONE), "evicted, so analysed again");
    }

    @Test
    void theEstimateGrowsWithTheTreeAndItsValues() throws Exception {
        Workspace ws = workspace(32);
        StringBuilder nodes = new StringBuilder("/ {");
        for (int i = 0; i < 100; i++) {
            nodes.append(" n").append(i).append(" { reg = <").append(i).append(">; };");
        }
        Path big = board("big.dts", nodes.append(" };\n").toString());
        Path blob = board("blob.dts", "/ { data = [" + "00 ".repeat(10_000) + "]; };\n");
        long small = Workspace.estimatedBytes(ws.analysis(c, Cancel.NONE));
        long large = Workspace.estimatedBytes(ws.analysis(big, Cancel.NONE));
        long bytes = Workspace.estimatedBytes(ws.analysis(blob, Cancel.NONE));
        assertTrue(large - small >= 200 * 300, "100 nodes with a property each: " + small + " -> " + large);
        assertTrue(bytes - small >= 9_900, "a 10,000-byte value: " + small + " -> " + bytes);
    }
}
