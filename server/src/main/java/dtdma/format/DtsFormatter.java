package dtdma.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formatter: lays a devicetree source file out in the kernel's DTS coding style, working on the text as
 * written (before preprocessing), so that directives, macro uses and comments stay where they are.
 *
 * <p>Rules: indentation by nesting depth (tabs), one statement per line, {@code name = value;} spacing, single
 * spaces between cells (runs of whitespace holding a tab inside {@code <...>} are kept: they align tables),
 * continuation lines of a value aligned under its first entry (or inside the {@code <} they continue, or one
 * level deeper when the line breaks right after {@code <} or {@code =}), long values split after a comma
 * between entries, each entry of a multi-entry array in its own {@code <...>} (where {@link EntryHints} from the
 * caller say where the entries start, or for a {@code reg} whose parent's cell sizes are written in the same file
 * as plain numbers), lowercase hex in values (never in node names: a unit address is part of the name), a blank line before each child node and before a trailing
 * {@code status}, at most one blank line in a row, no trailing whitespace, one newline at the end. Line breaks
 * the author put inside a value are kept. Comments keep their place (a comment after code stays on its line);
 * directive lines are kept verbatim; nothing is reordered.
 *
 * <p>Safety: the formatter refuses (and leaves the text as it is) when a construct could not be kept exactly
 * (a macro standing for a whole statement, a directive inside a statement, ...), and checks its own output:
 * the tokens, comments and directives must be the same as the input's, up to the case of hex literals.
 */
public final class DtsFormatter {
    /** The outcome: the new text, or the reason the text was left alone (with its 1-based line). */
    public record Result(String text, boolean changed, String problem, int problemLine) {
        public boolean ok() {
            return problem == null;
        }
    }

    private DtsFormatter() {
    }

    /** Formats a whole file. Never throws for bad input: a problem is reported in the result. */
    public static Result format(String original, FormatOptions options) {
        return format(original, options, EntryHints.NONE);
    }

    /**
     * Formats a whole file with entry sizes from outside ({@code hints} take offsets into {@code original}).
     * Never throws for bad input: a problem is reported in the result.
     */
    public static Result format(String original, FormatOptions options, EntryHints hints) {
        boolean crlf = original.contains("\r\n");
        String text = crlf ? original.replace("\r\n", "\n") : original;
        FormatOptions o = options.keepFileStyle() ? detect(text, options) : options;
        String out;
        try {
            Cst.File f = CstParser.parse(text);
            out = new Printer(text, o, crlf ? lfHints(original, hints) : hints == null ? EntryHints.NONE : hints)
                    .print(f);
            List<String> before = signature(text);
            List<String> after = signature(out);
            if (!before.equals(after)) {
                int at = firstDifference(before, after);
                return new Result(original, false, "internal check failed: the layout would change "
                        + (at < before.size() ? "'" + before.get(at) + "'" : "the end of the file"), 0);
            }
        } catch (FormatException e) {
            return new Result(original, false, e.getMessage(), lineOf(text, e.offset()));
        } catch (RuntimeException | StackOverflowError e) {
            return new Result(original, false, "internal error: " + e, 0);
        }
        if (crlf) {
            out = out.replace("\n", "\r\n");
        }
        return new Result(out, !out.equals(original), null, 0);
    }

    /**
     * The lines (0-based, first and last) of the innermost statement around {@code offset} (a node's whole
     * extent), or null when the text cannot be read as written.
     */
    public static int[] statementLines(String original, int offset) {
        String text = original.replace("\r\n", "\n");
        int crBefore = 0;
        for (int i = 0; i < Math.min(offset, original.length()); i++) {
            if (original.charAt(i) == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n') {
                crBefore++;
            }
        }
        int at = offset - crBefore;
        Cst.File f;
        try {
            f = CstParser.parse(text);
        } catch (FormatException e) {
            return null;
        }
        Cst.Stmt best = null;
        List<Cst.Stmt> level = f.items();
        outer:
        while (true) {
            for (Cst.Stmt s : level) {
                if (s.leadingStart() <= at && at <= s.endWithTrailing()) {
                    best = s;
                    level = s.children();
                    continue outer;
                }
            }
            break;
        }
        if (best == null) {
            return null;
        }
        return new int[] {lineOf(text, best.leadingStart()) - 1, lineOf(text, best.endWithTrailing()) - 1};
    }

    /** The hints of a CRLF file with offsets into its LF text. */
    private static EntryHints lfHints(String original, EntryHints hints) {
        if (hints == null) {
            return EntryHints.NONE;
        }
        List<Integer> crs = new ArrayList<>();
        for (int i = 0; i + 1 < original.length(); i++) {
            if (original.charAt(i) == '\r' && original.charAt(i + 1) == '\n') {
                crs.add(i);
            }
        }
        int[] cr = crs.stream().mapToInt(Integer::intValue).toArray();
        return lf -> {
            // the original offset: lf plus the CRs removed before it
            int lo = 0;
            int hi = cr.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cr[mid] - mid < lf) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            EntryHints.Entries e = hints.at(lf + lo);
            if (e == null) {
                return null;
            }
            int[] starts = e.cellStarts().clone();
            for (int i = 0; i < starts.length; i++) {
                int o = starts[i];
                int before = java.util.Arrays.binarySearch(cr, o);
                starts[i] = o - (before >= 0 ? before : -before - 1);
            }
            return new EntryHints.Entries(e.name(), starts, e.entrySizes());
        };
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The file's own indentation when it is indented with spaces (the width is the smallest indentation used),
     * else {@code o} unchanged.
     */
    static FormatOptions detect(String text, FormatOptions o) {
        int tabs = 0;
        int spaces = 0;
        int minSpaces = Integer.MAX_VALUE;
        boolean inComment = false;
        for (String line : text.split("\n", -1)) {
            boolean startsInComment = inComment;
            int open = line.lastIndexOf("/*");
            int close = line.lastIndexOf("*/");
            if (open > close) {
                inComment = true;
            } else if (close > open) {
                inComment = false;
            }
            if (startsInComment || line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.charAt(0) == '\t') {
                tabs++;
            } else if (line.charAt(0) == ' ') {
                int n = 0;
                while (n < line.length() && line.charAt(n) == ' ') {
                    n++;
                }
                if (n < line.length() && line.charAt(n) == '*') {
                    continue;
                }
                if (n < line.length() && line.charAt(n) == '\t') {
                    tabs++;
                    continue;
                }
                spaces++;
                minSpaces = Math.min(minSpaces, n);
            }
        }
        if (spaces > tabs) {
            int w = minSpaces == Integer.MAX_VALUE ? o.indentWidth() : Math.max(2, Math.min(8, minSpaces));
            return new FormatOptions(false, w, o.tabWidth(), o.lineWidth(), o.keepFileStyle());
        }
        if (tabs > 0 && !o.useTabs()) {
            return new FormatOptions(true, o.tabWidth(), o.tabWidth(), o.lineWidth(), o.keepFileStyle());
        }
        return o;
    }

    /**
     * What must not change: every token (hex literals in lowercase), every comment (each line trimmed) and
     * every directive (each line without trailing whitespace), in order.
     */
    static List<String> signature(String text) {
        List<String> out = new ArrayList<>();
        for (Scanner.Tok t : Scanner.scan(text)) {
            for (Scanner.Trivia tr : t.trivia) {
                out.add((tr.isComment() ? "C:" + Comments.normalise(tr.text) : "D:" + stripLines(tr.text)));
            }
            if (t.kind != Scanner.Kind.EOF) {
                String s = t.text;
                if (t.kind == Scanner.Kind.WORD) {
                    s = Printer.lowerHex(s, false);
                    if (s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                        s = s.toLowerCase(Locale.ROOT);
                    }
                }
                out.add(t.kind + ":" + s);
                // "<a b>, <c d>" and "<a b c d>" are the same cells (the formatter splits reg into entries)
                int k = out.size();
                if (k >= 3 && out.get(k - 1).equals("PUNCT:<") && out.get(k - 2).equals("PUNCT:,")
                        && out.get(k - 3).equals("PUNCT:>")) {
                    out.subList(k - 3, k).clear();
                }
            }
        }
        return out;
    }

    private static String stripLines(String s) {
        StringBuilder sb = new StringBuilder();
        for (String l : s.split("\n", -1)) {
            sb.append(l.stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
