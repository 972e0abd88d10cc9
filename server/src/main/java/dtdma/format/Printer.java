package dtdma.format;

import dtdma.format.Cst.Kind;
import dtdma.format.Cst.Stmt;
import dtdma.format.Scanner.Tok;
import dtdma.format.Scanner.Trivia;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Lays a {@link Cst} out in the kernel's style; see {@link DtsFormatter} for the rules. */
final class Printer {
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+[uUlL]*");
    private static final Pattern HEX_BYTES = Pattern.compile("[0-9a-fA-F]+");

    private final String src;
    private final FormatOptions o;
    private final EntryHints hints;
    private final List<String> lines = new ArrayList<>();
    /** The line being built (not yet in {@link #lines}). */
    private StringBuilder cur;

    Printer(String src, FormatOptions o, EntryHints hints) {
        this.src = src;
        this.o = o;
        this.hints = hints;
    }

    String print(Cst.File f) {
        body(f.items, 0, true, null, null);
        List<Trivia> end = f.endTrivia;
        for (int k = 0; k < end.size(); k++) {
            Trivia t = end.get(k);
            boolean firstPiece = k == 0;
            boolean blank = firstPiece ? !lines.isEmpty() || cur != null ? t.nlBefore >= 2 : false : t.nlBefore >= 2;
            piece(t, 0, blank, firstPiece || t.nlBefore > 0 || cur == null);
        }
        flush();
        // no trailing whitespace, at most one blank line in a row, none at the start or the end
        StringBuilder sb = new StringBuilder();
        boolean prevBlank = true;
        for (String l : lines) {
            String t = stripTrailing(l);
            boolean blank = t.isEmpty();
            if (blank && prevBlank) {
                continue;
            }
            sb.append(t).append('\n');
            prevBlank = blank;
        }
        while (sb.length() >= 2 && sb.charAt(sb.length() - 1) == '\n' && sb.charAt(sb.length() - 2) == '\n') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    private static String stripTrailing(String l) {
        int e = l.length();
        while (e > 0 && (l.charAt(e - 1) == ' ' || l.charAt(e - 1) == '\t' || l.charAt(e - 1) == '\f'
                || l.charAt(e - 1) == '\u000B' || l.charAt(e - 1) == '\r')) {
            e--;
        }
        return l.substring(0, e);
    }

    // ------------------------------------------------------------------ lines and columns

    private void flush() {
        if (cur != null) {
            lines.add(cur.toString());
            cur = null;
        }
    }

    private void newLine(String indent) {
        flush();
        cur = new StringBuilder(indent);
    }

    private void blankLine() {
        flush();
        lines.add("");
    }

    /** Appends text that may hold newlines (a verbatim comment or directive). */
    private void appendRaw(String text) {
        int nl = text.indexOf('\n');
        if (nl < 0) {
            cur.append(text);
            return;
        }
        cur.append(text, 0, nl);
        int from = nl + 1;
        while (true) {
            flush();
            int e = text.indexOf('\n', from);
            cur = new StringBuilder(e < 0 ? text.substring(from) : text.substring(from, e));
            if (e < 0) {
                return;
            }
            from = e + 1;
        }
    }

    private String indent(int depth) {
        return o.useTabs() ? "\t".repeat(depth) : " ".repeat(depth * o.indentWidth());
    }

    /** Whitespace reaching column {@code col}: tabs, then spaces to align (or only spaces). */
    private String pad(int col) {
        if (!o.useTabs()) {
            return " ".repeat(col);
        }
        return "\t".repeat(col / o.tabWidth()) + " ".repeat(col % o.tabWidth());
    }

    private boolean sameAlignment(String ws, int col) {
        if (ws.isEmpty() || width(ws) != col) {
            return false;
        }
        if (!o.useTabs()) {
            return ws.indexOf('\t') < 0;
        }
        int i = 0;
        while (i < ws.length() && ws.charAt(i) == '\t') {
            i++;
        }
        // tabs for the statement's indentation at least, then spaces only
        return i >= 1 && ws.substring(i).chars().allMatch(c -> c == ' ');
    }

    int width(CharSequence s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\t') {
                c = (c / o.tabWidth() + 1) * o.tabWidth();
            } else if (ch == '\n') {
                c = 0;
            } else if (!Character.isLowSurrogate(ch)) {
                c++;
            }
        }
        return c;
    }

    private int col() {
        String s = cur.toString();
        int nl = s.lastIndexOf('\n');
        return width(nl < 0 ? s : s.substring(nl + 1));
    }

    // ------------------------------------------------------------------ bodies

    private static boolean isNode(Stmt s) {
        return s.kind == Kind.NODE;
    }

    private boolean endsWithOpeningConditional() {
        String last = cur != null ? cur.toString() : lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String t = last.strip();
        if (!t.startsWith("#")) {
            return false;
        }
        t = t.substring(1).strip();
        return t.startsWith("if") || t.startsWith("else") || t.startsWith("elif");
    }

    private static boolean opensConditional(String directive) {
        String t = directive.substring(1).strip();
        return t.startsWith("if") || t.startsWith("else") || t.startsWith("elif");
    }

    /** A {@code status} property after which only nodes follow, with a property before it. */
    private static boolean isTrailingStatus(List<Stmt> items, int i) {
        Stmt s = items.get(i);
        if (s.kind != Kind.PROPERTY || !s.name().equals("status") || i == 0) {
            return false;
        }
        Stmt prev = items.get(i - 1);
        if (prev.kind == Kind.NODE) {
            return false;
        }
        for (int k = i + 1; k < items.size(); k++) {
            if (items.get(k).kind != Kind.NODE) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param regCells {@code #address-cells} and {@code #size-cells} that apply to a {@code reg} in these items (those
     *                 of the parent of the node whose body this is), when set as plain numbers in this file; or null
     * @param ownCells those the node whose body this is sets for its children, or null
     */
    private void body(List<Stmt> items, int depth, boolean top, int[] regCells, int[] ownCells) {
        for (int i = 0; i < items.size(); i++) {
            Stmt s = items.get(i);
            boolean first = i == 0;
            boolean force = !first && (isNode(s) || isTrailingStatus(items, i));
            // the forced blank line goes after directives that end something (#endif, #include, #define)
            int at = 0;
            for (int k = 0; k < s.leading.size(); k++) {
                if (s.leading.get(k).kind == Scanner.TriviaKind.DIRECTIVE && !opensConditional(s.leading.get(k).text)) {
                    at = k + 1;
                }
            }
            for (int k = 0; k < s.leading.size(); k++) {
                Trivia t = s.leading.get(k);
                boolean blank = t.nlBefore >= 2 && !(first && k == 0);
                if (k == at && force && !endsWithOpeningConditional()) {
                    blank = true;
                }
                piece(t, depth, blank, k == 0 || t.nlBefore > 0);
            }
            Tok firstTok = firstToken(s);
            boolean blank;
            boolean newLine;
            boolean forcedHere = at == s.leading.size() && force && !endsWithOpeningConditional();
            if (s.leading.isEmpty()) {
                blank = !first && (firstTok.nl >= 2 || forcedHere);
                newLine = true;
            } else {
                blank = firstTok.nl >= 2 || forcedHere;
                newLine = firstTok.nl > 0 || s.leading.get(s.leading.size() - 1).kind != Scanner.TriviaKind.BLOCK_COMMENT;
            }
            if (blank) {
                blankLine();
            }
            if (newLine) {
                newLine(indent(depth));
            } else {
                cur.append(' ');
            }
            stmt(s, depth, regCells, ownCells);
        }
    }

    private static Tok firstToken(Stmt s) {
        if (!s.prefix.isEmpty()) {
            return s.prefix.get(0);
        }
        return s.keyword != null ? s.keyword : s.name;
    }

    /** A comment or directive among the statements. */
    private void piece(Trivia t, int depth, boolean blank, boolean ownLine) {
        if (blank) {
            blankLine();
        }
        if (t.kind == Scanner.TriviaKind.DIRECTIVE) {
            newLine(t.wsBefore);
            appendRaw(t.text);
            return;
        }
        if (ownLine || cur == null) {
            newLine(indent(depth));
            appendRaw(reindent(t, indent(depth)));
        } else {
            cur.append(t.wsBefore.isEmpty() ? " " : t.wsBefore);
            appendRaw(t.text);
        }
    }

    /** A multi-line comment on a line of its own: continuation lines move with its first line. */
    private String reindent(Trivia t, String newIndent) {
        if (t.text.indexOf('\n') < 0) {
            return t.text;
        }
        int ls = src.lastIndexOf('\n', t.start - 1) + 1;
        String before = src.substring(ls, t.start);
        String oldIndent = before.isBlank() ? before : leadingWs(before);
        String[] parts = t.text.split("\n", -1);
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append('\n');
            String l = parts[i];
            if (!oldIndent.isEmpty() && l.startsWith(oldIndent)) {
                sb.append(newIndent).append(l, oldIndent.length(), l.length());
            } else if (oldIndent.isEmpty() && !newIndent.isEmpty() && !l.isBlank()) {
                sb.append(newIndent).append(l);
            } else {
                sb.append(l);
            }
        }
        return sb.toString();
    }

    private static String leadingWs(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(0, i);
    }

    private void trailing(List<Trivia> tr) {
        for (Trivia t : tr) {
            cur.append(t.wsBefore.isEmpty() ? " " : t.wsBefore);
            appendRaw(t.text);
        }
    }

    // ------------------------------------------------------------------ statements

    private void prefix(Stmt s) {
        for (Tok t : s.prefix) {
            cur.append(t.text).append(' ');
        }
    }

    private void stmt(Stmt s, int depth, int[] regCells, int[] ownCells) {
        prefix(s);
        switch (s.kind) {
            case HEADER -> cur.append(s.keyword.text).append(';');
            case MEMRESERVE -> {
                cur.append(s.keyword.text);
                for (Tok t : s.value) {
                    cur.append(' ').append(lowerHex(t.text, false));
                }
                cur.append(';');
            }
            case DTC_INCLUDE -> cur.append(s.keyword.text).append(' ').append(s.value.get(0).text);
            case DELETE_NODE, DELETE_PROPERTY -> cur.append(s.keyword.text).append(' ').append(s.name.text).append(';');
            case OMIT_REF -> cur.append(s.name.text).append(';');
            case PROPERTY -> {
                cur.append(s.name.text);
                if (!s.value.isEmpty()) {
                    cur.append(" =");
                    value(s, depth, s.name.text.equals("reg") ? regCells : null);
                }
                cur.append(';');
            }
            case NODE -> {
                cur.append(s.name.text);
                for (Trivia t : s.headComments) {
                    cur.append(' ').append(t.text);
                }
                cur.append(" {");
                if (s.children.isEmpty() && s.closeLeading.isEmpty() && s.openTrailing.isEmpty()) {
                    if (s.close.start > s.open.end) {
                        cur.append(' ');
                    }
                    cur.append("};");
                } else {
                    trailing(s.openTrailing);
                    // an override's parent is elsewhere; a PCI-style unit address ("@2,3") has its own rules
                    boolean known = !s.name.text.startsWith("&") && s.name.text.indexOf(',', Math.max(0,
                            s.name.text.indexOf('@'))) < 0;
                    body(s.children, depth + 1, false, known ? ownCells : null, cellsOf(s));
                    for (int k = 0; k < s.closeLeading.size(); k++) {
                        Trivia t = s.closeLeading.get(k);
                        boolean blank = t.nlBefore >= 2 && !(k == 0 && s.children.isEmpty());
                        piece(t, depth + 1, blank, k == 0 || t.nlBefore > 0);
                    }
                    newLine(indent(depth));
                    cur.append("};");
                }
            }
            default -> throw new IllegalStateException(s.kind.name());
        }
        trailing(s.trailing);
    }

    static String lowerHex(String w, boolean bytes) {
        if (bytes) {
            return HEX_BYTES.matcher(w).matches() ? w.toLowerCase(java.util.Locale.ROOT) : w;
        }
        if (w.length() > 2 && w.charAt(0) == '0' && (w.charAt(1) == 'x' || w.charAt(1) == 'X') && HEX.matcher(w).matches()) {
            int e = w.length();
            while (e > 2 && "uUlL".indexOf(w.charAt(e - 1)) >= 0) {
                e--;
            }
            return w.substring(0, e).toLowerCase(java.util.Locale.ROOT) + w.substring(e);
        }
        return w;
    }

    // ------------------------------------------------------------------ values

    enum AT { ATOM, OPEN, CLOSE, COMMA, BLOCK_COMMENT, LINE_COMMENT, SEMI }

    static final class Atom {
        final AT type;
        final String text;
        boolean nl;
        final String ws;
        final boolean inGroup;
        /** Offset of the source text of an ATOM (its first token), or -1. */
        int start = -1;

        Atom(AT type, String text, boolean nl, String ws, boolean inGroup) {
            this.type = type;
            this.text = text;
            this.nl = nl;
            this.ws = ws;
            this.inGroup = inGroup;
        }

        Atom at(int offset) {
            start = offset;
            return this;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("0[xX][0-9a-fA-F]+|[0-9]+");

    /** The node's own {@code #address-cells} and {@code #size-cells} when both are written as {@code <N>}. */
    private static int[] cellsOf(Stmt node) {
        int ac = -1;
        int sc = -1;
        for (Stmt c : node.children) {
            if (c.kind != Kind.PROPERTY || c.value.size() != 3 || !c.value.get(0).is("<") || !c.value.get(2).is(">")
                    || !NUMBER.matcher(c.value.get(1).text).matches()) {
                continue;
            }
            String t = c.value.get(1).text;
            int v;
            try {
                v = t.length() > 2 && (t.charAt(1) == 'x' || t.charAt(1) == 'X') ? Integer.parseInt(t.substring(2), 16)
                        : Integer.parseInt(t);
            } catch (NumberFormatException e) {
                continue;
            }
            if (c.name.text.equals("#address-cells")) {
                ac = v;
            } else if (c.name.text.equals("#size-cells")) {
                sc = v;
            }
        }
        return ac >= 0 && sc >= 0 && ac + sc > 0 && ac + sc <= 8 ? new int[] {ac, sc} : null;
    }

    /**
     * {@code reg = <a b c d>} with two cells per entry becomes {@code <a b>, <c d>} (by {@link #splitByHint}'s
     * rules), when no hint is given: only for one {@code <...>} of plain numbers.
     */
    private static List<Atom> splitEntries(List<Atom> atoms, int per) {
        int n = atoms.size();
        if (n < 4 || atoms.get(0).type != AT.OPEN || !atoms.get(0).text.equals("<") || atoms.get(n - 2).type != AT.CLOSE
                || atoms.get(n - 1).type != AT.SEMI || per < 2) {
            return atoms;
        }
        List<Atom> cells = atoms.subList(1, n - 2);
        if (cells.size() < 2 * per || cells.size() % per != 0) {
            return atoms;
        }
        int[] starts = new int[cells.size()];
        for (int i = 0; i < starts.length; i++) {
            Atom a = cells.get(i);
            if (a.type != AT.ATOM || !NUMBER.matcher(a.text).matches()) {
                return atoms;
            }
            starts[i] = a.start;
        }
        int[] sizes = new int[cells.size() / per];
        java.util.Arrays.fill(sizes, per);
        return splitByHint(atoms, new EntryHints.Entries("reg", starts, sizes));
    }

    /**
     * Each entry of an array in its own {@code <...>}, where the hint says where the entries start: only when the
     * value is nothing but {@code <...>} groups of cells (no comment, label, {@code /bits/}, string or byte string),
     * each written cell is exactly one cell of the hint (a macro that stands for several cells, or none, leaves
     * the value as it is), and a group starts and ends on entry boundaries. A group is split when it holds two
     * entries or more, one of them with two cells or more, and the author's line breaks in it fall between
     * entries. The bytes are the same for dtc: {@code <a b>, <c d>} is {@code <a b c d>}.
     */
    static List<Atom> splitByHint(List<Atom> atoms, EntryHints.Entries e) {
        int n = atoms.size();
        List<Atom> cells = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        int k = 0;
        while (k < n - 1) {
            if (atoms.get(k).type != AT.OPEN || !atoms.get(k).text.equals("<")) {
                return atoms;
            }
            int first = cells.size();
            int j = k + 1;
            for (; j < n - 1 && atoms.get(j).type == AT.ATOM; j++) {
                Atom a = atoms.get(j);
                if (a.start < 0 || a.text.endsWith(":")) {
                    return atoms;
                }
                cells.add(a);
            }
            if (j >= n - 1 || atoms.get(j).type != AT.CLOSE || !atoms.get(j).text.equals(">") || cells.size() == first) {
                return atoms;
            }
            groups.add(new int[] {k, first, cells.size()});
            k = j + 1;
            if (k < n - 1) {
                if (atoms.get(k).type != AT.COMMA) {
                    return atoms;
                }
                k++;
            }
        }
        if (k != n - 1 || atoms.get(n - 1).type != AT.SEMI || atoms.get(n - 1).nl) {
            return atoms;
        }
        int[] starts = e.cellStarts();
        if (starts.length != cells.size()) {
            return atoms;
        }
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] != cells.get(i).start) {
                return atoms;
            }
        }
        // entry of each cell boundary: entryStart[c] when cell c starts an entry
        boolean[] entryStart = new boolean[cells.size() + 1];
        int[] sizeAt = new int[cells.size() + 1];
        int c = 0;
        for (int size : e.entrySizes()) {
            if (size <= 0 || c + size > cells.size()) {
                return atoms;
            }
            entryStart[c] = true;
            sizeAt[c] = size;
            c += size;
        }
        if (c != cells.size()) {
            return atoms;
        }
        entryStart[c] = true;
        List<Atom> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int[] gr = groups.get(g);
            int from = gr[1];
            int to = gr[2];
            Atom open = atoms.get(gr[0]);
            // a group opened with '<' at the end of a line is a block the author laid out: kept
            boolean split = entryStart[from] && entryStart[to] && !cells.get(from).nl;
            int entries = 0;
            boolean wide = false;
            for (int i = from; split && i < to; i++) {
                if (entryStart[i]) {
                    entries++;
                    wide |= sizeAt[i] >= 2;
                } else if (cells.get(i).nl) {
                    split = false; // the author broke the line inside an entry
                }
            }
            split &= entries >= 2 && wide;
            if (g > 0) {
                out.add(atoms.get(gr[0] - 1)); // the comma before this group
            }
            if (!split) {
                out.addAll(atoms.subList(gr[0], gr[0] + 2 + (to - from)));
                continue;
            }
            for (int i = from; i < to; i++) {
                Atom x = cells.get(i);
                if (entryStart[i]) {
                    if (i > from) {
                        out.add(new Atom(AT.CLOSE, ">", false, "", false));
                        out.add(new Atom(AT.COMMA, ",", false, "", false));
                    }
                    out.add(new Atom(AT.OPEN, "<", i == from ? open.nl : x.nl, i == from ? open.ws : x.ws, false));
                    out.add(new Atom(AT.ATOM, x.text, false, x.ws, true).at(x.start));
                } else {
                    out.add(x);
                }
            }
            out.add(atoms.get(gr[0] + 1 + (to - from)));
        }
        out.add(atoms.get(n - 1));
        return out;
    }

    /** Source text of tokens a..b (inclusive) with hex literals in lowercase. */
    private String verbatim(List<Tok> v, int a, int b, boolean bytes) {
        StringBuilder sb = new StringBuilder();
        int pos = v.get(a).start;
        for (int k = a; k <= b; k++) {
            Tok t = v.get(k);
            sb.append(src, pos, t.start);
            sb.append(t.kind == Scanner.Kind.WORD ? lowerHex(t.text, bytes) : t.text);
            pos = t.end;
        }
        return sb.toString();
    }

    private List<Atom> atoms(Stmt s) {
        List<Tok> v = s.value;
        List<Atom> out = new ArrayList<>();
        int depth = 0;
        boolean bytes = false;
        for (int k = 0; k < v.size(); k++) {
            Tok t = v.get(k);
            comments(t, out, depth > 0);
            boolean nl = t.nl > 0;
            if (t.is("(") || (t.kind == Scanner.Kind.WORD && k + 1 < v.size() && v.get(k + 1).is("(")
                    && v.get(k + 1).start == t.end)) {
                int open = t.is("(") ? k : k + 1;
                int level = 0;
                int j = open;
                for (; j < v.size(); j++) {
                    if (v.get(j).is("(")) {
                        level++;
                    } else if (v.get(j).is(")")) {
                        level--;
                        if (level == 0) {
                            break;
                        }
                    }
                }
                if (j >= v.size()) {
                    throw new FormatException("unbalanced '(' in a property value", t.start);
                }
                out.add(new Atom(AT.ATOM, verbatim(v, k, j, bytes), nl, t.wsBefore, depth > 0).at(t.start));
                k = j;
                continue;
            }
            if (t.is("<") || t.is("[")) {
                out.add(new Atom(AT.OPEN, t.text, nl, t.wsBefore, depth > 0));
                depth++;
                bytes = t.is("[");
            } else if (t.is(">") || t.is("]")) {
                if (depth == 0) {
                    throw new FormatException("unbalanced '" + t.text + "' in a property value", t.start);
                }
                depth--;
                bytes = false;
                out.add(new Atom(AT.CLOSE, t.text, nl, t.wsBefore, depth > 0));
            } else if (t.is(",") && depth == 0) {
                out.add(new Atom(AT.COMMA, ",", nl, t.wsBefore, false));
            } else if (t.kind == Scanner.Kind.PUNCT && !t.is("/") && !t.is("&")) {
                throw new FormatException("unexpected '" + t.text + "' in a property value", t.start);
            } else {
                String text = t.kind == Scanner.Kind.WORD ? lowerHex(t.text, bytes) : t.text;
                out.add(new Atom(AT.ATOM, text, nl, t.wsBefore, depth > 0).at(t.start));
            }
        }
        if (depth != 0) {
            throw new FormatException("unclosed '<' or '[' in a property value", v.get(0).start);
        }
        comments(s.semi, out, false);
        boolean afterLine = !out.isEmpty() && out.get(out.size() - 1).type == AT.LINE_COMMENT;
        out.add(new Atom(AT.SEMI, ";", afterLine, "", false));
        return out;
    }

    private static void comments(Tok t, List<Atom> out, boolean inGroup) {
        for (Trivia tr : t.trivia) {
            out.add(new Atom(tr.kind == Scanner.TriviaKind.LINE_COMMENT ? AT.LINE_COMMENT : AT.BLOCK_COMMENT, tr.text,
                    tr.nlBefore > 0, tr.wsBefore, inGroup));
        }
    }

    /** Renders the value after "name =", then the ';' is appended by the caller (removed from the atoms here). */
    private void value(Stmt s, int depth, int[] regCells) {
        List<Atom> atoms = atoms(s);
        EntryHints.Entries e = hints.at(s.name.start);
        if (e != null && e.name().equals(s.name.text)) {
            atoms = splitByHint(atoms, e);
        } else if (regCells != null) {
            atoms = splitEntries(atoms, regCells[0] + regCells[1]);
        }
        String head = cur.toString();
        int stmtIndentCol = width(indent(depth));
        String body = null;
        // only a value written on one line is split: breaks the author chose are kept as they are
        boolean oneLine = atoms.stream().noneMatch(a -> a.nl);
        for (int iter = 0; iter <= Math.min(atoms.size(), 500); iter++) {
            Rendered r = render(atoms, head, stmtIndentCol);
            body = r.text;
            int fix = oneLine ? r.breakAt(o.lineWidth()) : -1;
            if (fix < 0) {
                break;
            }
            atoms.get(fix).nl = true;
        }
        // the caller appends ';'
        cur.setLength(0);
        appendRaw(body.substring(0, body.length() - 1));
    }

    private final class Rendered {
        final String text;
        /** For every top-level comma: its atom index, its line, and the column after it. */
        final List<int[]> commas;
        final List<Integer> lineWidths;
        final List<Boolean> nextOnSameLine;

        Rendered(String text, List<int[]> commas, List<Integer> lineWidths, List<Boolean> nextOnSameLine) {
            this.text = text;
            this.commas = commas;
            this.lineWidths = lineWidths;
            this.nextOnSameLine = nextOnSameLine;
        }

        /** The atom that should start a new line to shorten the first too long line, or -1. */
        int breakAt(int limit) {
            for (int line = 0; line < lineWidths.size(); line++) {
                if (lineWidths.get(line) <= limit) {
                    continue;
                }
                int best = -1;
                int firstOnLine = -1;
                for (int c = 0; c < commas.size(); c++) {
                    int[] cm = commas.get(c);
                    if (cm[1] != line || !nextOnSameLine.get(c)) {
                        continue;
                    }
                    if (firstOnLine < 0) {
                        firstOnLine = cm[0] + 1;
                    }
                    if (cm[2] <= limit) {
                        best = cm[0] + 1;
                    }
                }
                int pick = best >= 0 ? best : firstOnLine;
                if (pick >= 0) {
                    return pick;
                }
            }
            return -1;
        }
    }

    private Rendered render(List<Atom> atoms, String head, int stmtIndentCol) {
        StringBuilder sb = new StringBuilder(head);
        List<int[]> commas = new ArrayList<>();
        List<Boolean> nextSame = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        int line = 0;
        int lineStart = 0;
        int unit = o.unitColumns();
        int base = -1;
        List<int[]> stack = new ArrayList<>();
        int lineIndentCol = stmtIndentCol;
        Atom prev = null;
        for (int k = 0; k < atoms.size(); k++) {
            Atom a = atoms.get(k);
            boolean nl = a.nl && (prev != null || a.type != AT.SEMI);
            if (prev != null && prev.type == AT.LINE_COMMENT) {
                nl = true;
            }
            if (a.type == AT.SEMI && (prev == null || prev.type != AT.LINE_COMMENT)) {
                nl = false;
            }
            if (nl) {
                int target;
                if (k == 0) {
                    base = stmtIndentCol + unit;
                    target = base;
                } else if (stack.isEmpty()) {
                    target = base;
                } else {
                    int[] g = stack.get(stack.size() - 1);
                    target = a.type == AT.CLOSE ? g[1] : g[0];
                }
                widths.add(width(sb.substring(lineStart)));
                sb.append('\n');
                line++;
                lineStart = sb.length();
                // the author's own alignment is kept when it reaches the same column the same way (tabs, then spaces)
                sb.append(sameAlignment(a.ws, target) ? a.ws : pad(target));
                lineIndentCol = target;
            } else if (prev == null) {
                sb.append(' ');
            } else if (a.type == AT.BLOCK_COMMENT || a.type == AT.LINE_COMMENT) {
                sb.append(a.ws.isEmpty() ? " " : a.ws);
            } else if (prev.type == AT.OPEN || a.type == AT.CLOSE || a.type == AT.COMMA || a.type == AT.SEMI) {
                if (prev.type == AT.BLOCK_COMMENT && (a.type == AT.COMMA || a.type == AT.SEMI || a.type == AT.CLOSE)) {
                    sb.append(' ');
                }
            } else if (a.type == AT.BLOCK_COMMENT || a.type == AT.LINE_COMMENT) {
                sb.append(a.ws.isEmpty() ? " " : a.ws);
            } else if (a.inGroup && prev.inGroup && (a.ws.indexOf('\t') >= 0 || a.ws.length() > 1)
                    && prev.type != AT.BLOCK_COMMENT) {
                sb.append(a.ws);
            } else {
                sb.append(' ');
            }
            if (k == 0 && base < 0) {
                base = width(sb.substring(lineStart));
            }
            if (prev != null && prev.type == AT.COMMA) {
                nextSame.set(nextSame.size() - 1, !nl);
            }
            int colBefore = width(sb.substring(lineStart));
            sb.append(a.type == AT.BLOCK_COMMENT || a.type == AT.LINE_COMMENT ? a.text : a.text);
            if (a.text.indexOf('\n') >= 0) {
                widths.add(width(sb.substring(lineStart, sb.indexOf("\n", lineStart))));
                lineStart = sb.lastIndexOf("\n") + 1;
                line += count(a.text, '\n');
                for (int w = 1; w < count(a.text, '\n'); w++) {
                    widths.add(0);
                }
            }
            if (a.type == AT.OPEN) {
                boolean block = false;
                for (int j = k + 1; j < atoms.size(); j++) {
                    Atom x = atoms.get(j);
                    if (x.nl || x.type == AT.LINE_COMMENT) {
                        block = true;
                        break;
                    }
                    if (x.type != AT.BLOCK_COMMENT) {
                        break;
                    }
                }
                stack.add(block ? new int[] {lineIndentCol + unit, lineIndentCol} : new int[] {colBefore + 1, colBefore});
            } else if (a.type == AT.CLOSE && !stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            } else if (a.type == AT.COMMA && stack.isEmpty()) {
                commas.add(new int[] {k, line, width(sb.substring(lineStart))});
                nextSame.add(Boolean.TRUE);
            }
            prev = a;
        }
        widths.add(width(sb.substring(lineStart)));
        return new Rendered(sb.toString(), commas, widths, nextSame);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
