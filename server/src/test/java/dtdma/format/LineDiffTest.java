package dtdma.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    /** Applying the hunks to the old lines gives the new ones. */
    private static List<String> apply(List<String> a, List<String> b, List<LineDiff.Hunk> hunks) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        for (LineDiff.Hunk h : hunks) {
            out.addAll(a.subList(pos, h.aStart()));
            out.addAll(b.subList(h.bStart(), h.bEnd()));
            pos = h.aEnd();
        }
        out.addAll(a.subList(pos, a.size()));
        return out;
    }

    @Test
    void hunksTurnOneTextIntoTheOther() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            for (int k = r.nextInt(30); k > 0; k--) {
                a.add("l" + r.nextInt(6));
            }
            for (int k = r.nextInt(30); k > 0; k--) {
                b.add("l" + r.nextInt(6));
            }
            assertEquals(b, apply(a, b, LineDiff.diff(a, b)));
        }
    }

    @Test
    void largeRewritesStayCheap() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 60000; i++) {
            a.add("    line " + i + "\n");
            b.add("\tline " + i + "\n");
        }
        List<LineDiff.Hunk> h = LineDiff.diff(a, b);
        assertEquals(b, apply(a, b, h));
        assertEquals(120000, LineDiff.changedLines(h));
    }

    @Test
    void unifiedDiffFormat() {
        String d = LineDiff.unified("a/x", "b/x", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n");
        assertEquals("--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", d);
        assertEquals("", LineDiff.unified("a", "b", "same\n", "same\n"));
        assertEquals("--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n",
                LineDiff.unified("a", "b", "x", "x\n"));
    }
}
