package dtdma.workspace;

import dtdma.format.EntryHints;
import dtdma.style.StyleHints;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.tree.PropValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the formatter and the style checks learn from a board's merged tree: the entry sizes of array properties
 * written in one file ({@link EntryHints}) and the order in which labelled nodes are defined ({@link StyleHints}).
 */
public final class FormatHints {
    /** Phandle + arguments lists and the provider property that gives the argument count (as the kernel reads them). */
    private static final Map<String, String> PHANDLE_ARGS = Map.ofEntries(
            Map.entry("clocks", "#clock-cells"), Map.entry("assigned-clocks", "#clock-cells"),
            Map.entry("assigned-clock-parents", "#clock-cells"), Map.entry("resets", "#reset-cells"),
            Map.entry("dmas", "#dma-cells"), Map.entry("power-domains", "#power-domain-cells"),
            Map.entry("phys", "#phy-cells"), Map.entry("pwms", "#pwm-cells"), Map.entry("mboxes", "#mbox-cells"),
            Map.entry("iommus", "#iommu-cells"),
            Map.entry("io-channels", "#io-channel-cells"), Map.entry("thermal-sensors", "#thermal-sensor-cells"),
            Map.entry("sound-dai", "#sound-dai-cells"), Map.entry("hwlocks", "#hwlock-cells"),
            Map.entry("interrupts-extended", "#interrupt-cells"), Map.entry("cooling-device", "#cooling-cells"),
            Map.entry("mux-controls", "#mux-control-cells"), Map.entry("msi-parent", "#msi-cells"));

    private FormatHints() {
    }

    /**
     * The entry sizes of the array properties of {@code file} whose current definition is in that file, keyed by
     * the offset of the property's name; {@link EntryHints#NONE} when {@code text} is not the text the analysis
     * read (an edit since), the file is not part of it, or the analysis is not of a board (a {@code .dtsi} analysed
     * alone: a board may change what its tree says).
     */
    public static EntryHints entries(Analysis a, Path file, String text) {
        return entries(a, file, text, dtdma.text.Cancel.NONE);
    }

    /**
     * Like {@link #entries(Analysis, Path, String)}, polling {@code cancel} per node of the tree.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public static EntryHints entries(Analysis a, Path file, String text, dtdma.text.Cancel cancel) {
        if (a == null || a.tree() == null || a.root() == null || !Boards.isBoard(a.root())) {
            return EntryHints.NONE;
        }
        SourceFile f = a.file(file);
        if (f == null || !f.text().equals(text)) {
            return EntryHints.NONE;
        }
        Path want = f.path().toAbsolutePath().normalize();
        Map<Integer, Boolean> idIsFile = new HashMap<>();
        Map<Integer, EntryHints.Entries> out = new HashMap<>();
        Set<Integer> conflicts = new HashSet<>();
        List<Node> todo = new ArrayList<>(List.of(a.tree().root()));
        while (!todo.isEmpty()) {
            cancel.check();
            Node n = todo.remove(todo.size() - 1);
            todo.addAll(n.children());
            for (Property p : n.properties()) {
                Ast.PropDef d = p.definition();
                if (d == null) {
                    continue;
                }
                int id = d.nameSpan().fileId();
                boolean mine = idIsFile.computeIfAbsent(id, k -> {
                    SourceFile s = a.sources().get(k);
                    return s != null && s.path() != null && s.path().toAbsolutePath().normalize().equals(want)
                            && s.text().equals(text);
                });
                if (!mine) {
                    continue;
                }
                EntryHints.Entries e = entriesOf(a.tree(), n, p, d, id);
                int key = d.nameSpan().start();
                if (e == null) {
                    continue;
                }
                EntryHints.Entries old = out.putIfAbsent(key, e);
                if (old != null && !old.equals(e)) {
                    conflicts.add(key); // the same text read twice (a file included in two places) with other sizes
                }
            }
        }
        conflicts.forEach(out::remove);
        return out.isEmpty() ? EntryHints.NONE : out::get;
    }

    private static EntryHints.Entries entriesOf(DeviceTree t, Node n, Property p, Ast.PropDef d, int fileId) {
        PropValue v = p.value();
        if (v == null || v.length() == 0 || v.length() % 4 != 0) {
            return null;
        }
        List<Integer> starts = new ArrayList<>();
        for (Ast.Value x : d.value()) {
            if (!(x instanceof Ast.Cells c) || c.bitsSpan() != null || c.bits() != 32) {
                return null;
            }
            for (Ast.CellItem item : c.items()) {
                if (item instanceof Ast.CellLabel || item.span().fileId() != fileId) {
                    return null;
                }
                starts.add(item.span().start());
            }
        }
        if (starts.size() != v.length() / 4) {
            return null;
        }
        int[] sizes = sizes(t, n, p.name(), v);
        if (sizes == null) {
            return null;
        }
        return new EntryHints.Entries(p.name(), starts.stream().mapToInt(Integer::intValue).toArray(), sizes);
    }

    /** Cells per entry of property {@code name} of node {@code n}, or null when not known. */
    static int[] sizes(DeviceTree t, Node n, String name, PropValue v) {
        int cells = v.length() / 4;
        int per;
        switch (name) {
            case "reg" -> per = n.parent() == null ? -1 : sum(cells(n.parent(), "#address-cells"),
                    cells(n.parent(), "#size-cells"));
            case "ranges", "dma-ranges" -> per = n.parent() == null ? -1 : sum(cells(n, "#address-cells"),
                    sum(cells(n.parent(), "#address-cells"), cells(n, "#size-cells")));
            case "interrupts" -> {
                Node ip = interruptParent(t, n);
                per = ip == null ? -1 : cells(ip, "#interrupt-cells");
            }
            default -> {
                String cellsName = PHANDLE_ARGS.get(name);
                if (cellsName == null && isGpios(name)) {
                    cellsName = "#gpio-cells";
                }
                return cellsName == null ? null : phandleArgs(t, v, cellsName, name.equals("msi-parent"));
            }
        }
        if (per <= 0 || per > 16 || cells % per != 0) {
            return null;
        }
        int[] out = new int[cells / per];
        java.util.Arrays.fill(out, per);
        return out;
    }

    private static boolean isGpios(String name) {
        return !name.endsWith(",nr-gpios") && (name.equals("gpios") || name.endsWith("-gpios") || name.equals("gpio")
                || name.endsWith("-gpio"));
    }

    private static int sum(int a, int b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }

    /** A node's own {@code #...-cells} as one cell, or -1 when absent or odd. */
    private static int cells(Node n, String prop) {
        Property p = n.property(prop);
        if (p == null || p.value() == null || p.value().length() != 4) {
            return -1;
        }
        long c = p.value().cellAt(0);
        return c > 16 ? -1 : (int) c;
    }

    /** The kernel's of_irq_find_parent: interrupt-parent, else the tree parent, until a node with #interrupt-cells. */
    private static Node interruptParent(DeviceTree t, Node n) {
        Node cur = n;
        for (int guard = 0; cur != null && guard < 64; guard++) {
            Property ip = cur.property("interrupt-parent");
            Node next = ip != null && ip.value() != null && ip.value().length() == 4 ? t.byPhandle(ip.value().cellAt(0))
                    : cur.parent();
            if (next == null || next.property("#interrupt-cells") != null) {
                return next;
            }
            cur = next;
        }
        return null;
    }

    /** Entries of a phandle + arguments list (a phandle of 0 is an empty entry of one cell), or null. */
    private static int[] phandleArgs(DeviceTree t, PropValue v, String cellsName, boolean optional) {
        int cells = v.length() / 4;
        List<Integer> out = new ArrayList<>();
        int i = 0;
        while (i < cells) {
            long ph = v.cellAt(i * 4);
            int size;
            if (ph == 0) {
                size = 1;
            } else {
                Node provider = t.byPhandle(ph);
                if (provider == null) {
                    return null;
                }
                int c = cells(provider, cellsName);
                if (c < 0 && optional && provider.property(cellsName) == null) {
                    c = 0;
                }
                if (c < 0) {
                    return null;
                }
                size = 1 + c;
            }
            out.add(size);
            i += size;
        }
        return i == cells ? out.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** The order of definitions of a board's analysis; {@link StyleHints#NONE} for a file analysed without a board. */
    public static StyleHints labelOrder(Analysis a) {
        return a == null || a.root() == null || !Boards.isBoard(a.root()) ? StyleHints.NONE : labelOrder(a.tree());
    }

    /**
     * The order in which the labelled nodes of a merged tree are defined (a walk of the tree in source order,
     * parents before children): the second order the kernel's style accepts for {@code &label} overrides.
     */
    public static StyleHints labelOrder(DeviceTree t) {
        if (t == null) {
            return StyleHints.NONE;
        }
        Map<String, Integer> rank = new HashMap<>();
        List<Node> todo = new ArrayList<>(List.of(t.root()));
        int k = 0;
        while (!todo.isEmpty()) {
            Node n = todo.remove(todo.size() - 1);
            for (String l : n.labels()) {
                rank.putIfAbsent(l, k);
            }
            k++;
            List<Node> c = n.children();
            for (int i = c.size() - 1; i >= 0; i--) {
                todo.add(c.get(i));
            }
        }
        return label -> rank.getOrDefault(label, -1);
    }

    /**
     * For every file that defines or changes a node of one of the boards, the order of definitions of the first
     * such board (the files of a check run, where each file is style-checked once whatever boards read it).
     */
    public static Map<Path, StyleHints> labelOrders(List<BoardResult> boards, dtdma.text.SourceRegistry reg) {
        Map<Path, StyleHints> out = new HashMap<>();
        for (BoardResult b : boards) {
            if (b.tree() == null) {
                continue;
            }
            StyleHints order = labelOrder(b.tree());
            Set<Integer> ids = new HashSet<>();
            List<Node> todo = new ArrayList<>(List.of(b.tree().root()));
            while (!todo.isEmpty()) {
                Node n = todo.remove(todo.size() - 1);
                todo.addAll(n.children());
                for (dtdma.tree.History h : n.history()) {
                    if (h.span() != null) {
                        ids.add(h.span().fileId());
                    }
                }
            }
            for (int id : ids) {
                SourceFile f = reg.get(id);
                if (f != null && f.path() != null) {
                    out.putIfAbsent(f.path().toAbsolutePath().normalize(), order);
                }
            }
        }
        return out;
    }

    /**
     * The entry sizes of each file from a board's merged tree: every board among {@code files} is analysed (and
     * gives the hints of the {@code .dtsi} files given that it read); a {@code .dtsi} no board given reads is
     * analysed in one of the first three boards of its directory that include it (reverse include index). A file
     * no board explains gets none. {@code read} gives a file's text (null when unreadable); {@code warn} hears of
     * boards that could not be analysed.
     */
    public static Map<Path, EntryHints> forFiles(Boards boards, List<Path> files,
            java.util.function.Function<Path, String> read, java.util.function.Consumer<String> warn) {
        Map<Path, EntryHints> out = new HashMap<>();
        Map<Path, String> dtsi = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            if (!Boards.isBoard(f)) {
                String t = read.apply(f);
                if (t != null) {
                    dtsi.put(norm(f), t);
                }
            }
        }
        for (Path f : files) {
            if (Boards.isBoard(f)) {
                String t = read.apply(f);
                if (t != null) {
                    explain(boards, norm(f), t, dtsi, out, warn);
                }
            }
        }
        IncludeIndex index = new IncludeIndex(boards::includeDirs);
        Set<Path> scanned = new HashSet<>();
        for (Map.Entry<Path, String> e : dtsi.entrySet()) {
            if (out.containsKey(e.getKey())) {
                continue;
            }
            if (scanned.add(e.getKey().getParent())) {
                index.scan(List.of(e.getKey().getParent()), () -> false, (x, y) -> { });
            }
            int tried = 0;
            for (Path b : index.boardsIncluding(e.getKey())) {
                if (out.containsKey(e.getKey()) || tried++ >= 3) {
                    break;
                }
                String t = read.apply(b);
                if (t != null) {
                    explain(boards, b, t, dtsi, out, warn);
                }
            }
        }
        return out;
    }

    private static Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Analyses a board; its hints and those of the {@code .dtsi} files of {@code dtsi} it read go into {@code out}. */
    private static void explain(Boards boards, Path board, String text, Map<Path, String> dtsi,
            Map<Path, EntryHints> out, java.util.function.Consumer<String> warn) {
        Analysis a;
        try {
            a = boards.analyse(board, () -> false);
        } catch (RuntimeException | StackOverflowError e) {
            warn.accept(board + ": cannot analyse (" + e + "); formatted without entry sizes");
            return;
        }
        out.putIfAbsent(board, entries(a, board, text));
        for (Path f : a.files().keySet()) {
            String t = dtsi.get(f);
            if (t != null && !out.containsKey(f)) {
                out.put(f, entries(a, f, t));
            }
        }
    }
}
