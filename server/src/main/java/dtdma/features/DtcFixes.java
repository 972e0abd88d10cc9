package dtdma.features;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.workspace.Analysis;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes for dtc's checks where the fix is mechanical: set the unit address dtc expects (simple-bus, I2C,
 * SPI, PCI and graph children: lowercase, no leading zeros), drop {@code 0x} or leading zeros
 * ({@code unit_address_format}), add the unit address {@code reg} gives or remove one that has no {@code reg}
 * ({@code unit_address_vs_reg}), and delete an unnecessary {@code #address-cells}/{@code #size-cells}
 * ({@code avoid_unnecessary_addr_size}). Names are edited only where the source spells them literally.
 */
final class DtcFixes {
    private static final Pattern EXPECTED = Pattern.compile("expected \"([0-9a-f,]+)\"");

    private DtcFixes() {
    }

    static void add(Analysis a, Diagnostic d, List<CodeActionFeature.Action> out) {
        Diagnostic.Subject s = d.subject();
        Node n = a.tree().resolvePath(s.nodePath());
        if (n == null) {
            return;
        }
        Code c = d.code();
        Matcher m = EXPECTED.matcher(d.message());
        boolean unitMessage = d.message().contains("unit address");
        if ((c == Code.DC022 || c == Code.DC024 || c == Code.DC026 || c == Code.DC019 || c == Code.DC074
                || c == Code.DC075) && unitMessage && m.find()) {
            rename(a, d, n, n.baseName() + "@" + m.group(1), "Change the unit address to " + m.group(1), out);
        } else if (c == Code.DC017) {
            String u = n.unitAddress();
            String fixed = u.startsWith("0x") ? u.substring(2) : u;
            fixed = fixed.replaceFirst("^0+(?=[0-9a-fA-F])", "");
            rename(a, d, n, n.baseName() + "@" + fixed, "Write the unit address as " + fixed, out);
        } else if (c == Code.DC016) {
            if (n.unitAddress() != null) {
                rename(a, d, n, n.baseName(), "Remove the unit address", out);
            } else {
                String unit = firstAddress(a, n);
                if (unit != null) {
                    rename(a, d, n, n.name() + "@" + unit, "Add the unit address " + unit + " from reg", out);
                }
            }
        } else if (c == Code.DC028) {
            Map<SourceFile, List<TextEdit>> edits = new LinkedHashMap<>();
            for (String name : List.of("#address-cells", "#size-cells")) {
                Property p = n.property(name);
                if (p == null || p.definition() == null || !deleteLine(a, p.definition().span(), edits)) {
                    return;
                }
            }
            out.add(new CodeActionFeature.Action("Remove #address-cells and #size-cells", d, edits, true));
        }
    }

    /** The first address of {@code reg} (or of a non-empty {@code ranges}) as dtc writes unit addresses. */
    private static String firstAddress(Analysis a, Node n) {
        Property p = n.property("reg");
        int skip = 0;
        Node parent = n.parent();
        if (parent == null) {
            return null;
        }
        if (p == null) {
            p = n.property("ranges");
            skip = cells(n, "#address-cells", 2);
        }
        int cells = cells(parent, "#address-cells", 2);
        if (p == null || p.value().length() < (skip + cells) * 4 || cells < 1 || cells > 2) {
            return null;
        }
        long v = 0;
        for (int i = 0; i < cells; i++) {
            v = (v << 32) | p.value().cellAt((skip + i) * 4);
        }
        return Long.toHexString(v);
    }

    private static int cells(Node n, String name, int dflt) {
        Property p = n.property(name);
        return p == null || p.value().length() != 4 ? dflt : (int) p.value().cellAt(0);
    }

    private static void rename(Analysis a, Diagnostic d, Node n, String newName, String title,
            List<CodeActionFeature.Action> out) {
        Span s = n.nameSpan();
        SourceFile f = a.fileOf(s);
        if (f == null || s.end() > f.text().length() || !f.text().substring(s.start(), s.end()).equals(n.name())
                || newName.equals(n.name())) {
            return;
        }
        Map<SourceFile, List<TextEdit>> m = new LinkedHashMap<>();
        m.put(f, List.of(new TextEdit(s, newName)));
        out.add(new CodeActionFeature.Action(title, d, m, true));
    }

    /** Deletes the line of a definition when it stands alone on it; false when it does not. */
    private static boolean deleteLine(Analysis a, Span def, Map<SourceFile, List<TextEdit>> edits) {
        SourceFile f = a.fileOf(def);
        if (f == null) {
            return false;
        }
        String t = f.text();
        int start = t.lastIndexOf('\n', Math.max(0, def.start() - 1)) + 1;
        int end = t.indexOf('\n', def.end());
        end = end < 0 ? t.length() : end + 1;
        if (!t.substring(start, def.start()).isBlank() || !t.substring(def.end(), end).isBlank()) {
            return false;
        }
        edits.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(new TextEdit(new Span(f.id(), start, end), ""));
        return true;
    }
}
