package dtdma.preprocess;

import dtdma.text.Span;
import java.util.List;

/**
 * One macro definition. {@code params} is null for an object-like macro; for a variadic macro the last
 * parameter is the variadic one ({@code __VA_ARGS__} or the GNU named form {@code args...}).
 * {@code definition} is the span of the {@code #define} line (null for predefined macros).
 */
public final class Macro {
    final String name;
    final List<String> params;
    final boolean variadic;
    final Tok[] body;
    final Span definition;
    final String builtin;
    final long hash;
    final String spelling;

    Macro(String name, List<String> params, boolean variadic, Tok[] body, Span definition) {
        this(name, params, variadic, body, definition, null);
    }

    private Macro(String name, List<String> params, boolean variadic, Tok[] body, Span definition, String builtin) {
        this.name = name;
        this.params = params;
        this.variadic = variadic;
        this.body = body;
        this.definition = definition;
        this.builtin = builtin;
        StringBuilder sb = new StringBuilder(name);
        if (params != null) {
            sb.append('(').append(String.join(",", params)).append(variadic ? "..." : "").append(')');
        }
        sb.append(' ');
        for (int i = 0; i < body.length; i++) {
            if (i > 0 && body[i].space) {
                sb.append(' ');
            }
            sb.append(body[i].text);
        }
        if (builtin != null) {
            sb.append("<builtin ").append(builtin).append('>');
        }
        this.spelling = sb.toString();
        this.hash = mix(spelling.hashCode() * 0x9E3779B97F4A7C15L + spelling.length());
    }

    static Macro builtin(String name) {
        return new Macro(name, null, false, new Tok[0], null, name);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public String name() {
        return name;
    }

    public boolean functionLike() {
        return params != null;
    }

    public List<String> params() {
        return params;
    }

    public boolean variadic() {
        return variadic;
    }

    /** Where it was defined; null for predefined and built-in macros. */
    public Span definition() {
        return definition;
    }

    /** The replacement list as written, whitespace normalised to single spaces. */
    public String replacement() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length; i++) {
            if (i > 0 && body[i].space) {
                sb.append(' ');
            }
            sb.append(body[i].text);
        }
        return sb.toString();
    }

    /** The whole definition normalised, e.g. {@code F(a,b) a+b}; equal spellings are compatible redefinitions. */
    public String spelling() {
        return spelling;
    }

    int paramIndex(String ident) {
        if (params == null) {
            return -1;
        }
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals(ident)) {
                return i;
            }
        }
        return -1;
    }
}
