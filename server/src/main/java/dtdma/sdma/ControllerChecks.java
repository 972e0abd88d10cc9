package dtdma.sdma;

import dtdma.check.Code;
import dtdma.check.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Controller-level SDMA checks as pure functions over plain inputs (the caller extracts them from the
 * tree and attaches spans): SD008 (shared events), SD009/SD010 ({@code fsl,sdma-event-remap}), SD011
 * ({@code fsl,sdma-ram-script-name}), SD012 (compatible combination) and SD013 (generic properties).
 */
public final class ControllerChecks {
    private ControllerChecks() {
    }

    /**
     * SD009/SD010 for {@code fsl,sdma-event-remap}.
     *
     * @param cellCount the number of u32 cells in the property, or -1 when it is absent
     * @param hasGpr    whether the node has a {@code gpr} phandle
     */
    public static List<SdmaFinding> eventRemap(int cellCount, boolean hasGpr) {
        List<SdmaFinding> out = new ArrayList<>();
        if (cellCount <= 0) {
            return out; // absent or empty: "no event needs to be remapped"
        }
        if (cellCount % SdmaTables.EVENT_REMAP_CELLS != 0) {
            String effect = hasGpr
                ? "sdma_event_remap logs \"the property fsl,sdma-event-remap must modulo 3\" and probe fails"
                    + " with -EINVAL"
                : "rows are <reg shift val> triples (without gpr the driver ignores the property)";
            out.add(SdmaFinding.of(Code.SD009, cellCount + " cells is not a multiple of 3: " + effect, false));
        } else if (cellCount / SdmaTables.EVENT_REMAP_CELLS > SdmaTables.EVENT_REMAP_MAX_ROWS) {
            out.add(SdmaFinding.of(Code.SD009, (cellCount / 3) + " rows: the binding allows at most "
                + SdmaTables.EVENT_REMAP_MAX_ROWS + " (<RX>, <TX>); the driver would apply them all", false));
        }
        if (!hasGpr) {
            out.add(SdmaFinding.of(Code.SD010, "fsl,sdma-event-remap without gpr: sdma_event_remap finds no gpr"
                + " phandle and silently skips the remap", false));
        }
        return out;
    }

    /** SD011 when {@code fsl,sdma-ram-script-name} is absent. */
    public static List<SdmaFinding> ramScriptName(boolean present) {
        if (present) {
            return List.of();
        }
        return List.of(SdmaFinding.of(Code.SD011, "the binding requires fsl,sdma-ram-script-name; the driver"
            + " warns \"failed to get firmware name\" and runs on ROM scripts only", false));
    }

    /** True if the list is one of the binding's allowed combinations ({@code fsl,imx-sdma.yaml}). */
    public static boolean compatibleAllowed(List<String> compatibles) {
        for (List<Set<String>> pattern : SdmaTables.BINDING_COMPATIBLES) {
            if (pattern.size() != compatibles.size()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < pattern.size() && ok; i++) {
                ok = pattern.get(i).contains(compatibles.get(i));
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** SD012 when the combination is not in the binding; the message names what the kernel would pick. */
    public static List<SdmaFinding> compatible(List<String> compatibles) {
        if (compatibleAllowed(compatibles)) {
            return List.of();
        }
        Optional<DriverData.Match> m = DriverData.match(compatibles);
        String pick = m.map(x -> "the kernel would still bind with " + x.data().symbol() + " (matched '"
                + x.matched() + "')")
            .orElse("no string matches sdma_dt_ids, so the SDMA driver would not bind");
        return List.of(SdmaFinding.of(Code.SD012, "compatible " + String.join(", ", quote(compatibles))
            + " is not a combination fsl,imx-sdma.yaml allows; " + pick, false));
    }

    /** SD013 for each generic DMA controller property present on an SDMA node. */
    public static List<SdmaFinding> genericProperties(Collection<String> propertyNames) {
        List<SdmaFinding> out = new ArrayList<>();
        for (String p : SdmaTables.FORBIDDEN_GENERIC_PROPERTIES) {
            if (propertyNames.contains(p)) {
                out.add(SdmaFinding.of(Code.SD013, p + " is not allowed on an SDMA node (fsl,imx-sdma.yaml has"
                    + " additionalProperties: false) and the driver ignores it; it always has "
                    + SdmaTables.USABLE_CHANNELS + " channels", false));
            }
        }
        return out;
    }

    /** One enabled consumer's use of an event on one controller. */
    public record EventUse(String consumer, String dmaName, long event) {
    }

    /**
     * SD008: the same event used by two different enabled consumers of one controller. The driver allows
     * it (CHNENBL is a per-event channel mask), but the hardware request line is then shared or muxed.
     *
     * @return one finding per shared event, keyed by event number in first-use order
     */
    public static Map<Long, SdmaFinding> sharedEvents(List<EventUse> uses, boolean hasGpr, boolean hasRemap) {
        Map<Long, List<String>> consumers = new LinkedHashMap<>();
        for (EventUse u : uses) {
            List<String> l = consumers.computeIfAbsent(u.event(), k -> new ArrayList<>());
            if (!l.contains(u.consumer())) {
                l.add(u.consumer());
            }
        }
        Map<Long, SdmaFinding> out = new LinkedHashMap<>();
        consumers.forEach((ev, list) -> {
            if (list.size() > 1) {
                String hint = hasGpr && hasRemap ? "; fsl,sdma-event-remap is set: check it selects the intended one"
                    : hasGpr ? "; consider fsl,sdma-event-remap (gpr is present)"
                    : "; event remapping needs gpr and fsl,sdma-event-remap";
                Severity sev = hasGpr && hasRemap ? Severity.INFO : Code.SD008.severity();
                out.put(ev, new SdmaFinding(Code.SD008, sev, "event " + ev + " is used by " + String.join(" and ",
                    list) + " on one SDMA: the hardware request line is shared or muxed" + hint, false));
            }
        });
        return out;
    }

    private static List<String> quote(List<String> l) {
        return l.stream().map(s -> "\"" + s + "\"").toList();
    }
}
