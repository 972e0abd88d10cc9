package dtdma.features;

import dtdma.text.Cancel;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaProvider;
import dtdma.dma.DmaSpecifier;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes for diagnostics of a file, by code: DT002 add {@code dma-names}; DT003 drop extra names or add
 * missing ones; DT007 pad short specifiers with 0 cells or drop extra cells; DT008 enable the disabled
 * controller (an override in the board, or the status where it is set); DTS001 insert the missing
 * {@code ;}, {@code >}, {@code )}, {@code ]} or {@code }}; dtc's checks: see {@link DtcFixes}. Each fix is a set
 * of text edits by file.
 */
public final class CodeActionFeature {
    private static final Pattern MISSING = Pattern.compile("^expected '([;>)\\]}])'");

    /** A fix: its title, the diagnostic it fixes, and the edits by file. */
    public record Action(String title, Diagnostic diagnostic, Map<SourceFile, List<TextEdit>> edits, boolean preferred) {
    }

    private CodeActionFeature() {
    }

    /** The fixes for every diagnostic of the file that touches {@code [from, to]}. */
    public static List<Action> actions(Analysis a, SourceFile file, int from, int to) {
        return actions(a, file, from, to, Cancel.NONE);
    }

    /** The fixes, polling {@code cancel} per diagnostic. */
    public static List<Action> actions(Analysis a, SourceFile file, int from, int to, Cancel cancel) {
        List<Action> out = new ArrayList<>();
        Set<Integer> closed = new java.util.HashSet<>();
        cancel.check();
        for (Diagnostic d : a.result().diagnostics()) {
            cancel.check();
            Span s = d.span();
            if (s == null || s.fileId() != file.id() || s.start() > to || s.end() < from) {
                continue;
            }
            try {
                fixes(a, file, d, out, closed);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(CodeActionFeature.class.getName())
                        .log(java.util.logging.Level.FINE, "no fix for " + d, e);
            }
        }
        return out;
    }

    private static void fixes(Analysis a, SourceFile file, Diagnostic d, List<Action> out, Set<Integer> closed) {
        Code c = d.code();
        if (c == Code.DTS001) {
            Matcher m = MISSING.matcher(d.message());
            if (m.find()) {
                out.add(one("Insert '" + m.group(1) + "'", d, file, new TextEdit(Span.at(file.id(), d.span().start()),
                        m.group(1)), true));
            } else {
                closeCells(file, d, out, closed);
            }
        } else if (c == Code.DT002) {
            DmaConsumer con = consumer(a, d.span());
            if (con != null) {
                addNames(file, d, con, out);
            }
        } else if (c == Code.DT003) {
            DmaConsumer con = consumer(a, d.span());
            if (con != null) {
                fixNameCount(file, d, con, out);
            }
        } else if (c == Code.DT007) {
            DmaConsumer con = consumer(a, d.span());
            if (con != null) {
                fixCells(a, file, d, con, out);
            }
        } else if (c == Code.DT008) {
            enableController(a, d, out);
        } else if (c == Code.BND002) {
            Action fix = BindingHelpFeature.addRequired(a, file, d);
            if (fix != null) {
                out.add(fix);
            }
        } else if (d.subject() != null && d.subject().dtcCheck() != null) {
            DtcFixes.add(a, d, out);
        }
    }

    /**
     * A syntax error inside a cell list opened on an earlier line (a half-typed {@code <&ctl 1} followed by the
     * next property): close the list where its line ends, once per list.
     */
    private static void closeCells(SourceFile file, Diagnostic d, List<Action> out, Set<Integer> closed) {
        TextContext tc = TextContext.at(file.text(), d.span().start());
        if (tc.cellsStart < 0 || tc.inString || tc.inComment) {
            return;
        }
        String t = file.text();
        int eol = t.indexOf('\n', tc.cellsStart);
        if (eol < 0 || eol >= d.span().start()) {
            return;
        }
        int end = eol;
        while (end > tc.cellsStart && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        if (closed.add(end)) {
            out.add(one("Close the cell list with '>;'", d, file, new TextEdit(new Span(file.id(), end, eol), ">;"),
                    true));
        }
    }

    private static Action one(String title, Diagnostic d, SourceFile f, TextEdit e, boolean preferred) {
        Map<SourceFile, List<TextEdit>> m = new LinkedHashMap<>();
        m.put(f, List.of(e));
        return new Action(title, d, m, preferred);
    }

    /** The consumer whose {@code dmas} or {@code dma-names} definition holds the span. */
    private static DmaConsumer consumer(Analysis a, Span s) {
        for (DmaConsumer c : a.dma().consumers()) {
            for (Property p : new Property[] {c.dmas(), c.namesProperty()}) {
                if (p != null && p.definition() != null && p.definition().span().fileId() == s.fileId()
                        && p.definition().span().start() <= s.start() && s.end() <= p.definition().span().end()) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Names for {@code n} specifiers: the existing ones, then rx, tx, then dma2, dma3, ... not yet taken. */
    static List<String> guessNames(List<String> existing, int n) {
        List<String> out = new ArrayList<>(existing.subList(0, Math.min(existing.size(), n)));
        Set<String> taken = new LinkedHashSet<>(out);
        List<String> pool = new ArrayList<>(List.of("rx", "tx"));
        for (int i = 2; i < n + 2; i++) {
            pool.add("dma" + i);
        }
        for (String p : pool) {
            if (out.size() >= n) {
                break;
            }
            if (taken.add(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
        }
        return sb.toString();
    }

    private static void addNames(SourceFile file, Diagnostic d, DmaConsumer c, List<Action> out) {
        int n = c.specifiers().size();
        if (n == 0) {
            return;
        }
        List<String> names = guessNames(List.of(), n);
        String title = "Add dma-names = " + quoted(names);
        Property np = c.namesProperty();
        if (np != null && np.definition() != null) {
            Ast.PropDef def = np.definition();
            if (def.span().fileId() != file.id()) {
                return;
            }
            if (def.value().isEmpty()) {
                out.add(one(title, d, file, new TextEdit(def.nameSpan(), "dma-names = " + quoted(names)), true));
            } else {
                Span v = valueSpan(def);
                out.add(one(title, d, file, new TextEdit(v, quoted(names)), true));
            }
            return;
        }
        Ast.PropDef dmas = c.dmas().definition();
        if (dmas == null || dmas.span().fileId() != file.id()) {
            return;
        }
        String t = file.text();
        int end = dmas.span().end();
        if (end == 0 || t.charAt(end - 1) != ';') {
            int semi = t.indexOf(';', end);
            int nl = t.indexOf('\n', end);
            if (semi < 0 || (nl >= 0 && nl < semi)) {
                return;
            }
            end = semi + 1;
        }
        String indent = indentOf(t, dmas.span().start());
        out.add(one(title, d, file, new TextEdit(Span.at(file.id(), end),
                "\n" + indent + "dma-names = " + quoted(names) + ";"), true));
    }

    private static String indentOf(String t, int offset) {
        int ls = t.lastIndexOf('\n', offset - 1) + 1;
        int i = ls;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        return t.substring(ls, i);
    }

    private static Span valueSpan(Ast.PropDef def) {
        Span first = def.value().get(0).span();
        Span last = def.value().get(def.value().size() - 1).span();
        return new Span(first.fileId(), first.start(), last.end());
    }

    private static void fixNameCount(SourceFile file, Diagnostic d, DmaConsumer c, List<Action> out) {
        Property np = c.namesProperty();
        if (np == null || np.definition() == null || np.definition().value().isEmpty()
                || np.definition().span().fileId() != file.id()) {
            return;
        }
        Span v = valueSpan(np.definition());
        if (v.fileId() != file.id() || file.text().charAt(v.start()) != '"') {
            return;
        }
        int specs = c.specifiers().size();
        List<String> names = c.names();
        if (names.size() > specs) {
            List<String> keep = names.subList(0, specs);
            out.add(one("Remove the extra dma-names (keep " + quoted(keep) + ")", d, file,
                    new TextEdit(v, quoted(keep)), true));
        } else if (names.size() < specs) {
            List<String> all = guessNames(names, specs);
            out.add(one("Add the missing dma-names " + quoted(all.subList(names.size(), all.size())), d, file,
                    new TextEdit(v, quoted(all)), true));
        }
    }

    private static void fixCells(Analysis a, SourceFile file, Diagnostic d, DmaConsumer c, List<Action> out) {
        Ast.PropDef def = c.dmas().definition();
        if (def == null) {
            return;
        }
        List<Ast.CellItem> items = new ArrayList<>();
        for (Ast.Value v : def.value()) {
            if (v instanceof Ast.Cells cells) {
                for (Ast.CellItem i : cells.items()) {
                    if (!(i instanceof Ast.CellLabel)) {
                        items.add(i);
                    }
                }
            }
        }
        Set<Span> seen = new LinkedHashSet<>();
        for (Ast.CellItem i : items) {
            if (i.span().fileId() != file.id() || !seen.add(i.span())) {
                return; // written through a macro: the cells are not in this text
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        int pad = 0;
        int drop = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Ast.CellRef r)) {
                continue;
            }
            int j = i + 1;
            while (j < items.size() && !(items.get(j) instanceof Ast.CellRef)) {
                j++;
            }
            int args = j - i - 1;
            Node target = Lookup.target(a, r.ref());
            DmaProvider p = target == null ? null : a.dma().provider(target);
            if (p == null || p.cells() < 0) {
                continue;
            }
            int want = (int) p.cells();
            Span lastItem = items.get(j - 1).span();
            if (args < want) {
                edits.add(new TextEdit(Span.at(file.id(), lastItem.end()), " 0".repeat(want - args)));
                pad += want - args;
            } else if (args > want) {
                Span keepEnd = items.get(i + want).span();
                edits.add(new TextEdit(new Span(file.id(), keepEnd.end(), lastItem.end()), ""));
                drop += args - want;
            }
        }
        if (edits.isEmpty()) {
            return;
        }
        String title = pad > 0 && drop == 0 ? "Pad the dmas specifiers with " + pad + " zero cell(s)"
                : drop > 0 && pad == 0 ? "Remove " + drop + " extra cell(s) from the dmas specifiers"
                : "Fix the cell count of every dmas specifier";
        Map<SourceFile, List<TextEdit>> m = new LinkedHashMap<>();
        m.put(file, edits);
        out.add(new Action(title + " (check the values)", d, m, false));
    }

    private static void enableController(Analysis a, Diagnostic d, List<Action> out) {
        Node ctl = null;
        for (DmaConsumer c : a.dma().consumers()) {
            for (DmaSpecifier s : c.specifiers()) {
                if (d.span().equals(s.phandleSpan()) && s.controller() != null) {
                    ctl = s.controller();
                }
            }
        }
        if (ctl == null) {
            return;
        }
        SourceFile root = a.file(a.root());
        if (root != null && !ctl.labels().isEmpty() && dtdma.workspace.Boards.isBoard(a.root())) {
            String label = ctl.labels().get(0);
            String t = root.text();
            String sep = t.isEmpty() || t.endsWith("\n") ? "\n" : "\n\n";
            out.add(one("Enable " + label + " in " + root.path().getFileName() + " (&" + label
                    + " { status = \"okay\"; })", d, root, new TextEdit(Span.at(root.id(), t.length()),
                    sep + "&" + label + " {\n\tstatus = \"okay\";\n};\n"), true));
        }
        Property st = ctl.property("status");
        if (st != null && st.definition() != null && !st.definition().value().isEmpty()) {
            Span v = valueSpan(st.definition());
            SourceFile f = a.fileOf(v);
            if (f != null && v.end() <= f.text().length() && f.text().charAt(v.start()) == '"') {
                out.add(one("Set status = \"okay\" in " + f.path().getFileName(), d, f, new TextEdit(v, "\"okay\""),
                        false));
            }
        }
    }
}
