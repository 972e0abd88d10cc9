package dtdma.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (Myers' O(ND) algorithm) between a text and its formatted form: the hunks turn into editor edits
 * (only those touching a range, for range formatting) and into a unified diff for the CLI.
 */
public final class LineDiff {
    /** Lines {@code [aStart, aEnd)} of the old text become lines {@code [bStart, bEnd)} of the new one (0-based). */
    public record Hunk(int aStart, int aEnd, int bStart, int bEnd) {
    }

    /** The most edits the exact diff looks for (its memory grows with the square). */
    static final int MAX_D = 4000;

    private LineDiff() {
    }

    /** Splits after each '\n'; a last line without one is kept. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int e = text.indexOf('\n', from);
            if (e < 0) {
                out.add(text.substring(from));
                break;
            }
            out.add(text.substring(from, e + 1));
            from = e + 1;
        }
        return out;
    }

    /** The changed regions between two texts, in order. */
    public static List<Hunk> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // trim the common prefix and suffix (most of a formatted file)
        int pre = 0;
        while (pre < n && pre < m && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < n - pre && suf < m - pre && a.get(n - 1 - suf).equals(b.get(m - 1 - suf))) {
            suf++;
        }
        List<String> x = a.subList(pre, n - suf);
        List<String> y = b.subList(pre, m - suf);
        List<Hunk> out = new ArrayList<>();
        for (Hunk h : myers(x, y)) {
            out.add(new Hunk(h.aStart + pre, h.aEnd + pre, h.bStart + pre, h.bEnd + pre));
        }
        return out;
    }

    private static List<Hunk> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<Hunk> hunks = new ArrayList<>();
        if (n == 0 && m == 0) {
            return hunks;
        }
        if (n == 0 || m == 0) {
            hunks.add(new Hunk(0, n, 0, m));
            return hunks;
        }
        int max = n + m;
        int off = max;
        int[] v = new int[2 * max + 2];
        // trace.get(d) holds v[off - d .. off + d] before round d: memory grows with D squared, so a diff of more
        // than MAX_D edits falls back to one hunk over the whole (trimmed) range
        List<int[]> trace = new ArrayList<>();
        List<Integer> traceLo = new ArrayList<>();
        int dFound = -1;
        outer:
        for (int d = 0; d <= max; d++) {
            if (d > MAX_D) {
                hunks.add(new Hunk(0, n, 0, m));
                return hunks;
            }
            int lo = Math.max(0, off - d - 1);
            int hi = Math.min(v.length, off + d + 2);
            int[] snap = new int[v.length == 0 ? 0 : hi - lo];
            System.arraycopy(v, lo, snap, 0, hi - lo);
            trace.add(snap);
            traceLo.add(lo);
            for (int k = -d; k <= d; k += 2) {
                int xx;
                if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) {
                    xx = v[off + k + 1];
                } else {
                    xx = v[off + k - 1] + 1;
                }
                int yy = xx - k;
                while (xx < n && yy < m && a.get(xx).equals(b.get(yy))) {
                    xx++;
                    yy++;
                }
                v[off + k] = xx;
                if (xx >= n && yy >= m) {
                    dFound = d;
                    break outer;
                }
            }
        }
        // backtrack into a list of edit steps: 0 = equal, 1 = delete (a), 2 = insert (b)
        List<int[]> steps = new ArrayList<>();
        int xx = n;
        int yy = m;
        for (int d = dFound; d > 0; d--) {
            int[] vv = trace.get(d);
            int base = traceLo.get(d);
            int k = xx - yy;
            int prevK = (k == -d || (k != d && vv[off + k - 1 - base] < vv[off + k + 1 - base])) ? k + 1 : k - 1;
            int prevX = vv[off + prevK - base];
            int prevY = prevX - prevK;
            while (xx > prevX && yy > prevY) {
                steps.add(new int[] {0, xx - 1, yy - 1});
                xx--;
                yy--;
            }
            if (xx == prevX) {
                steps.add(new int[] {2, xx, yy - 1});
                yy--;
            } else {
                steps.add(new int[] {1, xx - 1, yy});
                xx--;
            }
        }
        while (xx > 0 && yy > 0) {
            steps.add(new int[] {0, xx - 1, yy - 1});
            xx--;
            yy--;
        }
        java.util.Collections.reverse(steps);
        int ai = 0;
        int bi = 0;
        int hs = -1;
        int hb = -1;
        for (int[] s : steps) {
            if (s[0] == 0) {
                if (hs >= 0) {
                    hunks.add(new Hunk(hs, ai, hb, bi));
                    hs = -1;
                }
                ai++;
                bi++;
            } else {
                if (hs < 0) {
                    hs = ai;
                    hb = bi;
                }
                if (s[0] == 1) {
                    ai++;
                } else {
                    bi++;
                }
            }
        }
        if (hs >= 0 || ai < n || bi < m) {
            hunks.add(new Hunk(hs >= 0 ? hs : ai, n, hs >= 0 ? hb : bi, m));
        }
        return hunks;
    }

    /** Lines changed: deleted plus inserted. */
    public static int changedLines(List<Hunk> hunks) {
        int c = 0;
        for (Hunk h : hunks) {
            c += (h.aEnd - h.aStart) + (h.bEnd - h.bStart);
        }
        return c;
    }

    /** A unified diff ({@code diff -u} style, 3 lines of context) of two texts. */
    public static String unified(String aName, String bName, String aText, String bText) {
        List<String> a = lines(aText);
        List<String> b = lines(bText);
        List<Hunk> hunks = diff(a, b);
        if (hunks.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(aName).append('\n').append("+++ ").append(bName).append('\n');
        int ctx = 3;
        int i = 0;
        while (i < hunks.size()) {
            int j = i;
            while (j + 1 < hunks.size() && hunks.get(j + 1).aStart - hunks.get(j).aEnd <= 2 * ctx) {
                j++;
            }
            Hunk first = hunks.get(i);
            Hunk last = hunks.get(j);
            int as = Math.max(0, first.aStart - ctx);
            int bs = first.bStart - (first.aStart - as);
            int ae = Math.min(a.size(), last.aEnd + ctx);
            int be = last.bEnd + (ae - last.aEnd);
            sb.append("@@ -").append(range(as, ae - as)).append(" +").append(range(bs, be - bs)).append(" @@\n");
            int pos = as;
            for (int k = i; k <= j; k++) {
                Hunk h = hunks.get(k);
                for (; pos < h.aStart; pos++) {
                    line(sb, ' ', a.get(pos));
                }
                for (int x = h.aStart; x < h.aEnd; x++) {
                    line(sb, '-', a.get(x));
                }
                for (int y = h.bStart; y < h.bEnd; y++) {
                    line(sb, '+', b.get(y));
                }
                pos = h.aEnd;
            }
            for (; pos < ae; pos++) {
                line(sb, ' ', a.get(pos));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String range(int start, int len) {
        return (len == 0 ? start : start + 1) + (len == 1 ? "" : "," + len);
    }

    private static void line(StringBuilder sb, char tag, String l) {
        sb.append(tag).append(l);
        if (!l.endsWith("\n")) {
            sb.append("\n\\ No newline at end of file\n");
        }
    }
}
