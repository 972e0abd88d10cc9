package dtdma.features;

import dtdma.text.Cancel;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaProvider;
import dtdma.dma.DriverRequests;
import dtdma.preprocess.Macro;
import dtdma.sdma.PeripheralType;
import dtdma.sdma.SdmaModel;
import dtdma.text.SourceFile;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.workspace.Analysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Completion: DMA providers after {@code <&} in {@code dmas}; inside an SDMA specifier its event numbers (free
 * ones first), peripheral types and priorities; {@code dma-names}, {@code status} and {@code compatible} strings;
 * property names; labels after {@code &}; include paths in {@code #include} and {@code /include/}; macros in
 * values (once a name is being typed). Works on the text as typed, so half-written statements still complete.
 */
public final class CompletionFeature {
    /** What an item is; the protocol edge maps it to an item kind. */
    public enum Kind { PROVIDER, LABEL, EVENT, TYPE, PRIORITY, NAME, PROPERTY, MACRO, FILE, FOLDER, VALUE }

    /** One proposal: {@code insertText} replaces the result's range; {@code sortText} orders, null keeps the order. */
    public record Item(String label, Kind kind, String detail, String documentation, String insertText,
            String sortText, String filterText) {
    }

    /** The proposals and the range {@code [replaceStart, replaceEnd)} of the file they replace. */
    public record Result(int replaceStart, int replaceEnd, List<Item> items) {
    }

    /** Common devicetree properties offered besides the ones seen in the tree. */
    static final List<String> COMMON_PROPERTIES = List.of("compatible", "reg", "status", "#address-cells",
            "#size-cells", "ranges", "dma-ranges", "interrupts", "interrupts-extended", "interrupt-parent",
            "interrupt-names", "#interrupt-cells", "interrupt-controller", "clocks", "clock-names", "#clock-cells",
            "assigned-clocks", "assigned-clock-parents", "assigned-clock-rates", "resets", "reset-names",
            "#reset-cells", "dmas", "dma-names", "#dma-cells", "dma-channels", "dma-requests", "dma-masters",
            "pinctrl-0", "pinctrl-names", "power-domains", "#power-domain-cells", "label", "model", "device_type",
            "phandle", "gpios", "#gpio-cells", "gpio-controller");

    private static final int MAX_MACROS = 300;
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s*([<\"])([^\">]*)$");
    private static final Pattern DTC_INCLUDE = Pattern.compile("^\\s*/include/\\s*\"([^\"]*)$");

    private CompletionFeature() {
    }

    /**
     * The completion at an offset of a file.
     *
     * @param includeDirs the directories searched for {@code #include <...>} (and after the file's own directory
     *                    for {@code "..."})
     */
    public static Result complete(Analysis a, SourceFile file, int offset, List<Path> includeDirs) {
        return complete(a, file, offset, offset, includeDirs, Cancel.NONE);
    }

    /**
     * The completion at an offset of a file's text, with the analysis of an earlier text of it.
     *
     * @param file           the file's current text (with the analysed file's id): the word being typed is read here
     * @param offset         the position in it
     * @param analysedOffset the same position in the text the analysis read (for the enclosing node and specifier)
     * @param cancel         polled per proposal
     */
    public static Result complete(Analysis a, SourceFile file, int offset, int analysedOffset, List<Path> includeDirs,
            Cancel cancel) {
        cancel.check();
        Result r = complete0(a, file, offset, analysedOffset, includeDirs, cancel);
        cancel.check();
        return r;
    }

    private static Result complete0(Analysis a, SourceFile file, int offset, int analysedOffset,
            List<Path> includeDirs, Cancel cancel) {
        TextContext c = TextContext.at(file.text(), offset);
        int end = c.offset;
        if (c.inComment) {
            return new Result(end, end, List.of());
        }
        if (c.directive != null) {
            return includes(file, c, includeDirs);
        }
        List<Item> items = new ArrayList<>();
        if (c.inString) {
            int s = c.stringStart;
            String typed = file.text().substring(s, end);
            Node at = Lookup.node(a, file.id(), analysedOffset);
            List<String> allowed = BindingHelpFeature.values(a, at, c.propName);
            for (int i = 0; i < allowed.size(); i++) {
                items.add(new Item(allowed.get(i), Kind.NAME, "allowed by the binding", null, allowed.get(i),
                        " " + pad(i), null));
            }
            strings(a, c.propName, items);
            return new Result(s, end, filter(items, typed));
        }
        if (c.before() == '&') {
            if ("dmas".equals(c.propName) && c.cellsStart >= 0) {
                providers(a, items);
            } else {
                labels(a, items, cancel);
            }
            return new Result(c.prefixStart, end, items);
        }
        if (c.cellsStart >= 0) {
            TextContext.CellPosition pos = "dmas".equals(c.propName) ? c.cellPosition() : null;
            if (pos != null) {
                Node ctl = a.tree().labelled(pos.controller());
                SdmaModel.Controller sc = ctl == null ? null : a.sdma().controller(ctl);
                if (sc != null) {
                    sdmaCell(a, file, analysedOffset, sc, pos.argIndex(), items);
                }
            }
            macros(a, c.prefix, items, cancel);
            return new Result(c.prefixStart, end, items);
        }
        if (c.inValue()) {
            return new Result(c.prefixStart, end, items);
        }
        if (c.atStatementStart()) {
            Node at = Lookup.node(a, file.id(), analysedOffset);
            int i = 0;
            for (dtdma.bindings.BindingDocs.Prop p : BindingHelpFeature.properties(a, at)) {
                if (at.property(p.name()) == null) {
                    items.add(new Item(p.name(), Kind.PROPERTY, (p.required() ? "required" : "allowed")
                            + " by the binding" + (p.type() == null ? "" : " (" + p.type() + ")"), p.description(),
                            p.name(), " " + pad(i++), null));
                }
            }
            properties(a, items);
            Set<String> seen = new java.util.HashSet<>();
            items.removeIf(it -> !seen.add(it.label()));
        }
        return new Result(c.prefixStart, end, items);
    }

    private static List<Item> filter(List<Item> items, String typed) {
        if (typed.isEmpty()) {
            return items;
        }
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i.label().startsWith(typed)) {
                out.add(i);
            }
        }
        return out;
    }

    static void providers(Analysis a, List<Item> out) {
        for (DmaProvider p : a.dma().providers()) {
            Node n = p.node();
            String cells = p.cells() < 0 ? "?" : String.valueOf(p.cells());
            String detail = n.path() + " · #dma-cells = " + cells + (n.enabled() ? "" : " · " + n.status());
            for (String l : n.labels()) {
                out.add(new Item(l, Kind.PROVIDER, detail, null, l, (n.enabled() ? "0" : "1") + l, null));
            }
        }
    }

    static void labels(Analysis a, List<Item> out) {
        labels(a, out, Cancel.NONE);
    }

    static void labels(Analysis a, List<Item> out, Cancel cancel) {
        int n = 0;
        for (Map.Entry<String, Node> e : new TreeMap<>(a.tree().labels()).entrySet()) {
            if ((++n & 255) == 0) {
                cancel.check();
            }
            out.add(new Item(e.getKey(), Kind.LABEL, e.getValue().path(), null, e.getKey(), null, null));
        }
    }

    private static void sdmaCell(Analysis a, SourceFile file, int offset, SdmaModel.Controller sc, int arg,
            List<Item> out) {
        if (arg == 0) {
            events(file, offset, sc, out);
        } else if (arg == 1) {
            for (PeripheralType t : PeripheralType.values()) {
                String n = String.valueOf(t.number());
                String detail = n + " · " + t.kernelName() + (t.driverSupported() ? "" : " · unsupported by the driver");
                out.add(new Item(t.name(), Kind.TYPE, detail, t.displayName(), n,
                        (t.driverSupported() ? "0" : "1") + pad(t.number()), n + " " + t.name()));
            }
        } else if (arg == 2) {
            String[] names = {"high", "medium", "low"};
            for (int p = 0; p < 3; p++) {
                out.add(new Item(String.valueOf(p), Kind.PRIORITY, names[p] + " priority",
                        "register priority " + dtdma.sdma.SdmaTables.registerPriority(p), String.valueOf(p),
                        "0" + p, null));
            }
        }
    }

    private static void events(SourceFile file, int offset, SdmaModel.Controller sc, List<Item> out) {
        Map<Long, List<String>> used = new TreeMap<>();
        for (SdmaModel.Use u : sc.uses()) {
            if (u.decoded() == null || !u.consumer().node().enabled()) {
                continue;
            }
            if (u.specifier().span() != null && u.specifier().span().contains(file.id(), offset)) {
                continue; // the specifier being edited
            }
            used.computeIfAbsent(u.decoded().event(), k -> new ArrayList<>())
                    .add(u.consumer().node().path() + (u.specifier().name() == null ? "" : " " + u.specifier().name()));
        }
        int n = sc.match().data().numEvents();
        for (int ev = 0; ev < n; ev++) {
            List<String> by = used.get((long) ev);
            String s = String.valueOf(ev);
            String detail = by == null ? "free event" : "used by " + String.join(", ", by);
            out.add(new Item(s, Kind.EVENT, detail, null, s, (by == null ? "0" : "1") + pad(ev), null));
        }
    }

    static String pad(int n) {
        return String.format(Locale.ROOT, "%04d", n);
    }

    private static void macros(Analysis a, String prefix, List<Item> out, Cancel cancel) {
        if (prefix.isEmpty() || !(Character.isLetter(prefix.charAt(0)) || prefix.charAt(0) == '_')) {
            return; // a kernel board has thousands: offer them once a name is being typed
        }
        TreeMap<String, Macro> sorted = new TreeMap<>();
        String p = prefix.toUpperCase(Locale.ROOT);
        int n = 0;
        for (Map.Entry<String, Macro> e : a.macros().asMap().entrySet()) {
            if ((++n & 255) == 0) {
                cancel.check();
            }
            if (e.getValue().definition() != null && e.getKey().toUpperCase(Locale.ROOT).startsWith(p)) {
                sorted.put(e.getKey(), e.getValue());
            }
        }
        int k = 0;
        for (Macro m : sorted.values()) {
            if (k++ >= MAX_MACROS) {
                break;
            }
            String label = m.functionLike() ? m.name() + "(" + String.join(", ", m.params()) + ")" : m.name();
            out.add(new Item(label, Kind.MACRO, m.replacement(), null, m.name(), "9" + m.name(), m.name()));
        }
    }

    private static void strings(Analysis a, String prop, List<Item> out) {
        Set<String> vals = new LinkedHashSet<>();
        if ("dma-names".equals(prop)) {
            vals.add("rx");
            vals.add("tx");
            for (DriverRequests.Driver d : DriverRequests.all()) {
                vals.addAll(d.names());
            }
            for (DmaConsumer c : a.dma().consumers()) {
                vals.addAll(c.names());
            }
        } else if ("status".equals(prop)) {
            vals.addAll(List.of("okay", "disabled", "reserved", "fail"));
        } else if ("compatible".equals(prop)) {
            collectCompatibles(a.tree().root(), vals);
        }
        int i = 0;
        for (String v : vals) {
            out.add(new Item(v, Kind.NAME, null, null, v, pad(i++), null));
        }
    }

    private static void collectCompatibles(Node n, Set<String> out) {
        out.addAll(n.compatibles());
        for (Node c : n.children()) {
            collectCompatibles(c, out);
        }
    }

    private static void properties(Analysis a, List<Item> out) {
        Set<String> names = new LinkedHashSet<>(COMMON_PROPERTIES);
        Set<String> seen = new java.util.TreeSet<>();
        collectProperties(a.tree().root(), seen);
        names.addAll(seen);
        for (String n : names) {
            out.add(new Item(n, Kind.PROPERTY, COMMON_PROPERTIES.contains(n) ? "common property" : "used in this tree",
                    null, n, (COMMON_PROPERTIES.contains(n) ? "0" : "1") + n, null));
        }
    }

    private static void collectProperties(Node n, Set<String> out) {
        for (Property p : n.properties()) {
            out.add(p.name());
        }
        for (Node c : n.children()) {
            collectProperties(c, out);
        }
    }

    private static Result includes(SourceFile file, TextContext c, List<Path> includeDirs) {
        Matcher m = INCLUDE.matcher(c.directive);
        String typed;
        List<Path> bases = new ArrayList<>();
        if (m.matches()) {
            typed = m.group(2);
            if (m.group(1).equals("\"") && file.path().getParent() != null) {
                bases.add(file.path().getParent());
            }
        } else {
            Matcher d = DTC_INCLUDE.matcher(c.directive);
            if (!d.matches()) {
                return new Result(c.offset, c.offset, List.of());
            }
            typed = d.group(1);
            if (file.path().getParent() != null) {
                bases.add(file.path().getParent());
            }
        }
        bases.addAll(includeDirs);
        int slash = typed.lastIndexOf('/');
        String dir = slash < 0 ? "" : typed.substring(0, slash + 1);
        String name = typed.substring(slash + 1);
        Map<String, Item> found = new LinkedHashMap<>();
        for (Path b : bases) {
            Path d;
            try {
                d = b.resolve(dir);
            } catch (java.nio.file.InvalidPathException e) {
                return new Result(c.offset, c.offset, List.of()); // what was typed cannot name a directory (a NUL)
            }
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.sorted().forEach(p -> {
                    String n = p.getFileName().toString();
                    if (!n.startsWith(name) || found.containsKey(n) || n.startsWith(".")) {
                        return;
                    }
                    if (Files.isDirectory(p)) {
                        found.put(n, new Item(n + "/", Kind.FOLDER, p.toString(), null, n + "/", "1" + n, null));
                    } else if (n.endsWith(".h") || n.endsWith(".dtsi") || n.endsWith(".dts") || n.endsWith(".dtso")) {
                        found.put(n, new Item(n, Kind.FILE, p.toString(), null, n, "0" + n, null));
                    }
                });
            } catch (IOException | RuntimeException e) {
                // an unreadable directory offers nothing
            }
        }
        return new Result(c.offset - name.length(), c.offset, new ArrayList<>(found.values()));
    }
}
