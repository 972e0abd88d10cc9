package dtdma.preprocess;

import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's text with all includes inlined, as one String, with a lookup from any output offset back to
 * the original span and the macro expansion that produced it.
 */
public final class Flattened {
    private final String text;
    private final int[] starts;
    private final SourceMap[] maps;

    private Flattened(String text, int[] starts, SourceMap[] maps) {
        this.text = text;
        this.starts = starts;
        this.maps = maps;
    }

    /** Flattens a unit recursively (failed includes contribute nothing). */
    public static Flattened of(PpUnit unit) {
        StringBuilder sb = new StringBuilder();
        List<Integer> st = new ArrayList<>();
        List<SourceMap> ms = new ArrayList<>();
        walk(unit, sb, st, ms, 0);
        int[] s = new int[st.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = st.get(i);
        }
        return new Flattened(sb.toString(), s, ms.toArray(new SourceMap[0]));
    }

    private static void walk(PpUnit u, StringBuilder sb, List<Integer> st, List<SourceMap> ms, int depth) {
        if (depth > 10_000) {
            return;
        }
        for (PpUnit.Piece p : u.pieces()) {
            if (p instanceof PpUnit.Text t) {
                if (!t.text().isEmpty()) {
                    st.add(sb.length());
                    ms.add(t.map());
                    sb.append(t.text());
                }
            } else if (p instanceof PpUnit.Include inc && inc.unit() != null) {
                walk(inc.unit(), sb, st, ms, depth + 1);
                if (!inc.raw() && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    // as cpp does, an included file ends its last line
                    st.add(sb.length());
                    ms.add(new SourceMap(List.of()));
                    sb.append('\n');
                }
            }
        }
    }

    public String text() {
        return text;
    }

    private int piece(int out) {
        int lo = 0;
        int hi = starts.length - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= out) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The original span of output range {@code [start, end)} (clipped to the piece holding start); null if unmapped. */
    public Span toOriginal(int start, int end) {
        int p = piece(start);
        if (p < 0) {
            return null;
        }
        int base = starts[p];
        int limit = p + 1 < starts.length ? starts[p + 1] : text.length();
        return maps[p].toOriginal(start - base, Math.min(end, limit) - base);
    }

    /** The macro expansion that produced output offset {@code out}, or null. */
    public SourceMap.Expansion expansionAt(int out) {
        int p = piece(out);
        return p < 0 ? null : maps[p].expansionAt(out - starts[p]);
    }
}
