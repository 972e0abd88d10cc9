package dtdma.features;

import dtdma.format.DtsFormatter;
import dtdma.format.EntryHints;
import dtdma.format.FormatOptions;
import dtdma.format.LineDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Document, range and on-type formatting: the whole file is formatted, and the changed lines come back as edits
 * of whole lines (only those that touch the range, for range and on-type formatting). A file the formatter
 * leaves alone gives no edits.
 */
public final class FormattingFeature {
    /** Replace the text from (startLine0, startColumn0) to (endLine0, endColumn0) with {@code newText}. */
    public record Edit(int startLine0, int startColumn0, int endLine0, int endColumn0, String newText) {
    }

    private FormattingFeature() {
    }

    /** Edits that format the whole document. */
    public static List<Edit> format(String text, FormatOptions o) {
        return format(text, o, EntryHints.NONE);
    }

    /** Edits that format the whole document, with entry sizes of arrays from the board's merged tree. */
    public static List<Edit> format(String text, FormatOptions o, EntryHints hints) {
        return format(text, o, hints, dtdma.text.Cancel.NONE);
    }

    /** Like {@link #format(String, FormatOptions, EntryHints)}, polling {@code cancel} around the formatter and per hunk. */
    public static List<Edit> format(String text, FormatOptions o, EntryHints hints, dtdma.text.Cancel cancel) {
        return edits(text, o, hints, 0, Integer.MAX_VALUE, cancel);
    }

    /** Edits that touch lines {@code fromLine0..toLine0} (inclusive). */
    public static List<Edit> formatRange(String text, FormatOptions o, int fromLine0, int toLine0) {
        return formatRange(text, o, EntryHints.NONE, fromLine0, toLine0);
    }

    public static List<Edit> formatRange(String text, FormatOptions o, EntryHints hints, int fromLine0, int toLine0) {
        return formatRange(text, o, hints, fromLine0, toLine0, dtdma.text.Cancel.NONE);
    }

    public static List<Edit> formatRange(String text, FormatOptions o, EntryHints hints, int fromLine0, int toLine0,
            dtdma.text.Cancel cancel) {
        return edits(text, o, hints, fromLine0, toLine0, cancel);
    }

    /**
     * After typing ';' or '}' at {@code offset} (the offset of that character): the statement that ends there
     * (for '}' the whole node).
     */
    public static List<Edit> onType(String text, FormatOptions o, int offset) {
        return onType(text, o, EntryHints.NONE, offset);
    }

    public static List<Edit> onType(String text, FormatOptions o, EntryHints hints, int offset) {
        return onType(text, o, hints, offset, dtdma.text.Cancel.NONE);
    }

    public static List<Edit> onType(String text, FormatOptions o, EntryHints hints, int offset, dtdma.text.Cancel cancel) {
        cancel.check();
        int[] lines = DtsFormatter.statementLines(text, Math.max(0, offset));
        if (lines == null) {
            return List.of();
        }
        return edits(text, o, hints, lines[0], lines[1], cancel);
    }

    private static List<Edit> edits(String text, FormatOptions o, EntryHints hints, int from, int to,
            dtdma.text.Cancel cancel) {
        cancel.check();
        DtsFormatter.Result r = DtsFormatter.format(text, o, hints);
        cancel.check();
        if (!r.ok() || !r.changed()) {
            return List.of();
        }
        List<String> a = LineDiff.lines(text);
        List<String> b = LineDiff.lines(r.text());
        List<Edit> out = new ArrayList<>();
        List<LineDiff.Hunk> hunks = new ArrayList<>();
        for (LineDiff.Hunk h : LineDiff.diff(a, b)) {
            cancel.check();
            int n = h.aEnd() - h.aStart();
            if (n > 1 && n == h.bEnd() - h.bStart()) {
                // line for line: one edit per line, so that a range takes only its own lines
                for (int i = 0; i < n; i++) {
                    hunks.add(new LineDiff.Hunk(h.aStart() + i, h.aStart() + i + 1, h.bStart() + i, h.bStart() + i + 1));
                }
            } else {
                hunks.add(h);
            }
        }
        for (LineDiff.Hunk h : hunks) {
            cancel.check();
            boolean touches = h.aStart() == h.aEnd() ? h.aStart() >= from && h.aStart() <= (long) to + 1
                    : h.aStart() <= to && h.aEnd() > from;
            if (!touches) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = h.bStart(); i < h.bEnd(); i++) {
                sb.append(b.get(i));
            }
            int endLine = h.aEnd();
            int endCol = 0;
            if (endLine == a.size() && !a.isEmpty() && !a.get(a.size() - 1).endsWith("\n")) {
                // the old text's last line has no newline: end at its end
                endLine = a.size() - 1;
                endCol = a.get(a.size() - 1).length();
                if (h.aStart() > endLine) {
                    // insertion after the last line: add the missing newline first
                    out.add(new Edit(endLine, endCol, endLine, endCol, "\n" + sb));
                    continue;
                }
            }
            out.add(new Edit(h.aStart(), 0, endLine, endCol, sb.toString()));
        }
        return out;
    }
}
