package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.Cancel;
import dtdma.text.LineIndex;
import dtdma.text.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edits since an analysis, composed: positions back, spans forward; and when the workspace offers none. */
class EditMapTest {
    @TempDir
    Path dir;

    private static final String TEXT = "/dts-v1/;\n/ {\n\tfoo: node@1 { reg = <1>; };\n\tbar = <&foo>;\n};\n";

    private static Document.Change replace(String text, int from, int to, String with) {
        LineIndex li = new LineIndex(text);
        LineIndex.Location a = li.location(from);
        LineIndex.Location b = li.location(to);
        return new Document.Change(new Document.Range(a.line0(), a.column0(), b.line0(), b.column0()), with);
    }

    private Workspace ws;
    private Path f;
    private Analysis first;

    private void setUp() throws Exception {
        f = dir.resolve("m.dts").toAbsolutePath().normalize();
        Files.writeString(f, TEXT);
        ws = new Workspace(Settings.DEFAULT, false);
        ws.open(f, 1, TEXT);
        first = ws.analysisFor(f, Cancel.NONE);
    }

    @Test
    void composedEditsMapPositionsBackAndSpansForward() throws Exception {
        setUp();
        int ref = TEXT.indexOf("&foo>");
        // three edits: an insertion before, a deletion before, an insertion after the reference
        ws.change(f, 2, List.of(replace(TEXT, 0, 0, "/* a */")));
        String t1 = ws.document(f).text();
        ws.change(f, 3, List.of(replace(t1, t1.indexOf("node@1"), t1.indexOf("node@1") + 2, "")));
        String t2 = ws.document(f).text();
        ws.change(f, 4, List.of(replace(t2, t2.indexOf("};\n") + 3, t2.indexOf("};\n") + 3, "\n\tbaz;")));
        String t3 = ws.document(f).text();
        Workspace.View v = ws.view(f, Cancel.NONE);
        assertSame(first, v.analysis(), "answered from the finished analysis");
        EditMap m = v.edits(f);
        assertNotNull(m);
        assertEquals(3, m.size());
        assertEquals(t3, m.current().text());
        assertFalse(m.linesKept(), "the last edit inserted a line break");
        int now = t3.indexOf("&foo>");
        assertEquals(ref + 1, m.toAnalysed(now + 1));
        Span s = m.toCurrent(new Span(0, ref, ref + 4));
        assertEquals("&foo", t3.substring(s.start(), s.end()));
        // in or next to edited text: no image
        assertEquals(-1, m.toAnalysed(3));
        assertEquals(0, m.toAnalysedNearest(3), "nearest: where the typing began");
        int node = TEXT.indexOf("node@1");
        assertNull(m.toCurrent(new Span(0, node, node + 6)), "a span whose text was partly deleted");
    }

    @Test
    void noMappingAfterAWholeTextReplaceAReopenOrAChangeOnDisk() throws Exception {
        setUp();
        ws.change(f, 2, List.of(new Document.Change(null, TEXT + "\n")));
        assertFalse(ws.view(f, Cancel.NONE).stale(), "a whole-text replace: the current analysis");

        setUp();
        ws.close(f);
        ws.open(f, 2, TEXT + " ");
        assertFalse(ws.view(f, Cancel.NONE).stale(), "closed and reopened: the current analysis");

        setUp();
        ws.change(f, 2, List.of(replace(TEXT, 0, 0, " ")));
        assertTrue(ws.view(f, Cancel.NONE).stale());
        ws.filesChanged(List.of(f));
        assertFalse(ws.view(f, Cancel.NONE).stale(), "changed on disk: the current analysis");

        setUp();
        ws.change(f, 2, List.of(replace(TEXT, 0, 0, " ")));
        ws.configure(new Settings(List.of(dir), null));
        assertFalse(ws.view(f, Cancel.NONE).stale(), "new settings: the current analysis");
    }
}
