package dtdma.check;

import java.util.Locale;

/** Diagnostic severities, most severe first. */
public enum Severity {
    ERROR, WARNING, INFO, HINT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "information" -> INFO;
            case "hint" -> HINT;
            default -> throw new IllegalArgumentException("unknown severity '" + s + "' (error, warning, info, hint)");
        };
    }
}
