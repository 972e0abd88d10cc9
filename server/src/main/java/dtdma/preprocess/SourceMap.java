package dtdma.preprocess;

import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps offsets of one piece of preprocessed text back to original files. The map is a sorted list of
 * segments; a copied segment maps character by character, an expansion segment (text produced by a
 * macro) maps every character to the macro invocation and remembers the expansion.
 */
public final class SourceMap {
    /** One run of output text. {@code outStart..outEnd} is relative to the piece's text. */
    public record Segment(int outStart, int outEnd, int fileId, int srcStart, int srcEnd, Expansion expansion) {
        public boolean copied() {
            return expansion == null;
        }
    }

    /** A macro expansion: which macro, where it is defined, and the text it expanded to. */
    public record Expansion(String macro, Span definition, String expandedText) {
    }

    private final List<Segment> segments;

    public SourceMap(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The segment holding output offset {@code out}, or the last one before it; null if none. */
    public Segment segmentAt(int out) {
        int lo = 0;
        int hi = segments.size() - 1;
        Segment best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (s.outStart() <= out) {
                best = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** The original span of output range {@code [start, end)}; null when nothing maps there. */
    public Span toOriginal(int start, int end) {
        Segment a = segmentAt(start);
        if (a == null) {
            return null;
        }
        Segment b = segmentAt(Math.max(start, end - 1));
        int s = a.copied() ? clamp(a.srcStart() + (start - a.outStart()), a) : a.srcStart();
        int e;
        if (b == null || b.fileId() != a.fileId()) {
            e = a.copied() ? clamp(a.srcStart() + (Math.min(end, a.outEnd()) - a.outStart()), a) : a.srcEnd();
        } else {
            e = b.copied() ? clamp(b.srcStart() + (end - b.outStart()), b) : b.srcEnd();
        }
        if (e < s) {
            e = s;
        }
        return new Span(a.fileId(), s, e);
    }

    private static int clamp(int v, Segment s) {
        return Math.max(s.srcStart(), Math.min(v, s.srcEnd()));
    }

    /** The expansion that produced output offset {@code out}, or null if it was copied text. */
    public Expansion expansionAt(int out) {
        Segment s = segmentAt(out);
        return s == null || out >= s.outEnd() ? null : s.expansion();
    }

    /** Builds a map while text is appended. */
    public static final class Builder {
        private final List<Segment> segs = new ArrayList<>();

        public Builder copied(int outStart, int fileId, int srcStart, int length) {
            if (length <= 0) {
                return this;
            }
            if (!segs.isEmpty()) {
                Segment last = segs.get(segs.size() - 1);
                if (last.copied() && last.fileId() == fileId && last.outEnd() == outStart && last.srcEnd() == srcStart) {
                    segs.set(segs.size() - 1, new Segment(last.outStart(), outStart + length, fileId, last.srcStart(), srcStart + length, null));
                    return this;
                }
            }
            segs.add(new Segment(outStart, outStart + length, fileId, srcStart, srcStart + length, null));
            return this;
        }

        public Builder expanded(int outStart, int outEnd, Span invocation, Expansion expansion) {
            if (outEnd > outStart) {
                segs.add(new Segment(outStart, outEnd, invocation.fileId(), invocation.start(), invocation.end(), expansion));
            }
            return this;
        }

        public SourceMap build() {
            return new SourceMap(segs);
        }
    }
}
