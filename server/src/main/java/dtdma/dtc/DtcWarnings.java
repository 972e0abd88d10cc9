package dtdma.dtc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which of dtc's checks report: a level as the kernel's build sets them (scripts/Makefile.lib) plus dtc-style
 * {@code -W<name>} / {@code -Wno-<name>} adjustments, applied in order.
 *
 * <ul>
 * <li>{@code kernel}: {@code make dtbs} — dtc's defaults without {@code interrupt_provider},
 *     {@code unit_address_vs_reg}, {@code avoid_unnecessary_addr_size}, {@code alias_paths},
 *     {@code graph_child_address}, {@code simple_bus_reg} and {@code unique_unit_address};</li>
 * <li>{@code W=1}: dtc's defaults without {@code interrupt_provider};</li>
 * <li>{@code W=2}: the kernel level plus {@code node_name_chars_strict}, {@code property_name_chars_strict} and
 *     {@code interrupt_provider} ({@code W=12} combines both);</li>
 * <li>{@code all}: every check; {@code none}: no check.</li>
 * </ul>
 */
public final class DtcWarnings {
    /** The levels, by the names the setting and the CLI accept. */
    public static final List<String> LEVELS = List.of("kernel", "W=1", "W=2", "W=12", "all", "none");

    static final Set<String> KERNEL_OFF = Set.of("unit_address_vs_reg", "avoid_unnecessary_addr_size",
            "alias_paths", "graph_child_address", "simple_bus_reg", "unique_unit_address");
    static final Set<String> W2_ON = Set.of("node_name_chars_strict", "property_name_chars_strict",
            "interrupt_provider");

    public static final DtcWarnings KERNEL = of("kernel");
    public static final DtcWarnings NONE = of("none");
    public static final DtcWarnings ALL = of("all");

    private final String level;
    private final Map<String, Boolean> adjust;
    private final Set<String> enabled;

    private DtcWarnings(String level, Map<String, Boolean> adjust) {
        this.level = level;
        this.adjust = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(adjust));
        Set<String> on = new LinkedHashSet<>();
        for (DtcCheck c : DtcChecks.all()) {
            if (base(level, c)) {
                on.add(c.name());
            }
        }
        for (Map.Entry<String, Boolean> e : adjust.entrySet()) {
            if (e.getValue()) {
                on.add(e.getKey());
            } else {
                on.remove(e.getKey());
            }
        }
        this.enabled = Set.copyOf(on);
    }

    private static boolean base(String level, DtcCheck c) {
        String n = c.name();
        return switch (level) {
            case "none" -> false;
            case "all" -> true;
            case "W=1" -> c.dtcDefault() && !n.equals("interrupt_provider");
            case "W=2" -> (c.dtcDefault() && !n.equals("interrupt_provider") && !KERNEL_OFF.contains(n)) || W2_ON.contains(n);
            case "W=12" -> (c.dtcDefault() && !n.equals("interrupt_provider")) || W2_ON.contains(n);
            default -> c.dtcDefault() && !n.equals("interrupt_provider") && !KERNEL_OFF.contains(n);
        };
    }

    /**
     * Parses a level, optionally followed by adjustments: {@code "W=1"}, {@code "kernel -Wunique_unit_address"},
     * {@code "none -Wreg_format"}. Level names are case-insensitive ({@code w=1} works).
     *
     * @throws IllegalArgumentException for an unknown level or check name
     */
    public static DtcWarnings parse(String spec) {
        String[] words = spec.trim().split("[\\s,]+");
        String level = "kernel";
        List<String> adj = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            if (w.startsWith("-W") || w.startsWith("-E")) {
                adj.add(w);
            } else if (i == 0) {
                level = level(w);
            } else {
                throw new IllegalArgumentException("'" + w + "' is not -W<check> or -Wno-<check>");
            }
        }
        DtcWarnings d = of(level);
        for (String a : adj) {
            d = d.with(a);
        }
        return d;
    }

    /** The canonical name of a level, or an exception listing the levels. */
    public static String level(String s) {
        for (String l : LEVELS) {
            if (l.equalsIgnoreCase(s)) {
                return l;
            }
        }
        if (s.equalsIgnoreCase("default")) {
            return "kernel";
        }
        throw new IllegalArgumentException("unknown dtc warning level '" + s + "' (" + String.join(", ", LEVELS) + ")");
    }

    public static DtcWarnings of(String level) {
        return new DtcWarnings(level(level), Map.of());
    }

    /**
     * Applies one dtc option: {@code -W<name>} / {@code -E<name>} turn a check on, {@code -Wno-<name>} /
     * {@code -Eno-<name>} off ({@code <name>} alone, or {@code no-<name>}, work too).
     */
    public DtcWarnings with(String option) {
        String o = option.startsWith("-W") || option.startsWith("-E") ? option.substring(2) : option;
        boolean on = true;
        if (o.startsWith("no-")) {
            on = false;
            o = o.substring(3);
        }
        String name = o.toLowerCase(Locale.ROOT);
        if (DtcChecks.byName(name) == null) {
            throw new IllegalArgumentException("unknown dtc check '" + o + "' in '" + option + "'");
        }
        Map<String, Boolean> m = new LinkedHashMap<>(adjust);
        m.remove(name);
        m.put(name, on);
        return new DtcWarnings(level, m);
    }

    public String level() {
        return level;
    }

    /** Whether a check (by dtc's name) reports. */
    public boolean enabled(String check) {
        return enabled.contains(check);
    }

    public Set<String> enabledChecks() {
        return enabled;
    }

    public boolean any() {
        return !enabled.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(level);
        adjust.forEach((k, v) -> sb.append(v ? " -W" : " -Wno-").append(k));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtcWarnings w && w.enabled.equals(enabled);
    }

    @Override
    public int hashCode() {
        return enabled.hashCode();
    }
}
