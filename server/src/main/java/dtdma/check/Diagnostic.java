package dtdma.check;

import dtdma.text.Span;
import java.util.List;

/**
 * One finding: a stable code from {@link Code}, a severity (by default the code's own), a span in an
 * original source file, a one-line message, and optional related places (e.g. "first defined here").
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<Related> related,
        java.util.Map<String, String> data) {
    public Diagnostic {
        related = related == null ? List.of() : List.copyOf(related);
        data = data == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    public Diagnostic(Code code, Severity severity, Span span, String message, List<Related> related) {
        this(code, severity, span, message, related, null);
    }

    /** The same finding with named facts for machine-readable reports (e.g. {@code binding}, {@code nodePath}). */
    public Diagnostic withData(java.util.Map<String, String> facts) {
        return new Diagnostic(code, severity, span, message, related, facts);
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, List.of());
    }

    public static Diagnostic of(Code code, Span span, String message, List<Related> related) {
        return new Diagnostic(code, code.severity(), span, message, related);
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(code, s, span, message, related, data);
    }

    /**
     * Equal when code, severity, span, message and related places agree: {@link #data()} (which may name the
     * board) does not make a finding in a shared include a different finding for each board.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic d && code == d.code && severity == d.severity
                && java.util.Objects.equals(span, d.span) && java.util.Objects.equals(message, d.message)
                && related.equals(d.related);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(code, severity, span, message, related);
    }

    /** Another place that explains a diagnostic. */
    public record Related(Span span, String message) {
    }
}
