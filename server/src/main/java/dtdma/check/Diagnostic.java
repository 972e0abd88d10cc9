package dtdma.check;

import dtdma.text.Span;
import java.util.List;

/**
 * One finding: a stable code from {@link Code}, a severity (by default the code's own), a span in an
 * original source file, a one-line message, and optional related places (e.g. "first defined here").
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<Related> related) {
    public Diagnostic {
        related = related == null ? List.of() : List.copyOf(related);
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, List.of());
    }

    public static Diagnostic of(Code code, Span span, String message, List<Related> related) {
        return new Diagnostic(code, code.severity(), span, message, related);
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(code, s, span, message, related);
    }

    /** Another place that explains a diagnostic. */
    public record Related(Span span, String message) {
    }
}
