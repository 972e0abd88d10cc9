package dtdma.features;

/**
 * What surrounds an offset in possibly half-typed source text, found by a forward scan that knows comments,
 * strings, preprocessor lines and statement ends: the statement, the property being assigned, the open cell
 * list, the word being typed. Works on text that does not parse.
 */
final class TextContext {
    final String text;
    final int offset;
    boolean inComment;
    boolean inString;
    int stringStart = -1;
    /** The text of the preprocessor (or {@code /include/}) line up to the cursor, or null. */
    String directive;
    int stmtStart;
    int eqPos = -1;
    /** The offset just after the {@code <} of the open cell list, or -1. */
    int cellsStart = -1;
    String propName;
    int prefixStart;
    String prefix;

    private TextContext(String text, int offset) {
        this.text = text;
        this.offset = Math.max(0, Math.min(offset, text.length()));
    }

    static TextContext at(String text, int offset) {
        TextContext c = new TextContext(text, offset);
        c.scan();
        c.word();
        return c;
    }

    private void scan() {
        int i = 0;
        int depth = 0;
        while (i < offset) {
            char ch = text.charAt(i);
            if (lineStart(i)) {
                int j = i;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j < text.length() && (directiveAt(j) || text.startsWith("/include/", j))) {
                    int end = lineEnd(i);
                    if (offset <= end) {
                        directive = text.substring(i, offset);
                        return;
                    }
                    i = end + 1;
                    stmtStart = i;
                    continue;
                }
            }
            if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int e = text.indexOf("*/", i + 2);
                if (e < 0 || offset < e + 2) {
                    inComment = offset > i + 1 || e < 0;
                    if (inComment) {
                        return;
                    }
                }
                i = e < 0 ? text.length() : e + 2;
                continue;
            }
            if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int e = text.indexOf('\n', i);
                if (e < 0 || offset <= e) {
                    inComment = true;
                    return;
                }
                i = e;
                continue;
            }
            if (ch == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != '"' && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                if (offset <= j) {
                    inString = true;
                    stringStart = i + 1;
                    break;
                }
                i = j + 1;
                continue;
            }
            if (ch == ';' || ch == '{' || ch == '}') {
                stmtStart = i + 1;
                eqPos = -1;
                cellsStart = -1;
                depth = 0;
            } else if (ch == '=' && eqPos < 0) {
                eqPos = i;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            } else if (ch == '<' && eqPos >= 0 && depth == 0 && cellsStart < 0) {
                cellsStart = i + 1;
            } else if (ch == '>' && cellsStart >= 0 && depth == 0) {
                cellsStart = -1;
            }
            i++;
        }
        if (eqPos >= stmtStart) { // a directive line after the '=' starts a new statement (found by fuzzing)
            String before = text.substring(stmtStart, eqPos).trim();
            int sp = Math.max(before.lastIndexOf(' '), Math.max(before.lastIndexOf('\t'), before.lastIndexOf('\n')));
            propName = before.substring(sp + 1);
        }
    }

    private static final java.util.regex.Pattern DIRECTIVE = java.util.regex.Pattern.compile(
            "#\\s*(include|define|undef|if|ifdef|ifndef|elif|else|endif|error|warning|pragma|line)\\b");

    /** A preprocessor directive at {@code i}; {@code #address-cells = <1>;} and the like are properties. */
    private boolean directiveAt(int i) {
        return text.charAt(i) == '#' && DIRECTIVE.matcher(text).region(i, Math.min(text.length(), i + 40)).lookingAt();
    }

    private boolean lineStart(int i) {
        return i == 0 || text.charAt(i - 1) == '\n';
    }

    /** The end of a logical line (backslash continuations joined). */
    private int lineEnd(int i) {
        int e = text.indexOf('\n', i);
        while (e > 0 && text.charAt(e - 1) == '\\') {
            int n = text.indexOf('\n', e + 1);
            if (n < 0) {
                return text.length();
            }
            e = n;
        }
        return e < 0 ? text.length() : e;
    }

    private void word() {
        int s = offset;
        while (s > 0 && wordChar(text.charAt(s - 1))) {
            s--;
        }
        prefixStart = s;
        prefix = text.substring(s, offset);
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ',' || c == '.' || c == '#' || c == '-' || c == '+'
                || c == '?';
    }

    /** The char before the word being typed, or 0. */
    char before() {
        return prefixStart == 0 ? 0 : text.charAt(prefixStart - 1);
    }

    boolean inValue() {
        return eqPos >= 0;
    }

    /** True when the word starts a property or node name: only labels and blanks before it in the statement. */
    boolean atStatementStart() {
        String s = text.substring(stmtStart, prefixStart).trim();
        return s.isEmpty() || s.endsWith(":");
    }

    /** The cells of the open cell list before the word being typed, grouping parenthesised expressions. */
    java.util.List<String> cellTokens() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (cellsStart < 0) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = cellsStart; i < prefixStart; i++) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch) && depth == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            }
            cur.append(ch);
        }
        if (cur.length() > 0 && !cur.toString().equals("&")) {
            out.add(cur.toString());
        }
        return out;
    }

    /** In a {@code dmas} cell list: the label of the specifier's controller and the 0-based argument index. */
    record CellPosition(String controller, int argIndex) {
    }

    CellPosition cellPosition() {
        java.util.List<String> toks = cellTokens();
        for (int i = toks.size() - 1; i >= 0; i--) {
            String t = toks.get(i);
            if (t.startsWith("&")) {
                return new CellPosition(t.substring(1), toks.size() - 1 - i);
            }
        }
        return null;
    }
}
