package dtdma.devlink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's configuration: the link mode, fw_devlink.strict, the custom flags and supplier choice, which
 * devices have runtime PM, and per-compatible driver behaviour (which names are requested, when, whether DMA is
 * mandatory, irq-safe runtime PM). Immutable; build with {@link #parse} or the {@code with*} methods.
 *
 * @param mode              the link mode
 * @param fwDevlinkStrict   {@code fw_devlink.strict=1}: fw_devlink links consumer → controller before probe
 * @param customFlags       the flags of mode {@code custom}
 * @param customToChannel   mode {@code custom}: link to the channel device (else the controller device)
 * @param frankLegalRpmActive mode {@code frank-legal}: add RPM_ACTIVE when {@code pm_runtime_active(consumer)}
 * @param channelPm         channel devices have runtime PM enabled ("per-channel PM ops"; mainline: no)
 * @param controllerPm      DMA controllers enable runtime PM (i.MX SDMA mainline: no)
 * @param irqSafe           compatibles (or node paths/labels) whose drivers use irq-safe runtime PM
 * @param requests          per compatible: the dma-names its driver requests (overrides DriverRequests)
 * @param lateRequest       compatibles whose driver requests channels after probe (not in probe)
 * @param mandatory         compatibles whose probe fails when a channel request fails (else PIO fallback)
 * @param autosuspendMs     per compatible: the autosuspend delay of the consumer
 */
public record DevlinkSettings(Mode mode, boolean fwDevlinkStrict, int customFlags, boolean customToChannel,
        boolean frankLegalRpmActive, boolean channelPm, boolean controllerPm, Set<String> irqSafe,
        Map<String, List<String>> requests, Set<String> lateRequest, Set<String> mandatory,
        Map<String, Integer> autosuspendMs) {

    /** Mainline: no links, no fw_devlink for dmas. */
    public static final DevlinkSettings NONE = new DevlinkSettings(Mode.NONE, false, 0, false, false, false, false,
            Set.of(), Map.of(), Set.of(), Set.of(), Map.of());

    public DevlinkSettings {
        irqSafe = Set.copyOf(irqSafe);
        requests = Map.copyOf(requests);
        lateRequest = Set.copyOf(lateRequest);
        mandatory = Set.copyOf(mandatory);
        autosuspendMs = Map.copyOf(autosuspendMs);
    }

    public static DevlinkSettings of(Mode mode, boolean strict) {
        return NONE.withMode(mode).withStrict(strict);
    }

    public DevlinkSettings withMode(Mode m) {
        return new DevlinkSettings(m, fwDevlinkStrict, customFlags, customToChannel, frankLegalRpmActive, channelPm,
                controllerPm, irqSafe, requests, lateRequest, mandatory, autosuspendMs);
    }

    public DevlinkSettings withStrict(boolean s) {
        return new DevlinkSettings(mode, s, customFlags, customToChannel, frankLegalRpmActive, channelPm,
                controllerPm, irqSafe, requests, lateRequest, mandatory, autosuspendMs);
    }

    public DevlinkSettings withCustom(int flags, boolean toChannel) {
        return new DevlinkSettings(mode, fwDevlinkStrict, flags, toChannel, frankLegalRpmActive, channelPm,
                controllerPm, irqSafe, requests, lateRequest, mandatory, autosuspendMs);
    }

    public DevlinkSettings withPm(boolean channel, boolean controller) {
        return new DevlinkSettings(mode, fwDevlinkStrict, customFlags, customToChannel, frankLegalRpmActive, channel,
                controller, irqSafe, requests, lateRequest, mandatory, autosuspendMs);
    }

    public DevlinkSettings withFrankLegalRpmActive(boolean on) {
        return new DevlinkSettings(mode, fwDevlinkStrict, customFlags, customToChannel, on, channelPm,
                controllerPm, irqSafe, requests, lateRequest, mandatory, autosuspendMs);
    }

    /** Whether anything can produce a device-link diagnostic statically (mode none without strict cannot). */
    public boolean active() {
        return mode != Mode.NONE || fwDevlinkStrict;
    }

    /** A one-line description, e.g. {@code felsch-v2 + fw_devlink.strict}. */
    public String describe() {
        String s = mode.id();
        if (mode == Mode.CUSTOM) {
            s += " (" + DlFlags.format(customFlags) + " to the " + (customToChannel ? "channel" : "controller")
                    + " device)";
        }
        if (mode == Mode.FRANK_LEGAL && frankLegalRpmActive) {
            s += " (+RPM_ACTIVE)";
        }
        return fwDevlinkStrict ? s + " + fw_devlink.strict" : s;
    }

    /**
     * Parses {@code key=value} words separated by blanks: {@code mode=M}, {@code strict} (or
     * {@code fw-devlink-strict}), {@code flags=A|B}, {@code supplier=controller|channel}, {@code rpm-active},
     * {@code channel-pm}, {@code controller-pm}, {@code irq-safe=C}, {@code requests=C:rx,tx},
     * {@code late=C}, {@code mandatory=C}, {@code autosuspend=C:ms}. The mode name {@code fw_devlink-strict}
     * means mode none with strict.
     *
     * @throws IllegalArgumentException on an unknown word or value
     */
    public static DevlinkSettings parse(String text) {
        Mode mode = Mode.NONE;
        boolean strict = false;
        int flags = 0;
        boolean toChannel = false;
        boolean rpmActive = false;
        boolean chanPm = false;
        boolean ctlPm = false;
        Set<String> irq = new LinkedHashSet<>();
        Map<String, List<String>> req = new LinkedHashMap<>();
        Set<String> late = new LinkedHashSet<>();
        Set<String> mand = new LinkedHashSet<>();
        Map<String, Integer> auto = new LinkedHashMap<>();
        for (String w : text.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            int eq = w.indexOf('=');
            String k = (eq < 0 ? w : w.substring(0, eq)).toLowerCase(Locale.ROOT);
            String v = eq < 0 ? "" : w.substring(eq + 1);
            switch (k) {
                case "mode":
                    if (isStrictName(v)) {
                        strict = true;
                    } else {
                        mode = Mode.parse(v);
                    }
                    break;
                case "strict":
                case "fw-devlink-strict":
                case "fw_devlink-strict":
                    strict = true;
                    break;
                case "flags":
                    flags = DlFlags.parse(v);
                    break;
                case "supplier":
                    toChannel = parseSupplier(v);
                    break;
                case "rpm-active":
                    rpmActive = true;
                    break;
                case "channel-pm":
                    chanPm = true;
                    break;
                case "controller-pm":
                    ctlPm = true;
                    break;
                case "irq-safe":
                    irq.add(v);
                    break;
                case "late":
                    late.add(v);
                    break;
                case "mandatory":
                    mand.add(v);
                    break;
                case "requests": {
                    int c = v.lastIndexOf(':');
                    if (c < 0) {
                        throw new IllegalArgumentException("requests needs COMPATIBLE:name,name");
                    }
                    List<String> names = new ArrayList<>();
                    for (String n : v.substring(c + 1).split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.trim());
                        }
                    }
                    req.put(v.substring(0, c), names);
                    break;
                }
                case "autosuspend": {
                    int c = v.lastIndexOf(':');
                    try {
                        auto.put(v.substring(0, c), Integer.parseInt(v.substring(c + 1)));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("autosuspend needs COMPATIBLE:milliseconds");
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown device-link setting '" + w + "'");
            }
        }
        return new DevlinkSettings(mode, strict, flags, toChannel, rpmActive, chanPm, ctlPm, irq, req, late, mand,
                auto);
    }

    /** Whether a mode name means fw_devlink.strict alone. */
    public static boolean isStrictName(String v) {
        String t = v.toLowerCase(Locale.ROOT).replace('_', '-');
        return t.equals("fw-devlink-strict") || t.equals("fw-devlink.strict") || t.equals("strict");
    }

    /** Parses {@code controller} or {@code channel}: true for channel. */
    public static boolean parseSupplier(String v) {
        String t = v.toLowerCase(Locale.ROOT);
        if (t.equals("channel")) {
            return true;
        }
        if (t.equals("controller")) {
            return false;
        }
        throw new IllegalArgumentException("supplier must be controller or channel, not '" + v + "'");
    }
}
