package dtdma.workspace;

import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.List;

/**
 * The edits applied to one open document since an analysis read it, as offset/length replacements in order,
 * with the document's current text: maps a position of the current text back to the analysed text and a span of
 * the analysed text forward to the current one. A position inside (or a span touching) text replaced since has
 * no image: the caller then waits for the analysis of the current text.
 */
public final class EditMap {
    /** One replacement: {@code removed} characters at {@code offset} replaced by {@code inserted} characters. */
    record Step(long stamp, int offset, int removed, int inserted, boolean lineBreaks) {
    }

    private final List<Step> steps;
    private final SourceFile current;

    EditMap(List<Step> steps, SourceFile current) {
        this.steps = List.copyOf(steps);
        this.current = current;
    }

    /** The current text of the document (with the analysed file's id, so spans of the analysis name it). */
    public SourceFile current() {
        return current;
    }

    /** Whether every line keeps its number (no line break was inserted or removed since the analysis). */
    public boolean linesKept() {
        for (Step s : steps) {
            if (s.lineBreaks()) {
                return false;
            }
        }
        return true;
    }

    /** How many replacements lie between the analysed text and the current one. */
    public int size() {
        return steps.size();
    }

    /**
     * The offset in the analysed text of an offset of the current text, or -1 when it lies in or next to text
     * replaced since.
     */
    public int toAnalysed(int offset) {
        int y = offset;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (y < s.offset()) {
                continue;
            }
            if (y > s.offset() + s.inserted()) {
                y += s.removed() - s.inserted();
                continue;
            }
            return -1; // in the inserted text, or on its edge
        }
        return y;
    }

    /**
     * Like {@link #toAnalysed(int)}, but an offset in replaced text maps to where the replacement began (for a
     * completion: the word being typed is read from the current text, the analysis gives only the context).
     */
    public int toAnalysedNearest(int offset) {
        int y = offset;
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (y < s.offset()) {
                continue;
            }
            y = y >= s.offset() + s.inserted() ? y + s.removed() - s.inserted() : s.offset();
        }
        return y;
    }

    /** A span of the analysed text moved to the current text, or null when text in or next to it was replaced. */
    public Span toCurrent(Span span) {
        int a = span.start();
        int b = span.end();
        for (Step s : steps) {
            if (b < s.offset()) {
                continue;
            }
            if (a > s.offset() + s.removed()) {
                a += s.inserted() - s.removed();
                b += s.inserted() - s.removed();
                continue;
            }
            return null;
        }
        return new Span(span.fileId(), a, b);
    }
}
