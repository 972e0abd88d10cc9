package dtdma.workspace;

import dtdma.text.LineIndex;
import java.nio.file.Path;
import java.util.List;

/**
 * An open editor buffer: its text and version. Changes arrive as ranges in 0-based lines and UTF-16 columns
 * (what LSP sends), applied in order; a change without a range replaces the whole text. Immutable: applying
 * changes returns a new document.
 */
public record Document(Path path, int version, String text) {
    /** One edit: the range {@code [start, end)} as 0-based line/UTF-16 column pairs, or null for the whole text. */
    public record Change(Range range, String text) {
    }

    /** A range of 0-based lines and UTF-16 columns. */
    public record Range(int startLine0, int startColumn0, int endLine0, int endColumn0) {
    }

    /** The document after the changes, with the new version. */
    public Document apply(int newVersion, List<Change> changes) {
        return apply(newVersion, changes, null);
    }

    /**
     * The document after the changes; {@code steps} (when not null) receives each change as
     * {@code {offset, removed, inserted, 1 when a line break was removed or inserted else 0}} in the text it
     * applied to, or null for a whole-text replacement.
     */
    Document apply(int newVersion, List<Change> changes, List<int[]> steps) {
        String t = text;
        for (Change c : changes) {
            if (c.range() == null) {
                t = c.text();
                if (steps != null) {
                    steps.add(null);
                }
                continue;
            }
            LineIndex idx = new LineIndex(t);
            int a = offset(idx, t, c.range().startLine0(), c.range().startColumn0());
            int b = offset(idx, t, c.range().endLine0(), c.range().endColumn0());
            if (b < a) {
                int x = a;
                a = b;
                b = x;
            }
            if (steps != null) {
                boolean lines = breaks(c.text()) || breaks(t.substring(a, b));
                steps.add(new int[] {a, b - a, c.text().length(), lines ? 1 : 0});
            }
            t = t.substring(0, a) + c.text() + t.substring(b);
        }
        return new Document(path, newVersion, t);
    }

    private static boolean breaks(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    /**
     * The offset of a position as the LSP specification reads it: a character beyond the end of its line means
     * the end of that line (before its line break), a line beyond the end means the end of the text; no
     * arithmetic overflows for huge values.
     */
    static int offset(LineIndex idx, String text, int line0, int column0) {
        if (line0 < 0) {
            return 0;
        }
        if (line0 >= idx.lineCount()) {
            return text.length();
        }
        int start = idx.lineStart(line0);
        int end = idx.lineEnd(line0, text);
        return (int) Math.min((long) start + Math.max(0, column0), end);
    }
}
