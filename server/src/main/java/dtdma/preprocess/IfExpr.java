package dtdma.preprocess;

import java.util.List;

/**
 * Evaluates a {@code #if} expression over already macro-expanded tokens with C's integer rules
 * ({@code intmax_t}/{@code uintmax_t}, usual arithmetic conversions, short-circuit evaluation).
 * Identifiers left after expansion are 0. Internal.
 */
final class IfExpr {
    /** A malformed expression or a division by zero; {@code tok} is where (may be null). */
    static final class Failure extends RuntimeException {
        final Tok tok;
        final boolean divByZero;

        Failure(String msg, Tok tok, boolean divByZero) {
            super(msg, null, false, false);
            this.tok = tok;
            this.divByZero = divByZero;
        }
    }

    private record V(long v, boolean u) {
    }

    private final List<Tok> toks;
    private int p;
    private int skip;

    private IfExpr(List<Tok> toks) {
        this.toks = toks;
    }

    /** The value of the expression (non-zero = true). */
    static long eval(List<Tok> toks) {
        IfExpr e = new IfExpr(toks);
        if (toks.isEmpty()) {
            throw new Failure("#if with no expression", null, false);
        }
        V v = e.comma();
        if (e.p < toks.size()) {
            Tok t = toks.get(e.p);
            throw new Failure("missing binary operator before token \"" + t.text + "\"", t, false);
        }
        return v.v;
    }

    private Tok peek() {
        return p < toks.size() ? toks.get(p) : null;
    }

    private boolean accept(String op) {
        Tok t = peek();
        if (t != null && t.kind == Tok.PUNCT && t.text.equals(op)) {
            p++;
            return true;
        }
        return false;
    }

    private V comma() {
        V v = cond();
        while (accept(",")) {
            v = cond();
        }
        return v;
    }

    private V cond() {
        V c = binary(0);
        if (accept("?")) {
            boolean t = c.v != 0;
            if (!t) {
                skip++;
            }
            V a = comma();
            if (!t) {
                skip--;
            }
            Tok colon = peek();
            if (!accept(":")) {
                throw new Failure("'?' without following ':'", colon, false);
            }
            if (t) {
                skip++;
            }
            V b = cond();
            if (t) {
                skip--;
            }
            boolean u = a.u || b.u;
            return new V(t ? a.v : b.v, u);
        }
        return c;
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};

    private String opAt(int level) {
        Tok t = peek();
        if (t == null || t.kind != Tok.PUNCT) {
            return null;
        }
        for (String o : LEVELS[level]) {
            if (o.equals(t.text)) {
                return o;
            }
        }
        return null;
    }

    private V binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        V l = binary(level + 1);
        for (;;) {
            String op = opAt(level);
            if (op == null) {
                return l;
            }
            Tok opTok = peek();
            p++;
            if (op.equals("||") || op.equals("&&")) {
                boolean shortCircuit = op.equals("||") ? l.v != 0 : l.v == 0;
                if (shortCircuit) {
                    skip++;
                }
                V r = binary(level + 1);
                if (shortCircuit) {
                    skip--;
                }
                boolean res = op.equals("||") ? (l.v != 0 || r.v != 0) : (l.v != 0 && r.v != 0);
                l = new V(res ? 1 : 0, false);
                continue;
            }
            V r = binary(level + 1);
            l = apply(op, l, r, opTok);
        }
    }

    private V apply(String op, V l, V r, Tok at) {
        boolean u = l.u || r.u;
        long a = l.v;
        long b = r.v;
        switch (op) {
            case "|": return new V(a | b, u);
            case "^": return new V(a ^ b, u);
            case "&": return new V(a & b, u);
            case "==": return new V(a == b ? 1 : 0, false);
            case "!=": return new V(a != b ? 1 : 0, false);
            case "<": return new V((u ? Long.compareUnsigned(a, b) < 0 : a < b) ? 1 : 0, false);
            case ">": return new V((u ? Long.compareUnsigned(a, b) > 0 : a > b) ? 1 : 0, false);
            case "<=": return new V((u ? Long.compareUnsigned(a, b) <= 0 : a <= b) ? 1 : 0, false);
            case ">=": return new V((u ? Long.compareUnsigned(a, b) >= 0 : a >= b) ? 1 : 0, false);
            case "<<": return shift(l, r, true);
            case ">>": return shift(l, r, false);
            case "+": return new V(a + b, u);
            case "-": return new V(a - b, u);
            case "*": return new V(a * b, u);
            case "/":
            case "%":
                if (b == 0) {
                    if (skip > 0) {
                        return new V(0, u);
                    }
                    throw new Failure("division by zero in #if", at, true);
                }
                if (u) {
                    return new V(op.equals("/") ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b), true);
                }
                if (a == Long.MIN_VALUE && b == -1) {
                    return new V(op.equals("/") ? a : 0, false);
                }
                return new V(op.equals("/") ? a / b : a % b, false);
            default:
                throw new Failure("unknown operator " + op, at, false);
        }
    }

    private static V shift(V l, V r, boolean left) {
        long n = r.v;
        if (!r.u && n < 0) {
            left = !left;
            n = -n;
        }
        if (Long.compareUnsigned(n, 64) >= 0) {
            return new V(left || l.u || l.v >= 0 ? 0 : -1, l.u);
        }
        if (left) {
            return new V(l.v << n, l.u);
        }
        return new V(l.u ? l.v >>> n : l.v >> n, l.u);
    }

    private V unary() {
        Tok t = peek();
        if (t == null) {
            throw new Failure("#if expression ends too early", toks.isEmpty() ? null : toks.get(toks.size() - 1), false);
        }
        if (t.kind == Tok.PUNCT) {
            switch (t.text) {
                case "+": p++; return unary();
                case "-": { p++; V v = unary(); return new V(-v.v, v.u); }
                case "~": { p++; V v = unary(); return new V(~v.v, v.u); }
                case "!": { p++; V v = unary(); return new V(v.v == 0 ? 1 : 0, false); }
                case "(": {
                    p++;
                    V v = comma();
                    Tok c = peek();
                    if (!accept(")")) {
                        throw new Failure("missing ')' in expression", c, false);
                    }
                    return v;
                }
                default:
                    throw new Failure("token \"" + t.text + "\" is not valid in preprocessor expressions", t, false);
            }
        }
        p++;
        switch (t.kind) {
            case Tok.NUMBER: return number(t);
            case Tok.CHAR: return charValue(t);
            case Tok.IDENT: return new V(0, false);
            default: throw new Failure("token \"" + t.text + "\" is not valid in preprocessor expressions", t, false);
        }
    }

    private static V number(Tok t) {
        String s = t.text;
        int end = s.length();
        boolean unsigned = false;
        int ls = 0;
        while (end > 0) {
            char c = s.charAt(end - 1);
            if (c == 'u' || c == 'U') {
                if (unsigned) {
                    break;
                }
                unsigned = true;
            } else if (c == 'l' || c == 'L') {
                ls++;
            } else {
                break;
            }
            end--;
        }
        if (ls > 2) {
            throw new Failure("invalid suffix on integer constant " + s, t, false);
        }
        String digits = s.substring(0, end);
        int radix = 10;
        int start = 0;
        if (digits.length() > 1 && digits.charAt(0) == '0' && (digits.charAt(1) == 'x' || digits.charAt(1) == 'X')) {
            radix = 16;
            start = 2;
        } else if (digits.length() > 1 && digits.charAt(0) == '0' && (digits.charAt(1) == 'b' || digits.charAt(1) == 'B')) {
            radix = 2;
            start = 2;
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            start = 1;
        }
        if (start >= digits.length() && radix != 8) {
            throw new Failure("invalid integer constant " + s, t, false);
        }
        long v = 0;
        boolean overflow = false;
        for (int i = start; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '\'') {
                continue;
            }
            int d = Character.digit(c, radix);
            if (d < 0) {
                if (c == '.' || ((c == 'e' || c == 'E') && radix == 10) || c == 'p' || c == 'P') {
                    throw new Failure("floating constant in preprocessor expression", t, false);
                }
                throw new Failure("invalid digit or suffix in integer constant " + s, t, false);
            }
            long hi = Math.multiplyHigh(v, radix) + ((v >> 63) & radix);
            long nv = v * radix + d;
            if (hi != 0 || Long.compareUnsigned(nv, v * radix) < 0) {
                overflow = true;
            }
            v = nv;
        }
        if (overflow) {
            throw new Failure("integer constant is too large for its type: " + s, t, false);
        }
        return new V(v, unsigned || v < 0);
    }

    private static V charValue(Tok t) {
        String s = t.text;
        int q = s.indexOf('\'');
        long v = 0;
        int i = q + 1;
        int n = 0;
        while (i < s.length() - 1) {
            char c = s.charAt(i++);
            int cv;
            if (c == '\\' && i < s.length() - 1) {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': cv = '\n'; break;
                    case 't': cv = '\t'; break;
                    case 'r': cv = '\r'; break;
                    case 'a': cv = 7; break;
                    case 'b': cv = 8; break;
                    case 'f': cv = 12; break;
                    case 'v': cv = 11; break;
                    case 'e': case 'E': cv = 27; break;
                    case 'x': {
                        int x = 0;
                        while (i < s.length() - 1 && Character.digit(s.charAt(i), 16) >= 0) {
                            x = x * 16 + Character.digit(s.charAt(i++), 16);
                        }
                        cv = x & 0xff;
                        break;
                    }
                    default:
                        if (e >= '0' && e <= '7') {
                            int x = e - '0';
                            for (int k = 0; k < 2 && i < s.length() - 1 && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                                x = x * 8 + (s.charAt(i++) - '0');
                            }
                            cv = x & 0xff;
                        } else {
                            cv = e;
                        }
                }
            } else {
                cv = c;
            }
            v = (v << 8) | (cv & 0xff);
            n++;
        }
        if (n == 0) {
            throw new Failure("empty character constant", t, false);
        }
        if (n == 1) {
            return new V((byte) v, false);
        }
        return new V((int) v, false);
    }
}
