package dtdma.workspace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.format.FormatOptions;
import java.util.function.Consumer;

/**
 * The formatter's and the style checks' settings: {@code dtdma.format.enable} (default true),
 * {@code dtdma.format.lineWidth} (default 100), {@code dtdma.format.keepFileStyle} (default true: a file indented
 * with spaces keeps spaces) and {@code dtdma.style} (default false: the STY0xx checks). A bad value is reported
 * through the warning sink and the previous value kept.
 */
public record FormatSettings(boolean enable, int lineWidth, boolean keepFileStyle, boolean style) {
    public static final FormatSettings DEFAULT = new FormatSettings(true, 100, true, false);

    /**
     * The options for one request: the editor's tab size and spaces preference when given (null when not), the
     * file's own style first when {@link #keepFileStyle}, else tabs of 8 columns (the kernel's style).
     */
    public FormatOptions options(Boolean insertSpaces, Integer tabSize) {
        FormatOptions o = FormatOptions.KERNEL.withLineWidth(lineWidth).withKeepFileStyle(keepFileStyle);
        if (insertSpaces != null && insertSpaces) {
            o = o.withIndent(false, tabSize == null || tabSize <= 0 ? 4 : tabSize);
        } else if (insertSpaces != null && tabSize != null && tabSize > 0) {
            o = o.withIndent(true, tabSize);
        }
        return o;
    }

    /** Reads {@code {"dtdma": {...}}} or the inner object; missing keys keep {@code fallback}'s values. */
    public static FormatSettings fromJson(JsonElement json, FormatSettings fallback, Consumer<String> warn) {
        if (json == null || !json.isJsonObject()) {
            return fallback;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("dtdma") && o.get("dtdma").isJsonObject()) {
            o = o.getAsJsonObject("dtdma");
        }
        boolean enable = fallback.enable();
        int width = fallback.lineWidth();
        boolean keep = fallback.keepFileStyle();
        boolean style = fallback.style();
        JsonElement f = o.get("format");
        if (f != null && !f.isJsonNull()) {
            if (!f.isJsonObject()) {
                warn.accept("dtdma.format must be an object, got " + f + "; ignored");
            } else {
                JsonObject fo = f.getAsJsonObject();
                enable = bool(fo.get("enable"), enable, "dtdma.format.enable", warn);
                keep = bool(fo.get("keepFileStyle"), keep, "dtdma.format.keepFileStyle", warn);
                JsonElement w = fo.get("lineWidth");
                if (w != null && !w.isJsonNull()) {
                    if (w.isJsonPrimitive() && w.getAsJsonPrimitive().isNumber() && w.getAsInt() >= 40
                            && w.getAsInt() <= 1000) {
                        width = w.getAsInt();
                    } else {
                        warn.accept("dtdma.format.lineWidth must be a number from 40 to 1000, got " + w + "; ignored");
                    }
                }
            }
        }
        style = bool(o.get("style"), style, "dtdma.style", warn);
        return new FormatSettings(enable, width, keep, style);
    }

    private static boolean bool(JsonElement e, boolean fallback, String name, Consumer<String> warn) {
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        warn.accept(name + " must be true or false, got " + e + "; ignored");
        return fallback;
    }
}
