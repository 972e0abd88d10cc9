package dtdma.features;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.format.Cst;
import dtdma.style.Names;
import dtdma.style.Order;
import dtdma.style.StyleChecks;
import dtdma.style.StyleHints;
import dtdma.style.StyleModel;
import dtdma.style.checks.HexCase;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes of the style findings (STY0xx) in a range: rename to the style's characters, lowercase, sort nodes,
 * overrides or properties, move status last. A sort moves each statement with the comments on the lines before
 * it and after it on its last line; it is not offered when a directive line sits among the statements it moves.
 */
public final class StyleActions {
    private StyleActions() {
    }

    public static List<CodeActionFeature.Action> actions(SourceFile file, int from, int to) {
        return actions(file, StyleHints.NONE, from, to);
    }

    /** The quick fixes with what a board's merged tree tells (the order the labelled nodes are defined in). */
    public static List<CodeActionFeature.Action> actions(SourceFile file, StyleHints hints, int from, int to) {
        return actions(file, hints, from, to, dtdma.text.Cancel.NONE);
    }

    /** Like {@link #actions(SourceFile, StyleHints, int, int)}, polling {@code cancel} in the style checks. */
    public static List<CodeActionFeature.Action> actions(SourceFile file, StyleHints hints, int from, int to,
            dtdma.text.Cancel cancel) {
        List<CodeActionFeature.Action> out = new ArrayList<>();
        StyleModel m = StyleModel.of(file, hints);
        if (m == null) {
            return out;
        }
        for (Diagnostic d : StyleChecks.run(file, hints, cancel)) {
            if (d.span().end() < from || d.span().start() > to) {
                continue;
            }
            try {
                CodeActionFeature.Action a = fix(m, d);
                if (a != null) {
                    out.add(a);
                }
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(StyleActions.class.getName()).log(java.util.logging.Level.FINE,
                        "no fix for " + d, e);
            }
        }
        return out;
    }

    private static CodeActionFeature.Action action(String title, Diagnostic d, SourceFile f, List<TextEdit> edits,
            boolean preferred) {
        return new CodeActionFeature.Action(title, d, Map.of(f, edits), preferred);
    }

    private static CodeActionFeature.Action fix(StyleModel m, Diagnostic d) {
        SourceFile f = m.file();
        String text = f.text().substring(d.span().start(), d.span().end());
        Code c = d.code();
        switch (c) {
            case STY001 -> {
                String s = Names.suggest(text);
                return action("Rename node to '" + s + "' (if no driver matches the old name)", d, f,
                        List.of(new TextEdit(d.span(), s)), false);
            }
            case STY002 -> {
                String s = Names.suggest(text);
                return action("Rename property to '" + s + "' (only if its binding uses that name)", d, f,
                        List.of(new TextEdit(d.span(), s)), false);
            }
            case STY003 -> {
                String lower = text.toLowerCase(Locale.ROOT);
                List<TextEdit> edits = new ArrayList<>();
                edits.add(new TextEdit(d.span(), lower));
                Matcher mm = Pattern.compile("&" + Pattern.quote(text) + "\\b").matcher(f.text());
                while (mm.find()) {
                    edits.add(new TextEdit(new Span(f.id(), mm.start() + 1, mm.end()), lower));
                }
                return action("Lowercase label '" + text + "' and its references in this file", d, f, edits, true);
            }
            case STY004 -> {
                String s = Names.normalUnit(text);
                return action("Lowercase the unit address: '" + s + "'", d, f, List.of(new TextEdit(d.span(), s)),
                        false);
            }
            case STY005 -> {
                Cst.Stmt p = find(m, d, Cst.Kind.PROPERTY);
                if (p == null) {
                    return null;
                }
                List<TextEdit> edits = new ArrayList<>();
                for (Cst.Token t : p.valueTokens()) {
                    if (HexCase.upper(t)) {
                        edits.add(new TextEdit(m.span(t.start(), t.end()), lowerHex(t.text())));
                    }
                }
                return action("Lowercase hex in '" + p.name() + "'", d, f, edits, true);
            }
            case STY006 -> {
                List<Cst.Stmt> body = bodyOf(m, d);
                if (body == null) {
                    return null;
                }
                Cst.Stmt s = stmtAt(body, m, d);
                boolean addr = s != null && Names.unit(s.name()) != null;
                Order.Kind k = addr ? Order.Kind.NODES_WITH_ADDRESS : Order.Kind.NODES_WITHOUT_ADDRESS;
                TextEdit e = reorder(m, Order.members(k, body), Order.sorted(k, body));
                return e == null ? null : action(addr ? "Sort nodes by unit address" : "Sort nodes by name", d, f,
                        List.of(e), true);
            }
            case STY007 -> {
                List<Cst.Stmt> body = m.cst().items();
                Order.OverrideVerdict v = Order.overrides(body, m.hints());
                if (v == null) {
                    return null;
                }
                TextEdit e = reorder(m, Order.members(Order.Kind.OVERRIDES, body), v.sorted());
                return e == null ? null : action(v.byDefinition() ? "Sort &label overrides in the order of the SoC .dtsi"
                        : "Sort &label overrides alphanumerically", d, f, List.of(e), true);
            }
            case STY008 -> {
                List<Cst.Stmt> body = bodyOf(m, d);
                if (body == null) {
                    return null;
                }
                List<Cst.Stmt> props = Order.members(Order.Kind.PROPERTIES, body);
                if (text.equals("status")) {
                    List<Cst.Stmt> moved = new ArrayList<>(props);
                    moved.sort(Comparator.comparingInt(x -> x.name().equals("status") ? 1 : 0));
                    TextEdit e = reorder(m, props, moved);
                    return e == null ? null : action("Move status last", d, f, List.of(e), true);
                }
                TextEdit e = reorder(m, props, Order.sorted(Order.Kind.PROPERTIES, body));
                return e == null ? null : action("Sort properties (compatible, reg, ranges, standard, vendor, status)",
                        d, f, List.of(e), false);
            }
            default -> {
                return null;
            }
        }
    }

    static String lowerHex(String w) {
        if (w.length() > 2 && w.charAt(0) == '0' && (w.charAt(1) == 'x' || w.charAt(1) == 'X')) {
            int e = w.length();
            while (e > 2 && "uUlL".indexOf(w.charAt(e - 1)) >= 0) {
                e--;
            }
            return w.substring(0, e).toLowerCase(Locale.ROOT) + w.substring(e);
        }
        return w.toLowerCase(Locale.ROOT);
    }

    /** The statements of the body holding the statement named at the diagnostic. */
    private static List<Cst.Stmt> bodyOf(StyleModel m, Diagnostic d) {
        List<List<Cst.Stmt>> found = new ArrayList<>();
        m.forEachBody((parent, items) -> {
            if (stmtAt(items, m, d) != null) {
                found.add(items);
            }
        });
        return found.isEmpty() ? null : found.get(0);
    }

    private static Cst.Stmt stmtAt(List<Cst.Stmt> items, StyleModel m, Diagnostic d) {
        for (Cst.Stmt s : items) {
            if (m.offset(s.nameStart()) == d.span().start()) {
                return s;
            }
        }
        return null;
    }

    private static Cst.Stmt find(StyleModel m, Diagnostic d, Cst.Kind kind) {
        List<Cst.Stmt> hit = new ArrayList<>();
        m.forEachBody((parent, items) -> {
            for (Cst.Stmt s : items) {
                if (s.kind() == kind && m.offset(s.start()) <= d.span().start() && d.span().end() <= m.offset(s.end())) {
                    hit.add(s);
                }
            }
        });
        return hit.isEmpty() ? null : hit.get(0);
    }

    /**
     * One edit that puts {@code sorted} into the places {@code slots} take (each statement with its own comment
     * lines), or null when nothing moves or a statement does not sit on lines of its own.
     */
    private static TextEdit reorder(StyleModel m, List<Cst.Stmt> slots, List<Cst.Stmt> sorted) {
        if (slots.equals(sorted) || slots.size() < 2) {
            return null;
        }
        String t = m.text();
        int n = slots.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            Cst.Stmt s = slots.get(i);
            if (s.hasLeadingDirective() || s.hasDirectives()) {
                return null;
            }
            int ls = t.lastIndexOf('\n', s.leadingStart() - 1) + 1;
            if (!t.substring(ls, s.leadingStart()).isBlank()) {
                return null;
            }
            int le = t.indexOf('\n', s.endWithTrailing());
            le = le < 0 ? t.length() : le;
            if (!t.substring(s.endWithTrailing(), le).isBlank()) {
                return null;
            }
            starts[i] = ls;
            ends[i] = le;
        }
        for (int i = 1; i < n; i++) {
            if (starts[i] < ends[i - 1]) {
                return null;
            }
        }
        java.util.IdentityHashMap<Cst.Stmt, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(slots.get(i), i);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(t, ends[i - 1], starts[i]);
            }
            int j = index.get(sorted.get(i));
            sb.append(t, starts[j], ends[j]);
        }
        return new TextEdit(m.span(starts[0], ends[n - 1]), sb.toString());
    }
}
