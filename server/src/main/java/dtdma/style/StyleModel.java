package dtdma.style;

import dtdma.format.Cst;
import dtdma.format.CstParser;
import dtdma.format.FormatException;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What the style checks read: one source file as written (its {@link Cst}, before preprocessing). Offsets of
 * the syntax are into the text with LF line ends; {@link #span} maps them back to the file.
 */
public final class StyleModel {
    private final SourceFile file;
    private final Cst.File cst;
    private final String text;
    /** Offsets (in the LF text) before which a '\r' was removed, ascending. */
    private final int[] removedCr;
    private final StyleHints hints;

    private StyleModel(SourceFile file, Cst.File cst, String text, int[] removedCr, StyleHints hints) {
        this.file = file;
        this.cst = cst;
        this.text = text;
        this.removedCr = removedCr;
        this.hints = hints == null ? StyleHints.NONE : hints;
    }

    /** The model of a file, or null when its syntax cannot be read as written (the checks then say nothing). */
    public static StyleModel of(SourceFile file) {
        return of(file, StyleHints.NONE);
    }

    /** The model of a file with what a board's merged tree tells (or {@link StyleHints#NONE}), or null. */
    public static StyleModel of(SourceFile file, StyleHints hints) {
        String original = file.text();
        List<Integer> removed = new ArrayList<>();
        StringBuilder sb = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n') {
                removed.add(sb.length());
                continue;
            }
            sb.append(c);
        }
        String text = sb.toString();
        try {
            return new StyleModel(file, CstParser.parse(text), text,
                    removed.stream().mapToInt(Integer::intValue).toArray(), hints);
        } catch (FormatException e) {
            return null;
        }
    }

    /** What the board's merged tree tells about this file. */
    public StyleHints hints() {
        return hints;
    }

    public SourceFile file() {
        return file;
    }

    public Cst.File cst() {
        return cst;
    }

    /** The text the syntax's offsets refer to (LF line ends). */
    public String text() {
        return text;
    }

    /** Offset in the file of an offset of the syntax. */
    public int offset(int lfOffset) {
        int lo = 0;
        int hi = removedCr.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (removedCr[mid] < lfOffset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lfOffset + lo;
    }

    public Span span(int lfStart, int lfEnd) {
        return new Span(file.id(), offset(lfStart), offset(lfEnd));
    }

    /** Whether this file is a board ({@code .dts} or {@code .dtso}) rather than an included {@code .dtsi}. */
    public boolean isBoard() {
        String n = file.path().getFileName().toString();
        return n.endsWith(".dts") || n.endsWith(".dtso");
    }

    /** Every node statement (depth first, in order), with its parent's children list. */
    public void forEachBody(java.util.function.BiConsumer<Cst.Stmt, List<Cst.Stmt>> body) {
        body.accept(null, cst.items());
        walk(cst.items(), body);
    }

    private static void walk(List<Cst.Stmt> items, java.util.function.BiConsumer<Cst.Stmt, List<Cst.Stmt>> body) {
        for (Cst.Stmt s : items) {
            if (s.kind() == Cst.Kind.NODE) {
                body.accept(s, s.children());
                walk(s.children(), body);
            }
        }
    }
}
