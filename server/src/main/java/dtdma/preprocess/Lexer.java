package dtdma.preprocess;

import java.util.ArrayList;
import java.util.List;

/**
 * The cpp lexer (internal): splices backslash-newlines, treats comments as whitespace and cuts the text
 * into preprocessing tokens with assembler-with-cpp rules (an unterminated quote runs to the end of the
 * line as one token). Hand-written over char[] for speed.
 */
final class Lexer {
    /** One lexed file. {@code off[i]} is the original offset of spliced char {@code i}. */
    static final class Lexed {
        final char[] buf;
        final int[] off;
        final Tok[] toks;
        /** Original offset of an unterminated block comment, or -1. */
        final int unterminatedComment;

        Lexed(char[] buf, int[] off, Tok[] toks, int unterminatedComment) {
            this.buf = buf;
            this.off = off;
            this.toks = toks;
            this.unterminatedComment = unterminatedComment;
        }

        String spliced(int from, int to) {
            return new String(buf, from, Math.max(0, to - from));
        }
    }

    private Lexer() {
    }

    static Lexed lex(String text) {
        int n = text.length();
        char[] src = text.toCharArray();
        char[] buf = new char[n];
        int[] off = new int[n + 1];
        int m = 0;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c == '\\') {
                int j = i + 1;
                while (j < n && (src[j] == ' ' || src[j] == '\t')) {
                    j++;
                }
                if (j < n && src[j] == '\r' && j + 1 < n && src[j + 1] == '\n') {
                    j++;
                }
                if (j < n && src[j] == '\n') {
                    i = j;
                    continue;
                }
            }
            if (c == '\r' && i + 1 < n && src[i + 1] == '\n') {
                // CR LF: the CR is whitespace
                buf[m] = ' ';
                off[m++] = i;
                continue;
            }
            buf[m] = c;
            off[m++] = i;
        }
        off[m] = n;
        List<Tok> toks = new ArrayList<>(m / 4 + 16);
        boolean bol = true;
        boolean space = false;
        int unterminated = -1;
        int i = 0;
        while (i < m) {
            char c = buf[i];
            if (c == '\n') {
                bol = true;
                space = false;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000B' || c == '\r') {
                space = true;
                i++;
                continue;
            }
            if (c == '/' && i + 1 < m && buf[i + 1] == '*') {
                int j = i + 2;
                while (j + 1 < m && !(buf[j] == '*' && buf[j + 1] == '/')) {
                    j++;
                }
                if (j + 1 >= m) {
                    unterminated = off[i];
                    i = m;
                } else {
                    i = j + 2;
                }
                space = true;
                continue;
            }
            if (c == '/' && i + 1 < m && buf[i + 1] == '/') {
                while (i < m && buf[i] != '\n') {
                    i++;
                }
                space = true;
                continue;
            }
            int start = i;
            byte kind;
            if (isIdStart(c)) {
                i++;
                while (i < m && isIdChar(buf[i])) {
                    i++;
                }
                kind = Tok.IDENT;
                // encoding prefixes L"..", u8'..' are string/char tokens
                if (i < m && (buf[i] == '"' || buf[i] == '\'') && isEncodingPrefix(buf, start, i)) {
                    char q = buf[i];
                    int end = scanQuote(buf, i, m, q);
                    kind = end < 0 ? Tok.OTHER : (q == '"' ? Tok.STRING : Tok.CHAR);
                    i = end < 0 ? lineEnd(buf, i, m) : end;
                }
            } else if (isDigit(c) || (c == '.' && i + 1 < m && isDigit(buf[i + 1]))) {
                i = scanNumber(buf, i, m);
                kind = Tok.NUMBER;
            } else if (c == '"' || c == '\'') {
                int end = scanQuote(buf, i, m, c);
                if (end < 0) {
                    kind = Tok.OTHER;
                    i = lineEnd(buf, i, m);
                } else {
                    kind = c == '"' ? Tok.STRING : Tok.CHAR;
                    i = end;
                }
            } else {
                int len = punctLength(buf, i, m);
                if (len > 0) {
                    kind = Tok.PUNCT;
                    i += len;
                } else {
                    kind = Tok.OTHER;
                    i++;
                    if (Character.isHighSurrogate(c) && i < m && Character.isLowSurrogate(buf[i])) {
                        i++;
                    }
                }
            }
            Tok t = new Tok(kind, new String(buf, start, i - start));
            t.space = space;
            t.bol = bol;
            t.cs = start;
            t.ce = i;
            t.s = off[start];
            t.e = off[i - 1] + 1;
            toks.add(t);
            bol = false;
            space = false;
        }
        return new Lexed(buf, off, toks.toArray(new Tok[0]), unterminated);
    }

    private static boolean isEncodingPrefix(char[] b, int s, int e) {
        int len = e - s;
        if (len == 1) {
            return b[s] == 'L' || b[s] == 'u' || b[s] == 'U';
        }
        return len == 2 && b[s] == 'u' && b[s + 1] == '8';
    }

    static int lineEnd(char[] b, int i, int m) {
        while (i < m && b[i] != '\n') {
            i++;
        }
        return i;
    }

    /** End (exclusive) of a quoted token starting at {@code i}, or -1 if unterminated on its line. */
    static int scanQuote(char[] b, int i, int m, char q) {
        int j = i + 1;
        while (j < m) {
            char c = b[j];
            if (c == '\\' && j + 1 < m && b[j + 1] != '\n') {
                j += 2;
                continue;
            }
            if (c == q) {
                return j + 1;
            }
            if (c == '\n') {
                return -1;
            }
            j++;
        }
        return -1;
    }

    static int scanNumber(char[] b, int i, int m) {
        i++;
        while (i < m) {
            char c = b[i];
            if ((c == '+' || c == '-') && (b[i - 1] == 'e' || b[i - 1] == 'E' || b[i - 1] == 'p' || b[i - 1] == 'P')) {
                i++;
            } else if (isIdChar(c) || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    static boolean isIdChar(char c) {
        return isIdStart(c) || isDigit(c);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final String[] PUNCT3 = {"<<=", ">>=", "...", "%:%:"};
    private static final String[] PUNCT2 = {"##", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|="};
    private static final String PUNCT1 = "#!%^&*()-+={}[]|~;:<>,.?/";

    static int punctLength(char[] b, int i, int m) {
        for (String p : PUNCT3) {
            if (matches(b, i, m, p)) {
                return p.length();
            }
        }
        char c = b[i];
        if (i + 1 < m) {
            char d = b[i + 1];
            for (String p : PUNCT2) {
                if (p.charAt(0) == c && p.charAt(1) == d) {
                    return 2;
                }
            }
        }
        return PUNCT1.indexOf(c) >= 0 ? 1 : 0;
    }

    private static boolean matches(char[] b, int i, int m, String p) {
        if (i + p.length() > m) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (b[i + k] != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Lexes a short string (a paste result); returns its tokens. */
    static List<Tok> lexSmall(String s) {
        Lexed l = lex(s);
        List<Tok> r = new ArrayList<>(l.toks.length);
        for (Tok t : l.toks) {
            Tok c = new Tok(t.kind, t.text);
            c.space = t.space;
            r.add(c);
        }
        if (l.unterminatedComment >= 0) {
            r.add(new Tok(Tok.OTHER, "/*"));
        }
        return r;
    }
}
