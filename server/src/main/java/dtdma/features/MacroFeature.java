package dtdma.features;

import dtdma.preprocess.Macro;
import dtdma.preprocess.PpUnit;
import dtdma.preprocess.SourceMap;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Macros under the cursor: the identifier, the {@code #define} it names and, for an invocation the
 * preprocessor expanded, the expansion it produced (from the source map).
 */
public final class MacroFeature {
    /**
     * A macro at an offset.
     *
     * @param name       the identifier under the cursor
     * @param span       the identifier's span
     * @param definition the {@code #define} line, or null for a predefined macro
     * @param spelling   the definition normalised, e.g. {@code F(a,b) a+b}
     * @param expansion  what the invocation under the cursor expanded to, or null when it was not expanded here
     */
    public record MacroAt(String name, Span span, Span definition, String spelling, String expansion) {
    }

    private MacroFeature() {
    }

    /** The macro whose name is under the cursor, or null. */
    public static MacroAt at(Analysis a, SourceFile file, int offset) {
        String t = file.text();
        int s = Math.min(offset, t.length());
        int e = s;
        while (s > 0 && ident(t.charAt(s - 1))) {
            s--;
        }
        while (e < t.length() && ident(t.charAt(e))) {
            e++;
        }
        if (s == e || Character.isDigit(t.charAt(s)) || (s > 0 && (t.charAt(s - 1) == '&' || t.charAt(s - 1) == '-'))) {
            return null;
        }
        String name = t.substring(s, e);
        Span span = new Span(file.id(), s, e);
        SourceMap.Expansion ex = expansion(a, file, s, name);
        if (ex != null) {
            Macro m = a.macros().get(name);
            String spelling = m != null && sameDefinition(m.definition(), ex.definition()) ? m.spelling()
                    : text(a, ex.definition());
            return new MacroAt(name, span, ex.definition(), spelling, ex.expandedText());
        }
        Macro m = a.macros().get(name);
        if (m == null) {
            return null;
        }
        return new MacroAt(name, span, m.definition(), m.spelling(), null);
    }

    private static boolean sameDefinition(Span x, Span y) {
        return x == null ? y == null : x.equals(y);
    }

    private static String text(Analysis a, Span s) {
        SourceFile f = a.fileOf(s);
        if (f == null) {
            return "";
        }
        String line = f.text().substring(s.start(), Math.min(s.end(), f.text().length())).trim();
        return line.replaceFirst("^#\\s*define\\s+", "");
    }

    static boolean ident(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The expansion of macro {@code name} whose invocation starts at or covers the offset in the file. */
    private static SourceMap.Expansion expansion(Analysis a, SourceFile file, int offset, String name) {
        if (a.unit() == null) {
            return null;
        }
        List<PpUnit> units = new ArrayList<>();
        collect(a.unit(), file.id(), units, Collections.newSetFromMap(new IdentityHashMap<>()));
        SourceMap.Expansion best = null;
        int bestLen = Integer.MAX_VALUE;
        for (PpUnit u : units) {
            for (PpUnit.Piece p : u.pieces()) {
                if (!(p instanceof PpUnit.Text tx)) {
                    continue;
                }
                for (SourceMap.Segment seg : tx.map().segments()) {
                    if (seg.expansion() == null || seg.fileId() != file.id() || seg.srcStart() > offset
                            || seg.srcEnd() <= offset || !seg.expansion().macro().equals(name)) {
                        continue;
                    }
                    int len = seg.srcEnd() - seg.srcStart();
                    if (len < bestLen) {
                        best = seg.expansion();
                        bestLen = len;
                    }
                }
            }
        }
        return best;
    }

    private static void collect(PpUnit u, int fileId, List<PpUnit> out, Set<PpUnit> seen) {
        if (!seen.add(u)) {
            return;
        }
        if (u.file().id() == fileId) {
            out.add(u);
        }
        for (PpUnit.Piece p : u.pieces()) {
            if (p instanceof PpUnit.Include inc && inc.unit() != null) {
                collect(inc.unit(), fileId, out, seen);
            }
        }
    }

    /** Go to the {@code #define} of the macro under the cursor. */
    public static List<Place> definition(Analysis a, SourceFile file, int offset) {
        MacroAt m = at(a, file, offset);
        if (m == null || m.definition() == null) {
            return List.of();
        }
        SourceFile f = a.fileOf(m.definition());
        return f == null ? List.of() : List.of(new Place(f, m.definition()));
    }

    /** Hover text for the macro under the cursor, or null. */
    public static HoverFeature.Result hover(Analysis a, SourceFile file, int offset) {
        MacroAt m = at(a, file, offset);
        if (m == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("```c\n#define ").append(m.spelling()).append("\n```\n\n");
        sb.append(m.definition() == null ? "predefined" : "defined at " + HoverFeature.where(a, m.definition()));
        if (m.expansion() != null) {
            sb.append("\n\nexpands here to:\n\n```dts\n").append(m.expansion().strip()).append("\n```");
        }
        return new HoverFeature.Result(sb.toString(), m.span());
    }
}
