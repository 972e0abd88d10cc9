package dtdma.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Mode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the editor setting {@code dtdma.devlink} into {@link DevlinkSettings}:
 * <pre>{"mode": "felsch-v2", "fwDevlinkStrict": false,
 *  "runtimePm": {"channelPm": false, "controllerPm": false, "irqSafe": ["fsl,imx8mp-ecspi"]},
 *  "customFlags": "STATELESS|PM_RUNTIME", "customSupplier": "channel", "rpmActive": false,
 *  "settings": "requests=fsl,imx8mp-ecspi:rx,tx"}</pre>
 * {@code runtimePm} may also be a string of the simulator's words ({@code "channel-pm controller-pm"}).
 * Every key is optional; a bad value is reported through the warning sink and that key keeps its previous value.
 */
public final class DevlinkConfig {
    private DevlinkConfig() {
    }

    /** Parses {@code json} over {@code fallback}; null or JSON null gives the fallback. */
    public static DevlinkSettings fromJson(JsonElement json, DevlinkSettings fallback, Consumer<String> warn) {
        if (json == null || json.isJsonNull()) {
            return fallback;
        }
        if (!json.isJsonObject()) {
            warn.accept("dtdma.devlink must be an object, got " + json + "; keeping the previous settings");
            return fallback;
        }
        JsonObject o = json.getAsJsonObject();
        DevlinkSettings s = fallback;
        String extra = string(o, "settings", warn);
        if (extra != null) {
            try {
                DevlinkSettings x = DevlinkSettings.parse(extra);
                s = new DevlinkSettings(s.mode(), s.fwDevlinkStrict(), s.customFlags(), s.customToChannel(),
                        s.frankLegalRpmActive() || x.frankLegalRpmActive(), s.channelPm() || x.channelPm(),
                        s.controllerPm() || x.controllerPm(), x.irqSafe(), x.requests(), x.lateRequest(),
                        x.mandatory(), x.autosuspendMs());
            } catch (IllegalArgumentException e) {
                warn.accept("dtdma.devlink.settings: " + e.getMessage() + "; ignored");
            }
        }
        String mode = string(o, "mode", warn);
        if (mode != null) {
            if (DevlinkSettings.isStrictName(mode)) {
                s = s.withMode(Mode.NONE).withStrict(true);
            } else {
                try {
                    s = s.withMode(Mode.parse(mode));
                } catch (IllegalArgumentException e) {
                    warn.accept("dtdma.devlink.mode: " + e.getMessage() + "; keeping " + s.mode().id());
                }
            }
        }
        Boolean strict = bool(o, "fwDevlinkStrict", warn);
        if (strict != null) {
            s = s.withStrict(strict);
        }
        Boolean rpmActive = bool(o, "rpmActive", warn);
        if (rpmActive != null) {
            s = s.withFrankLegalRpmActive(rpmActive);
        }
        String flags = string(o, "customFlags", warn);
        if (flags != null) {
            try {
                s = s.withCustom(DlFlags.parse(flags), s.customToChannel());
            } catch (IllegalArgumentException e) {
                warn.accept("dtdma.devlink.customFlags: " + e.getMessage() + "; keeping "
                        + DlFlags.format(s.customFlags()));
            }
        }
        String supplier = string(o, "customSupplier", warn);
        if (supplier != null) {
            try {
                s = s.withCustom(s.customFlags(), DevlinkSettings.parseSupplier(supplier));
            } catch (IllegalArgumentException e) {
                warn.accept("dtdma.devlink.customSupplier: " + e.getMessage() + "; ignored");
            }
        }
        return runtimePm(o.get("runtimePm"), s, warn);
    }

    private static DevlinkSettings runtimePm(JsonElement e, DevlinkSettings s, Consumer<String> warn) {
        if (e == null || e.isJsonNull()) {
            return s;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            try {
                DevlinkSettings x = DevlinkSettings.parse(e.getAsString());
                return new DevlinkSettings(s.mode(), s.fwDevlinkStrict(), s.customFlags(), s.customToChannel(),
                        s.frankLegalRpmActive() || x.frankLegalRpmActive(), x.channelPm(), x.controllerPm(),
                        x.irqSafe().isEmpty() ? s.irqSafe() : x.irqSafe(), s.requests(), s.lateRequest(),
                        s.mandatory(), x.autosuspendMs().isEmpty() ? s.autosuspendMs() : x.autosuspendMs());
            } catch (IllegalArgumentException ex) {
                warn.accept("dtdma.devlink.runtimePm: " + ex.getMessage() + "; ignored");
                return s;
            }
        }
        if (!e.isJsonObject()) {
            warn.accept("dtdma.devlink.runtimePm must be an object or a string, got " + e + "; ignored");
            return s;
        }
        JsonObject o = e.getAsJsonObject();
        Boolean ch = bool(o, "channelPm", warn);
        Boolean ctl = bool(o, "controllerPm", warn);
        s = s.withPm(ch == null ? s.channelPm() : ch, ctl == null ? s.controllerPm() : ctl);
        JsonElement irq = o.get("irqSafe");
        if (irq != null && !irq.isJsonNull()) {
            if (irq.isJsonArray()) {
                Set<String> set = new LinkedHashSet<>();
                for (JsonElement x : (JsonArray) irq) {
                    if (x.isJsonPrimitive()) {
                        set.add(x.getAsString());
                    }
                }
                s = new DevlinkSettings(s.mode(), s.fwDevlinkStrict(), s.customFlags(), s.customToChannel(),
                        s.frankLegalRpmActive(), s.channelPm(), s.controllerPm(), set, s.requests(), s.lateRequest(),
                        s.mandatory(), s.autosuspendMs());
            } else {
                warn.accept("dtdma.devlink.runtimePm.irqSafe must be a list of compatibles, got " + irq + "; ignored");
            }
        }
        return s;
    }

    private static String string(JsonObject o, String key, Consumer<String> warn) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            warn.accept("dtdma.devlink." + key + " must be a string, got " + e + "; ignored");
            return null;
        }
        return e.getAsString();
    }

    private static Boolean bool(JsonObject o, String key, Consumer<String> warn) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            warn.accept("dtdma.devlink." + key + " must be true or false, got " + e + "; ignored");
            return null;
        }
        return e.getAsBoolean();
    }
}
