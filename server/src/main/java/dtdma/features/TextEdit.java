package dtdma.features;

import dtdma.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One replacement of a span of a file's text (an empty span inserts). */
public record TextEdit(Span span, String newText) {
    /** The text after applying non-overlapping edits of one file. */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> e.span().start()).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }
}
