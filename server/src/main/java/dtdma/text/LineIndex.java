package dtdma.text;

import java.util.Arrays;

/**
 * Line starts of a text. Lines end at {@code \n}; a {@code \r} before it belongs to the line.
 * Offsets and columns here are 0-based UTF-16 units (what LSP uses); the CLI adds one to both at
 * its edge, see {@link Location#line1()} and {@link Location#column1()}.
 */
public final class LineIndex {
    private final int[] starts;
    private final int length;

    public LineIndex(CharSequence text) {
        int[] s = new int[16];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
        this.length = text.length();
    }

    public int lineCount() {
        return starts.length;
    }

    /** 0-based line of an offset (clamped to the text). */
    public int line0(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int i = Arrays.binarySearch(starts, o);
        return i >= 0 ? i : -i - 2;
    }

    public int lineStart(int line0) {
        return starts[Math.max(0, Math.min(line0, starts.length - 1))];
    }

    public int lineEnd(int line0, CharSequence text) {
        int end = line0 + 1 < starts.length ? starts[line0 + 1] - 1 : length;
        if (end > lineStart(line0) && end - 1 < text.length() && end <= length && end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    public Location location(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int l = line0(o);
        return new Location(l, o - starts[l]);
    }

    /** The offset of a 0-based line and UTF-16 column, clamped to the text. */
    public int offset(int line0, int column0) {
        if (line0 < 0) {
            return 0;
        }
        if (line0 >= starts.length) {
            return length;
        }
        int next = line0 + 1 < starts.length ? starts[line0 + 1] : length;
        return (int) Math.min((long) starts[line0] + Math.max(0, column0), next);
    }

    /** A 0-based line and UTF-16 column. */
    public record Location(int line0, int column0) {
        public int line1() {
            return line0 + 1;
        }

        public int column1() {
            return column0 + 1;
        }
    }
}
