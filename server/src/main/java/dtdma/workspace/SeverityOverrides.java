package dtdma.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The setting {@code dtdma.severity}: a map from a diagnostic code ({@code "SD005"}) to {@code error},
 * {@code warning}, {@code info}, {@code hint} or {@code off}. An unknown code or level is reported and skipped.
 *
 * @param levels the level of each overridden code; a null value is absent, "off" is {@link #OFF}
 */
public record SeverityOverrides(Map<Code, String> levels) {
    /** No overrides. */
    public static final SeverityOverrides NONE = new SeverityOverrides(Map.of());
    /** The level that hides a code. */
    public static final String OFF = "off";

    public SeverityOverrides {
        levels = Map.copyOf(levels);
    }

    /** The diagnostic with its overridden severity, or null when its code is turned off. */
    public Diagnostic apply(Diagnostic d) {
        String l = levels.get(d.code());
        if (l == null) {
            return d;
        }
        return l.equals(OFF) ? null : d.withSeverity(Severity.parse(l));
    }

    /** Parses the JSON object over {@code fallback}; the whole map replaces the previous one. */
    public static SeverityOverrides fromJson(JsonElement json, SeverityOverrides fallback, Consumer<String> warn) {
        if (json == null || json.isJsonNull()) {
            return fallback;
        }
        if (!json.isJsonObject()) {
            warn.accept("dtdma.severity must be an object of code -> level, got " + json + "; keeping the previous one");
            return fallback;
        }
        Map<Code, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : ((JsonObject) json).entrySet()) {
            Code code = code(e.getKey());
            if (code == null) {
                warn.accept("dtdma.severity: unknown diagnostic code '" + e.getKey() + "'; ignored");
                continue;
            }
            JsonElement v = e.getValue();
            String level = v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                    ? v.getAsString().toLowerCase(Locale.ROOT).trim() : null;
            if (level != null && !level.equals(OFF)) {
                try {
                    level = Severity.parse(level).label();
                } catch (IllegalArgumentException ex) {
                    level = null;
                }
            }
            if (level == null) {
                warn.accept("dtdma.severity." + e.getKey() + " must be error, warning, info, hint or off, got " + v
                        + "; ignored");
                continue;
            }
            out.put(code, level);
        }
        return new SeverityOverrides(out);
    }

    private static Code code(String id) {
        for (Code c : Code.values()) {
            if (c.id().equalsIgnoreCase(id.trim())) {
                return c;
            }
        }
        return null;
    }
}
