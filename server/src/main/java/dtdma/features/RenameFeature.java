package dtdma.features;

import dtdma.text.Cancel;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rename of a label in every file of the context: each definition {@code label:} and each reference
 * {@code &label} (also inside a macro invocation that spells the label, e.g. {@code DMA(sdma1, 0)}).
 */
public final class RenameFeature {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The label under the cursor and the span of its name (without {@code &} or {@code :}). */
    public record Target(String label, Span span) {
    }

    /** A refused rename: why. */
    public static final class RenameException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RenameException(String message) {
            super(message);
        }
    }

    private RenameFeature() {
    }

    /** The label under the cursor, or null when the cursor is not on a label definition or label reference. */
    public static Target prepare(Analysis a, SourceFile file, int offset) {
        return prepare(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #prepare(Analysis, SourceFile, int)}, polling {@code cancel}. */
    public static Target prepare(Analysis a, SourceFile file, int offset, Cancel cancel) {
        cancel.check();
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        String name = null;
        Span s = null;
        Ast.Ref ref = idx.refAt(file.id(), offset);
        if (ref != null && !ref.path()) {
            name = ref.text();
            s = ref.span();
        } else {
            Ast.Label l = idx.labelAt(file.id(), offset);
            if (l != null) {
                name = l.name();
                s = l.span();
            }
        }
        if (name == null) {
            return null;
        }
        cancel.check();
        List<Span> words = words(file, s, name);
        for (Span w : words) {
            if (w.start() <= offset && offset <= w.end()) {
                return new Target(name, w);
            }
        }
        return words.isEmpty() ? null : new Target(name, words.get(0));
    }

    /**
     * The edits, by file, that rename the label under the cursor to {@code newName}.
     *
     * @throws RenameException when the cursor is not on a label, the new name is not a label or already exists
     */
    public static Map<SourceFile, List<TextEdit>> rename(Analysis a, SourceFile file, int offset, String newName) {
        return rename(a, file, offset, newName, Cancel.NONE);
    }

    /** Like {@link #rename(Analysis, SourceFile, int, String)}, polling {@code cancel} per label and reference. */
    public static Map<SourceFile, List<TextEdit>> rename(Analysis a, SourceFile file, int offset, String newName,
            Cancel cancel) {
        Target t = prepare(a, file, offset, cancel);
        if (t == null) {
            throw new RenameException("only labels can be renamed");
        }
        if (newName == null || !LABEL.matcher(newName).matches()) {
            throw new RenameException("'" + newName + "' is not a valid label");
        }
        if (!newName.equals(t.label()) && a.tree().labelled(newName) != null) {
            throw new RenameException("label '" + newName + "' already exists");
        }
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        Set<Span> spans = new LinkedHashSet<>();
        for (Ast.Label l : idx.labels()) {
            cancel.check();
            if (l.name().equals(t.label())) {
                spans.add(l.span());
            }
        }
        for (Ast.Ref r : idx.refs()) {
            cancel.check();
            if (!r.path() && r.text().equals(t.label())) {
                spans.add(r.span());
            } else if (r.path() && (r.text().equals(t.label()) || r.text().startsWith(t.label() + "/"))) {
                spans.add(r.span());
            }
        }
        Map<SourceFile, List<TextEdit>> out = new LinkedHashMap<>();
        Set<Span> done = new LinkedHashSet<>();
        for (Span s : spans) {
            cancel.check();
            SourceFile f = a.fileOf(s);
            if (f == null) {
                continue;
            }
            for (Span w : words(f, s, t.label())) {
                if (done.add(w)) {
                    out.computeIfAbsent(f, k -> new ArrayList<>()).add(new TextEdit(w, newName));
                }
            }
        }
        return out;
    }

    /** The whole-word occurrences of {@code name} inside a span of a file. */
    static List<Span> words(SourceFile f, Span s, String name) {
        List<Span> out = new ArrayList<>();
        String t = f.text();
        int end = Math.min(s.end(), t.length());
        int i = t.indexOf(name, s.start());
        while (i >= 0 && i + name.length() <= end) {
            boolean left = i == 0 || !MacroFeature.ident(t.charAt(i - 1));
            boolean right = i + name.length() >= t.length() || !MacroFeature.ident(t.charAt(i + name.length()));
            if (left && right) {
                out.add(new Span(f.id(), i, i + name.length()));
            }
            i = t.indexOf(name, i + 1);
        }
        return out;
    }
}
