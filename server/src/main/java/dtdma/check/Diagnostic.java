package dtdma.check;

import dtdma.text.Span;
import java.util.List;

/**
 * One finding: a stable code from {@link Code}, a severity (by default the code's own), a span in an
 * original source file, a one-line message, optional related places (e.g. "first defined here"), and optionally
 * what it is about in the merged tree ({@link Subject}: node path, property, dtc's name for the check).
 */
public record Diagnostic(Code code, Severity severity, Span span, String message, List<Related> related,
        Subject subject) {
    public Diagnostic {
        related = related == null ? List.of() : List.copyOf(related);
    }

    public Diagnostic(Code code, Severity severity, Span span, String message, List<Related> related) {
        this(code, severity, span, message, related, null);
    }

    public static Diagnostic of(Code code, Span span, String message) {
        return new Diagnostic(code, code.severity(), span, message, List.of());
    }

    public static Diagnostic of(Code code, Span span, String message, List<Related> related) {
        return new Diagnostic(code, code.severity(), span, message, related);
    }

    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(code, s, span, message, related, subject);
    }

    public Diagnostic withSubject(Subject s) {
        return new Diagnostic(code, severity, span, message, related, s);
    }

    /** Another place that explains a diagnostic. */
    public record Related(Span span, String message) {
    }

    /**
     * What a finding is about in the merged tree: the node's full path, the property's name (null for a finding
     * on the node itself), for dtc's checks dtc's name for the check, and for binding findings the binding file
     * and the failing rule (null otherwise).
     */
    public record Subject(String nodePath, String property, String dtcCheck, String binding, String rule) {
        public Subject(String nodePath, String property, String dtcCheck) {
            this(nodePath, property, dtcCheck, null, null);
        }
    }
}
