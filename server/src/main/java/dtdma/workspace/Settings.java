package dtdma.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.dtc.DtcWarnings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The editor settings of the workspace: {@code dtdma.includePaths} (extra {@code -I} directories),
 * {@code dtdma.kernelRoot} (a kernel tree whose include paths are used for every file), the device-link
 * simulation {@code dtdma.devlink.*} (see {@link DevlinkConfig}) and {@code dtdma.severity} (per-code overrides,
 * see {@link SeverityOverrides}) and {@code dtdma.dtcWarnings} (which of dtc's checks report: a level, {@code kernel},
 * {@code W=1}, {@code W=2}, {@code W=12}, {@code all} or {@code none}, optionally followed by dtc's
 * {@code -W<check>} / {@code -Wno-<check>}, see {@link DtcWarnings}). Parsing is tolerant: a bad value is reported through the warning sink and the
 * default is kept.
 */
public record Settings(List<Path> includePaths, Path kernelRoot, DevlinkSettings devlink,
        SeverityOverrides severity, DtcWarnings dtcWarnings) {
    /** No extra include paths; kernel trees are detected around each file. */
    public static final Settings DEFAULT = new Settings(List.of(), null);

    public Settings {
        includePaths = List.copyOf(includePaths);
        devlink = devlink == null ? DevlinkSettings.NONE : devlink;
        severity = severity == null ? SeverityOverrides.NONE : severity;
        dtcWarnings = dtcWarnings == null ? DtcWarnings.KERNEL : dtcWarnings;
    }

    /** Without a dtc warning level: the kernel's default ({@code dtdma.dtcWarnings} = {@code kernel}). */
    public Settings(List<Path> includePaths, Path kernelRoot, DevlinkSettings devlink, SeverityOverrides severity) {
        this(includePaths, kernelRoot, devlink, severity, DtcWarnings.KERNEL);
    }

    /** Include settings only: device links as in mainline, no severity overrides. */
    public Settings(List<Path> includePaths, Path kernelRoot) {
        this(includePaths, kernelRoot, DevlinkSettings.NONE, SeverityOverrides.NONE);
    }

    /** The include directories these settings add, in order. */
    public List<Path> includeDirs() {
        List<Path> out = new ArrayList<>(includePaths);
        if (kernelRoot != null) {
            out.add(kernelRoot.resolve("scripts/dtc/include-prefixes"));
            out.add(kernelRoot.resolve("include"));
        }
        return out;
    }

    /**
     * Reads settings from JSON: either {@code {"dtdma": {...}}} or the inner object itself. Relative paths are
     * taken against {@code base} (the workspace root), when there is one.
     */
    public static Settings fromJson(JsonElement json, Path base, Settings fallback, Consumer<String> warn) {
        if (json == null || json.isJsonNull()) {
            return fallback;
        }
        if (!json.isJsonObject()) {
            warn.accept("dtdma settings must be an object, got " + json + "; keeping the previous settings");
            return fallback;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("dtdma")) {
            JsonElement inner = o.get("dtdma");
            if (!inner.isJsonObject()) {
                warn.accept("dtdma settings must be an object, got " + inner + "; keeping the previous settings");
                return fallback;
            }
            o = inner.getAsJsonObject();
        }
        List<Path> includes = fallback.includePaths();
        JsonElement inc = o.get("includePaths");
        if (inc != null && !inc.isJsonNull()) {
            if (inc.isJsonArray()) {
                List<Path> l = new ArrayList<>();
                for (JsonElement e : (JsonArray) inc) {
                    Path p = path(e, base, "includePaths entry", warn);
                    if (p != null) {
                        l.add(p);
                    }
                }
                includes = l;
            } else {
                warn.accept("dtdma.includePaths must be a list of directories, got " + inc + "; ignored");
            }
        }
        Path kernel = fallback.kernelRoot();
        JsonElement k = o.get("kernelRoot");
        if (k != null) {
            kernel = k.isJsonNull() ? null : path(k, base, "kernelRoot", warn);
            if (kernel == null && !k.isJsonNull()) {
                kernel = fallback.kernelRoot();
            }
        }
        DevlinkSettings dl = DevlinkConfig.fromJson(o.get("devlink"), fallback.devlink(), warn);
        SeverityOverrides sev = SeverityOverrides.fromJson(o.get("severity"), fallback.severity(), warn);
        DtcWarnings dtc = fallback.dtcWarnings();
        JsonElement dw = o.get("dtcWarnings");
        if (dw != null && !dw.isJsonNull()) {
            try {
                if (!dw.isJsonPrimitive() || !dw.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("it must be a string such as \"W=1\"");
                }
                dtc = DtcWarnings.parse(dw.getAsString());
            } catch (IllegalArgumentException e) {
                warn.accept("dtdma.dtcWarnings " + dw + " ignored: " + e.getMessage());
            }
        }
        return new Settings(includes, kernel, dl, sev, dtc);
    }

    private static Path path(JsonElement e, Path base, String what, Consumer<String> warn) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
            warn.accept("dtdma." + what + " must be a path string, got " + e + "; ignored");
            return null;
        }
        try {
            Path p = Path.of(e.getAsString());
            if (!p.isAbsolute() && base != null) {
                p = base.resolve(p);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException ex) {
            warn.accept("dtdma." + what + " is not a valid path: " + e.getAsString() + "; ignored");
            return null;
        }
    }
}
