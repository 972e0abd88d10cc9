package dtdma.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lossless scanner of the formatter: cuts the original text of one file (before preprocessing) into the
 * tokens of dtc's language, with dtc's context sensitivity (a name after {@code {}, {@code ;} and the
 * {@code /delete-*}{@code /} keywords; values elsewhere), and keeps everything between two tokens as trivia:
 * whitespace, newlines, comments and whole preprocessor directive lines (with their continuation lines).
 * Concatenating every token's trivia and text gives the input back.
 */
final class Scanner {
    enum Kind { WORD, LABEL, REF, PATHREF, STRING, CHAR, KEYWORD, PUNCT, EOF }

    enum TriviaKind { LINE_COMMENT, BLOCK_COMMENT, DIRECTIVE }

    /** A comment or directive between two tokens. */
    static final class Trivia {
        final TriviaKind kind;
        final String text;
        final int start;
        /** Newlines between the previous token or trivia and this one. */
        final int nlBefore;
        /** Spaces and tabs right before it on its line. */
        final String wsBefore;

        Trivia(TriviaKind kind, String text, int start, int nlBefore, String wsBefore) {
            this.kind = kind;
            this.text = text;
            this.start = start;
            this.nlBefore = nlBefore;
            this.wsBefore = wsBefore;
        }

        boolean isComment() {
            return kind != TriviaKind.DIRECTIVE;
        }
    }

    /** A significant token with the trivia before it. */
    static final class Tok {
        final Kind kind;
        final String text;
        final int start;
        final int end;
        final List<Trivia> trivia;
        /** Newlines between the last trivia (or previous token) and this token. */
        final int nl;
        /** Spaces and tabs right before the token on its line. */
        final String wsBefore;

        Tok(Kind kind, String text, int start, int end, List<Trivia> trivia, int nl, String wsBefore) {
            this.kind = kind;
            this.text = text;
            this.start = start;
            this.end = end;
            this.trivia = trivia;
            this.nl = nl;
            this.wsBefore = wsBefore;
        }

        boolean is(String p) {
            return (kind == Kind.PUNCT || kind == Kind.KEYWORD) && text.equals(p);
        }

        /** Newlines before the first trivia piece, or before the token when there is none. */
        int firstNl() {
            return trivia.isEmpty() ? nl : trivia.get(0).nlBefore;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static final Set<String> DIRECTIVES = Set.of("define", "undef", "include", "include_next", "if", "ifdef",
            "ifndef", "elif", "else", "endif", "line", "error", "warning", "pragma", "ident", "sccs", "assert",
            "unassert", "import", "elifdef", "elifndef");
    static final Set<String> KEYWORDS = Set.of("/dts-v1/", "/plugin/", "/memreserve/", "/bits/",
            "/delete-property/", "/delete-node/", "/omit-if-no-ref/", "/incbin/", "/include/");

    private final String s;
    private final int n;
    private int i;
    private boolean nameMode = true;
    private int bracketDepth;
    private boolean bytesMode;
    /** After {@code /include/}: its file name is followed by a name (dtc's include switches back to names). */
    private boolean afterInclude;
    private int parenDepth;
    private int angleDepth;

    private Scanner(String s) {
        this.s = s;
        this.n = s.length();
    }

    /** Scans a whole text (with {@code \n} line ends); throws {@link FormatException} on text it cannot keep. */
    static List<Tok> scan(String text) {
        return new Scanner(text).run();
    }

    private List<Tok> run() {
        List<Tok> out = new ArrayList<>();
        boolean lineStart = true;
        while (true) {
            List<Trivia> trivia = new ArrayList<>(0);
            int nl = 0;
            StringBuilder ws = new StringBuilder();
            // trivia
            while (i < n) {
                char c = s.charAt(i);
                if (c == '\n') {
                    nl++;
                    ws.setLength(0);
                    lineStart = true;
                    i++;
                } else if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\r') {
                    ws.append(c);
                    i++;
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int e = s.indexOf("*/", i + 2);
                    if (e < 0) {
                        throw new FormatException("unterminated comment", i);
                    }
                    trivia.add(new Trivia(TriviaKind.BLOCK_COMMENT, s.substring(i, e + 2), i, nl, ws.toString()));
                    nl = 0;
                    ws.setLength(0);
                    i = e + 2;
                } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                    int e = lineEnd(i);
                    if (e > i && s.charAt(e - 1) == '\\') {
                        throw new FormatException("line comment continued with a backslash", i);
                    }
                    trivia.add(new Trivia(TriviaKind.LINE_COMMENT, s.substring(i, e), i, nl, ws.toString()));
                    nl = 0;
                    ws.setLength(0);
                    i = e;
                } else if (c == '#' && lineStart && isDirective(i)) {
                    int e = directiveEnd(i);
                    trivia.add(new Trivia(TriviaKind.DIRECTIVE, s.substring(i, e), i, nl, ws.toString()));
                    nl = 0;
                    ws.setLength(0);
                    i = e;
                } else if (c == '\\' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    // cpp joins the lines; between two tokens that is only whitespace, unless it glues two words
                    boolean wsBefore = i == 0 || Character.isWhitespace(s.charAt(i - 1));
                    boolean wsAfter = i + 2 >= n || Character.isWhitespace(s.charAt(i + 2));
                    if (!wsBefore && !wsAfter) {
                        throw new FormatException("backslash-newline joining two words", i);
                    }
                    nl++;
                    ws.setLength(0);
                    lineStart = false;
                    i += 2;
                } else {
                    break;
                }
            }
            if (i >= n) {
                out.add(new Tok(Kind.EOF, "", n, n, trivia, nl, ws.toString()));
                return out;
            }
            lineStart = false;
            int start = i;
            Kind k = token();
            out.add(new Tok(k, s.substring(start, i), start, i, trivia, nl, ws.toString()));
        }
    }

    private int lineEnd(int from) {
        int e = s.indexOf('\n', from);
        return e < 0 ? n : e;
    }

    private boolean isDirective(int at) {
        int j = at + 1;
        while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (j >= n || s.charAt(j) == '\n') {
            return true;
        }
        if (Character.isDigit(s.charAt(j))) {
            return true;
        }
        int k = j;
        while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        if (!DIRECTIVES.contains(s.substring(j, k))) {
            return false;
        }
        // "#if-foo" is a property name to cpp's eyes too only when the word ends there
        return k >= n || !(s.charAt(k) == '-' || s.charAt(k) == ',');
    }

    /** End (before the newline) of a directive starting at {@code at}: continuations, comments and quotes. */
    private int directiveEnd(int at) {
        int j = at;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\n') {
                return j;
            }
            if (c == '\\' && j + 1 < n && s.charAt(j + 1) == '\n') {
                j += 2;
                continue;
            }
            if (c == '/' && j + 1 < n && s.charAt(j + 1) == '*') {
                int e = s.indexOf("*/", j + 2);
                if (e < 0) {
                    throw new FormatException("unterminated comment", j);
                }
                j = e + 2;
                continue;
            }
            if (c == '/' && j + 1 < n && s.charAt(j + 1) == '/') {
                int e = lineEnd(j);
                if (e > j && s.charAt(e - 1) == '\\') {
                    throw new FormatException("line comment continued with a backslash", j);
                }
                return e;
            }
            if (c == '"' || c == '\'') {
                int k = j + 1;
                while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
                    if (s.charAt(k) == '\\' && k + 1 < n) {
                        k++;
                    }
                    k++;
                }
                j = k < n && s.charAt(k) == c ? k + 1 : k;
                continue;
            }
            j++;
        }
        return j;
    }

    private static boolean isLabelStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isLabelChar(char c) {
        return isLabelStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isPropNodeChar(char c) {
        return isLabelChar(c) || c == ',' || c == '.' || c == '+' || c == '*' || c == '#' || c == '?' || c == '@'
                || c == '-';
    }

    private Kind token() {
        char c = s.charAt(i);
        // keywords
        if (c == '/') {
            for (String kw : KEYWORDS) {
                if (s.startsWith(kw, i)) {
                    i += kw.length();
                    switch (kw) {
                        case "/delete-property/", "/delete-node/", "/omit-if-no-ref/" -> nameMode = true;
                        case "/include/" -> afterInclude = true;
                        default -> nameMode = false;
                    }
                    return Kind.KEYWORD;
                }
            }
        }
        if (c == '"') {
            if (afterInclude) {
                afterInclude = false;
                nameMode = true;
            }
            int j = i + 1;
            while (j < n && s.charAt(j) != '"') {
                if (s.charAt(j) == '\\' && j + 1 < n && s.charAt(j + 1) != '\n') {
                    j++;
                } else if (s.charAt(j) == '\n') {
                    throw new FormatException("string runs over a line end", i);
                }
                j++;
            }
            if (j >= n) {
                throw new FormatException("unterminated string", i);
            }
            i = j + 1;
            return Kind.STRING;
        }
        if (c == '\'') {
            int j = i + 1;
            while (j < n && s.charAt(j) != '\'' && s.charAt(j) != '\n') {
                if (s.charAt(j) == '\\' && j + 1 < n) {
                    j++;
                }
                j++;
            }
            if (j >= n || s.charAt(j) != '\'') {
                throw new FormatException("unterminated character literal", i);
            }
            i = j + 1;
            return Kind.CHAR;
        }
        if (c == '&') {
            if (i + 1 < n && s.charAt(i + 1) == '{') {
                int j = i + 2;
                while (j < n && (isPropNodeChar(s.charAt(j)) || s.charAt(j) == '/')) {
                    j++;
                }
                if (j < n && s.charAt(j) == '}') {
                    i = j + 1;
                    return Kind.PATHREF;
                }
            } else if (i + 1 < n && isLabelStart(s.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && isLabelChar(s.charAt(j))) {
                    j++;
                }
                i = j;
                return Kind.REF;
            }
        }
        // label definition (longest match against a name)
        if (isLabelStart(c)) {
            int j = i;
            while (j < n && isLabelChar(s.charAt(j))) {
                j++;
            }
            if (j < n && s.charAt(j) == ':') {
                int nameEnd = j;
                if (nameMode) {
                    nameEnd = i;
                    while (nameEnd < n && isPropNodeChar(s.charAt(nameEnd))) {
                        nameEnd++;
                    }
                }
                if (nameEnd <= j) {
                    i = j + 1;
                    return Kind.LABEL;
                }
            }
        }
        if (bytesMode) {
            if (isLabelChar(c)) {
                int j = i;
                while (j < n && isLabelChar(s.charAt(j))) {
                    j++;
                }
                i = j;
                return Kind.WORD;
            }
        } else if (nameMode) {
            if (isPropNodeChar(c) || (c == '\\' && i + 1 < n && isPropNodeChar(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < n && isPropNodeChar(s.charAt(j))) {
                    j++;
                }
                i = j;
                nameMode = false;
                return Kind.WORD;
            }
        } else if (isLabelChar(c)) {
            int j = i;
            while (j < n && isLabelChar(s.charAt(j))) {
                j++;
            }
            i = j;
            return Kind.WORD;
        }
        i++;
        switch (c) {
            case '{', ';', '}' -> {
                nameMode = c != '}';
                parenDepth = 0;
                angleDepth = 0;
            }
            case '(' -> parenDepth++;
            case ')' -> parenDepth = Math.max(0, parenDepth - 1);
            case '<' -> angleDepth += parenDepth == 0 ? 1 : 0;
            case '>' -> angleDepth = parenDepth == 0 ? Math.max(0, angleDepth - 1) : angleDepth;
            // "MACRO(label): name {": a name follows a label written as a macro
            case ':' -> nameMode = nameMode || (parenDepth == 0 && angleDepth == 0 && bracketDepth == 0);
            case '[' -> {
                bracketDepth++;
                bytesMode = true;
            }
            case ']' -> {
                bracketDepth = Math.max(0, bracketDepth - 1);
                bytesMode = bracketDepth > 0;
                nameMode = false;
            }
            default -> {
            }
        }
        return Kind.PUNCT;
    }
}
