package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.source.IncludeResolver;
import dtdma.source.LoadResult;
import dtdma.source.SourceLoader;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The C-preprocessor subset the kernel's devicetree sources use, behaving like
 * {@code cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp} (GCC 12), plus dtc's {@code /include/}.
 * The result is a tree of {@link PpUnit}s whose text maps back to the original files. Included files are
 * reused through a {@link PpCache} when their content and the macro environment are the same.
 * One instance may be used by several threads at once.
 */
public final class Preprocessor {
    /** Marks an include skipped because of {@code #pragma once}. */
    private static final PpUnit NO_INCLUDE = new PpUnit(null, List.of(), List.of());

    /** Limits that keep hostile input from hanging or exhausting memory. */
    public record Options(int maxIncludeDepth, int maxExpansionDepth, long maxOutputChars, int maxExpansionTokens) {
        public static Options defaults() {
            return new Options(200, 1000, 64L << 20, 1 << 21);
        }

        /**
         * The work one top-level macro invocation may do, in tokens collected as arguments plus tokens
         * substituted (nested calls such as {@code I(I(...))} re-read their arguments at every level, so the
         * work grows with the square of the depth while the output stays small).
         */
        public long maxExpansionWork() {
            return 32L * maxExpansionTokens;
        }
    }

    /** A unit with the macro table as it was at the end of the board. */
    public record Result(PpUnit unit, MacroTable macros) {
    }

    private static final Set<String> DIRECTIVES = Set.of("define", "undef", "include", "include_next", "import", "if",
            "ifdef", "ifndef", "elif", "elifdef", "elifndef", "else", "endif", "line", "error", "warning", "pragma",
            "ident", "sccs", "assert", "unassert");

    private final SourceLoader loader;
    private final IncludeResolver resolver;
    private final PpCache cache;
    private final Options opts;

    public Preprocessor(SourceLoader loader, IncludeResolver resolver, PpCache cache) {
        this(loader, resolver, cache, Options.defaults());
    }

    public Preprocessor(SourceLoader loader, IncludeResolver resolver, PpCache cache, Options opts) {
        this.loader = loader;
        this.resolver = resolver;
        this.cache = cache == null ? new PpCache() : cache;
        this.opts = opts;
    }

    public PpCache cache() {
        return cache;
    }

    /** Preprocesses a board; {@code defines} maps a name (optionally {@code F(x)}) to its value (null = 1). */
    public PpUnit preprocess(SourceFile board, Map<String, String> defines) {
        return run(board, defines).unit();
    }

    /** Like {@link #preprocess} but also returns the final macro table (for hovers and completion). */
    public Result run(SourceFile board, Map<String, String> defines) {
        Run r = new Run(board);
        r.predefine(defines == null ? Map.of() : defines);
        PpUnit u = r.includeFile(board, 0, null, null);
        return new Result(u, r.macros);
    }

    /** The predefined macros of {@code cpp -undef -x assembler-with-cpp -D__DTS__}. */
    public static List<String> predefinedNames() {
        return List.of("__STDC__", "__STDC_HOSTED__", "__ASSEMBLER__", "__DTS__");
    }

    // ------------------------------------------------------------------------------------------------

    /** Token input for macro expansion. */
    private interface In {
        Tok next();

        boolean peekParen();

        void push(List<Tok> toks);
    }

    private static final class ListIn implements In {
        final ArrayDeque<Tok> q;

        ListIn(List<Tok> toks) {
            q = new ArrayDeque<>(toks);
        }

        @Override
        public Tok next() {
            return q.pollFirst();
        }

        @Override
        public boolean peekParen() {
            Tok t = q.peekFirst();
            return t != null && t.is("(");
        }

        @Override
        public void push(List<Tok> toks) {
            for (int i = toks.size() - 1; i >= 0; i--) {
                q.addFirst(toks.get(i));
            }
        }
    }

    /** State of one preprocessing run (one board). */
    private final class Run {
        /** Files being read by dtc's /include/ right now, to stop cycles. */
        final java.util.Set<Path> rawStack = new java.util.HashSet<>();
        final SourceFile board;
        final Path boardDir;
        final MacroTable macros = new MacroTable();
        final List<SourceFile> loaded = new ArrayList<>();
        final List<Object[]> stack = new ArrayList<>();
        final Set<Path> once = new HashSet<>();
        int uncacheable;
        int dtcIncludes;
        int counter;
        long outChars;
        boolean aborted;
        int ctxSeq = 1;

        Run(SourceFile board) {
            this.board = board;
            Path p = board.path() == null ? null : board.path().toAbsolutePath().getParent();
            this.boardDir = p;
        }

        void predefine(Map<String, String> defines) {
            for (String b : List.of("__FILE__", "__LINE__", "__COUNTER__", "__INCLUDE_LEVEL__", "__BASE_FILE__")) {
                macros.define(Macro.builtin(b));
            }
            defineText("__STDC__", "1");
            defineText("__STDC_HOSTED__", "1");
            defineText("__ASSEMBLER__", "1");
            defineText("__DTS__", "1");
            for (Map.Entry<String, String> e : defines.entrySet()) {
                defineText(e.getKey(), e.getValue() == null ? "1" : e.getValue());
            }
        }

        private void defineText(String name, String value) {
            List<Tok> toks = Lexer.lexSmall(name + " " + value);
            // a "-DF(x)=..." style name has its parameter list glued to it
            if (name.indexOf('(') > 0 && toks.size() > 1) {
                toks.get(1).space = false;
            }
            Macro m = parseDefine(toks, 0, null, null);
            if (m != null) {
                macros.define(m);
            }
        }

        /** Parses {@code NAME[(params)] body} from toks[i..]; reports into diags (may be null). */
        Macro parseDefine(List<Tok> toks, int i, Span defSpan, FileProc fp) {
            if (i >= toks.size() || toks.get(i).kind != Tok.IDENT) {
                if (fp != null) {
                    fp.diag(Code.PP009, i < toks.size() ? fp.span(toks.get(i)) : defSpan, "macro names must be identifiers");
                }
                return null;
            }
            Tok nameTok = toks.get(i++);
            String name = nameTok.text;
            if (name.equals("defined")) {
                if (fp != null) {
                    fp.diag(Code.PP009, fp.span(nameTok), "\"defined\" cannot be used as a macro name");
                }
                return null;
            }
            List<String> params = null;
            boolean variadic = false;
            if (i < toks.size() && toks.get(i).is("(") && !toks.get(i).space) {
                params = new ArrayList<>();
                i++;
                boolean ok = false;
                while (i < toks.size()) {
                    Tok t = toks.get(i++);
                    if (t.is(")") && params.isEmpty()) {
                        ok = true;
                        break;
                    }
                    if (t.is("...")) {
                        params.add("__VA_ARGS__");
                        variadic = true;
                    } else if (t.kind == Tok.IDENT && !params.contains(t.text)) {
                        params.add(t.text);
                        if (i < toks.size() && toks.get(i).is("...")) {
                            variadic = true;
                            i++;
                        }
                    } else {
                        break;
                    }
                    if (i < toks.size() && toks.get(i).is(")")) {
                        i++;
                        ok = true;
                        break;
                    }
                    if (variadic || i >= toks.size() || !toks.get(i).is(",")) {
                        break;
                    }
                    i++;
                }
                if (!ok) {
                    if (fp != null) {
                        fp.diag(Code.PP009, fp.span(nameTok), "malformed parameter list of macro " + name);
                    }
                    return null;
                }
                params = List.copyOf(params);
            }
            Tok[] body = new Tok[toks.size() - i];
            for (int k = 0; k < body.length; k++) {
                body[k] = toks.get(i + k).copy();
                body[k].hs = null;
            }
            if (body.length > 0) {
                body[0].space = false;
                if (body[0].is("##") || body[body.length - 1].is("##")) {
                    if (fp != null) {
                        fp.diag(Code.PP009, fp.span(nameTok), "'##' cannot appear at either end of a macro expansion");
                    }
                    return null;
                }
            }
            return new Macro(name, params, variadic, body, defSpan);
        }

        PpUnit includeFile(SourceFile f, int depth, FileProc from, Span at) {
            long fp = macros.fingerprint();
            PpCache.Key key = new PpCache.Key(f, fp, resolver.includeDirs());
            PpCache.Entry e = cache.get(key);
            if (e != null && (e.boardDir() == null || e.boardDir().equals(boardDir)) && depsValid(e)) {
                for (Map.Entry<String, Macro> x : e.effect().entrySet()) {
                    macros.set(x.getKey(), x.getValue());
                }
                loaded.addAll(e.deps());
                if (e.boardDir() != null) {
                    dtcIncludes++;
                }
                return e.unit();
            }
            for (Object[] s : stack) {
                if (s[0] == f && (Long) s[1] == fp) {
                    StringBuilder chain = new StringBuilder();
                    for (Object[] x : stack) {
                        chain.append(((SourceFile) x[0]).path().getFileName()).append(" -> ");
                    }
                    chain.append(f.path().getFileName());
                    from.diag(Code.PP002, at, "include cycle: " + chain);
                    uncacheable++;
                    return null;
                }
            }
            if (depth > opts.maxIncludeDepth()) {
                from.diag(Code.PP007, at, "#include nested depth " + depth + " exceeds maximum of " + opts.maxIncludeDepth());
                uncacheable++;
                return null;
            }
            int j0 = macros.journalSize();
            int l0 = loaded.size();
            int u0 = uncacheable;
            int d0 = dtcIncludes;
            loaded.add(f);
            stack.add(new Object[] {f, fp});
            PpUnit u;
            try {
                u = new FileProc(this, f, depth).process();
            } finally {
                stack.remove(stack.size() - 1);
            }
            if (uncacheable == u0 && !aborted) {
                Set<SourceFile> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                List<SourceFile> deps = new ArrayList<>();
                for (SourceFile d : loaded.subList(l0, loaded.size())) {
                    if (seen.add(d)) {
                        deps.add(d);
                    }
                }
                cache.put(key, new PpCache.Entry(u, macros.effectSince(j0), List.copyOf(deps), dtcIncludes != d0 ? boardDir : null));
            }
            return u;
        }

        private boolean depsValid(PpCache.Entry e) {
            for (SourceFile d : e.deps()) {
                if (d == board || d.path() == null) {
                    continue;
                }
                LoadResult r = loader.load(d.path());
                if (r.file() != d) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Conditional-group state. */
    private static final class Cond {
        final boolean parentActive;
        boolean taken;
        boolean active;
        boolean sawElse;
        final Span where;

        Cond(boolean parentActive, boolean active, Span where) {
            this.parentActive = parentActive;
            this.active = active;
            this.taken = active;
            this.where = where;
        }
    }

    /** Preprocesses one file's own text. */
    private final class FileProc implements In {
        final Run run;
        final SourceFile file;
        final int fid;
        final int depth;
        final Lexer.Lexed lx;
        final Tok[] toks;
        final LineIndex lines;
        final String src;
        int idx;
        final ArrayDeque<Tok> pending = new ArrayDeque<>();
        final List<PpUnit.Piece> pieces = new ArrayList<>();
        final List<Diagnostic> diags = new ArrayList<>();
        final ArrayDeque<Cond> conds = new ArrayDeque<>();
        StringBuilder out = new StringBuilder();
        SourceMap.Builder map = new SourceMap.Builder();
        int emittedLine;
        boolean atLineStart = true;
        int lastOrigEnd = -1;
        Tok lastTok;
        boolean lastWasExpansion;
        // the active top-level expansion
        boolean expActive;
        int invStart;
        int invEnd;
        Macro expMacro;
        final StringBuilder expBuf = new StringBuilder();
        Tok expFirst;
        Tok expLast;
        long expTokens;
        long expOutTokens;
        boolean expAborted;
        int argDepth;

        FileProc(Run run, SourceFile file, int depth) {
            this.run = run;
            this.file = file;
            this.fid = file.id();
            this.depth = depth;
            this.lx = cache.lex(file);
            this.toks = lx.toks;
            this.lines = file.lines();
            this.src = file.text();
        }

        Span span(Tok t) {
            if (t == null || t.s < 0) {
                return Span.at(fid, 0);
            }
            return new Span(fid, t.s, t.e);
        }

        void diag(Code c, Span s, String msg) {
            diags.add(Diagnostic.of(c, s == null ? Span.at(fid, 0) : s, msg));
        }

        boolean active() {
            Cond c = conds.peekFirst();
            return c == null || c.active;
        }

        PpUnit process() {
            while (!run.aborted) {
                if (pending.isEmpty()) {
                    if (expActive) {
                        flushExpansion();
                    }
                    if (idx >= toks.length) {
                        break;
                    }
                    Tok t = toks[idx];
                    if (t.bol && t.is("#") && directive()) {
                        continue;
                    }
                    if (!active()) {
                        idx = lineEndIdx(idx);
                        continue;
                    }
                    if (t.is("/") && rawInclude()) {
                        continue;
                    }
                }
                boolean fromFile = pending.isEmpty();
                Tok t = next();
                if (t.kind == Tok.IDENT) {
                    boolean wasActive = expActive;
                    if (fromFile) {
                        startExpansionCandidate(t);
                    }
                    if (tryExpand(t, this)) {
                        continue;
                    }
                    if (fromFile && !wasActive && pending.isEmpty()) {
                        expActive = false;
                    }
                }
                if (fromFile) {
                    emitFile(t);
                } else {
                    emitExpanded(t);
                }
            }
            if (expActive) {
                flushExpansion();
            }
            for (Cond c : conds) {
                diag(Code.PP004, c.where, "unterminated conditional directive");
            }
            if (lx.unterminatedComment >= 0) {
                diag(Code.PP012, new Span(fid, lx.unterminatedComment, Math.min(src.length(), lx.unterminatedComment + 2)),
                        "unterminated comment");
            }
            ensureLine(src.length());
            closeText();
            return new PpUnit(file, pieces, diags);
        }

        private void startExpansionCandidate(Tok t) {
            if (!expActive) {
                Macro m = run.macros.get(t.text);
                if (m != null) {
                    expActive = true;
                    expMacro = m;
                    invStart = t.s;
                    invEnd = t.e;
                    expBuf.setLength(0);
                    expFirst = null;
                    expLast = null;
                    expTokens = 0;
                    expOutTokens = 0;
                    expAborted = false;
                }
            }
        }

        // ---- input -------------------------------------------------------------------------------

        @Override
        public Tok next() {
            Tok t = pending.pollFirst();
            if (t != null) {
                return t;
            }
            if (idx < toks.length) {
                t = toks[idx++];
                if (t.e > invEnd) {
                    invEnd = t.e;
                }
                return t;
            }
            return null;
        }

        @Override
        public boolean peekParen() {
            Tok t = pending.peekFirst();
            if (t != null) {
                return t.is("(");
            }
            return idx < toks.length && toks[idx].is("(");
        }

        @Override
        public void push(List<Tok> ts) {
            for (int i = ts.size() - 1; i >= 0; i--) {
                pending.addFirst(ts.get(i));
            }
        }

        int lineEndIdx(int i) {
            i++;
            while (i < toks.length && !toks[i].bol) {
                i++;
            }
            return i;
        }

        // ---- output ------------------------------------------------------------------------------

        void ensureLine(int origOffset) {
            int target = lines.line0(origOffset);
            while (emittedLine < target) {
                int nl = lines.lineStart(emittedLine + 1) - 1;
                map.copied(out.length(), fid, nl, 1);
                out.append('\n');
                emittedLine++;
                atLineStart = true;
                lastTok = null;
                lastWasExpansion = false;
                lastOrigEnd = nl + 1;
                run.outChars++;
            }
        }

        private boolean pureBlank(int from, int to) {
            if (from < 0 || from > to) {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = src.charAt(i);
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Whitespace before something starting at original offset {@code at}. */
        private void spaceBefore(int at, boolean space, Tok first) {
            if (atLineStart) {
                int ls = lines.lineStart(lines.line0(at));
                if (ls < at && pureBlank(ls, at)) {
                    map.copied(out.length(), fid, ls, at - ls);
                    out.append(src, ls, at);
                } else if (space) {
                    out.append(' ');
                }
                return;
            }
            if (space) {
                if (lastOrigEnd >= 0 && lastOrigEnd < at && pureBlank(lastOrigEnd, at)) {
                    map.copied(out.length(), fid, lastOrigEnd, at - lastOrigEnd);
                    out.append(src, lastOrigEnd, at);
                } else {
                    map.copied(out.length(), fid, Math.max(0, at - 1), 1);
                    out.append(' ');
                }
            } else if (first != null && lastTok != null && lastWasExpansion && avoidPaste(lastTok, first)) {
                out.append(' ');
            }
        }

        void emitFile(Tok t) {
            ensureLine(t.s);
            spaceBefore(t.s, t.space, t);
            int len = t.text.length();
            if (t.e - t.s == len) {
                map.copied(out.length(), fid, t.s, len);
            } else {
                for (int k = 0; k < len; k++) {
                    map.copied(out.length() + k, fid, lx.off[t.cs + k], 1);
                }
            }
            out.append(t.text);
            run.outChars += len + 1;
            lastTok = t;
            lastOrigEnd = t.e;
            lastWasExpansion = false;
            atLineStart = false;
            checkOutput();
        }

        void emitExpanded(Tok t) {
            if (t.kind == Tok.PLACEMARKER) {
                return;
            }
            if (expFirst == null) {
                expFirst = t;
            } else if (t.space || (!t.pasted && t.ctx != expLast.ctx && avoidPaste(expLast, t))) {
                expBuf.append(' ');
            }
            expBuf.append(t.text);
            expLast = t;
            if (++expOutTokens > opts.maxExpansionTokens()) {
                limit("expansion of macro " + expMacro.name + " produces more than " + opts.maxExpansionTokens() + " tokens");
            }
            if (expBuf.length() > opts.maxOutputChars()) {
                limit("macro expansion of " + expMacro.name + " is larger than " + opts.maxOutputChars() + " characters");
            }
        }

        void flushExpansion() {
            expActive = false;
            ensureLine(invStart);
            if (expFirst != null) {
                spaceBefore(invStart, expFirst.space, expFirst);
            }
            int o = out.length();
            out.append(expBuf);
            String text = expBuf.toString();
            map.expanded(o, out.length(), new Span(fid, invStart, Math.max(invStart, invEnd)),
                    new SourceMap.Expansion(expMacro.name, expMacro.definition, text));
            run.outChars += text.length();
            if (expLast != null) {
                lastTok = expLast;
                atLineStart = false;
            }
            lastWasExpansion = true;
            lastOrigEnd = invEnd;
            expBuf.setLength(0);
            checkOutput();
        }

        void checkOutput() {
            if (run.outChars > opts.maxOutputChars() && !run.aborted) {
                diag(Code.PP007, Span.at(fid, lastOrigEnd < 0 ? 0 : Math.min(lastOrigEnd, src.length())),
                        "preprocessed output exceeds " + opts.maxOutputChars() + " characters; stopped");
                run.aborted = true;
                run.uncacheable++;
            }
        }

        void limit(String msg) {
            if (!expAborted) {
                diag(Code.PP007, new Span(fid, invStart, Math.max(invStart, invEnd)), msg);
                run.uncacheable++;
            }
            expAborted = true;
            pending.clear();
        }

        void closeText() {
            if (out.length() > 0) {
                pieces.add(new PpUnit.Text(out.toString(), map.build()));
            }
            out = new StringBuilder();
            map = new SourceMap.Builder();
        }

        // ---- macro expansion ---------------------------------------------------------------------

        /** Expands a macro named by t if it should be; pushes the result onto in. */
        boolean tryExpand(Tok t, In in) {
            Macro m = run.macros.get(t.text);
            if (m == null || Tok.HideSet.contains(t.hs, m.name) || expAborted) {
                return false;
            }
            if (Tok.HideSet.size(t.hs) >= opts.maxExpansionDepth()) {
                limit("macro expansion nested deeper than " + opts.maxExpansionDepth() + " (at " + m.name + ")");
                return false;
            }
            if (m.builtin != null) {
                Tok r = builtin(m, t);
                if (r == null) {
                    return false;
                }
                r.space = t.space;
                r.hs = Tok.HideSet.add(t.hs, m.name);
                r.ctx = run.ctxSeq++;
                in.push(List.of(r));
                return true;
            }
            if (!m.functionLike()) {
                List<Tok> body = subst(m, null, Tok.HideSet.add(t.hs, m.name), t);
                in.push(body);
                return true;
            }
            if (!in.peekParen()) {
                return false;
            }
            List<Tok> consumed = new ArrayList<>();
            consumed.add(in.next());
            List<List<Tok>> args = new ArrayList<>();
            List<Tok> cur = new ArrayList<>();
            int level = 0;
            Tok rparen = null;
            int nparams = m.params.size();
            long argTokens = 0;
            for (;;) {
                Tok a = in.next();
                if (a == null) {
                    break;
                }
                consumed.add(a);
                if (a.bol) {
                    a = a.copy();
                    a.space = true;
                }
                if (level == 0 && a.is(")")) {
                    rparen = a;
                    args.add(cur);
                    break;
                }
                if (level == 0 && a.is(",") && !(m.variadic && args.size() == nparams - 1)) {
                    args.add(cur);
                    cur = new ArrayList<>();
                    if (args.size() > 1_000_000) {
                        break;
                    }
                    continue;
                }
                if (a.is("(")) {
                    level++;
                } else if (a.is(")")) {
                    level--;
                }
                cur.add(a);
                if (++argTokens > opts.maxExpansionTokens()) {
                    limit("macro " + m.name + " has an argument list longer than " + opts.maxExpansionTokens() + " tokens");
                    return false;
                }
                if (++expTokens > opts.maxExpansionWork()) {
                    limit("expansion of macro " + expMacro.name + " needs more than " + opts.maxExpansionWork()
                            + " token operations (nested too deeply or too wide)");
                    return false;
                }
            }
            if (rparen == null) {
                diag(Code.PP012, span(t), "unterminated argument list invoking macro \"" + m.name + "\"");
                in.push(consumed);
                return false;
            }
            if (args.size() == 1 && args.get(0).isEmpty() && nparams == 0) {
                args.clear();
            }
            if (m.variadic && args.size() == nparams - 1) {
                args.add(new ArrayList<>());
            }
            if (args.size() != nparams) {
                String msg = args.size() < nparams
                        ? "macro \"" + m.name + "\" requires " + nparams + " arguments, but only " + args.size() + " given"
                        : "macro \"" + m.name + "\" passed " + args.size() + " arguments, but takes just " + nparams;
                Span sp = t.s >= 0 ? new Span(fid, t.s, Math.max(t.s, rparen.e >= t.s ? rparen.e : t.e))
                        : new Span(fid, invStart, Math.max(invStart, invEnd));
                diag(Code.PP003, sp, msg);
                in.push(consumed.subList(0, consumed.size()));
                return false;
            }
            Tok.HideSet hs = Tok.HideSet.add(Tok.HideSet.intersect(t.hs, rparen.hs), m.name);
            in.push(subst(m, args, hs, t));
            return true;
        }

        private Tok builtin(Macro m, Tok t) {
            switch (m.builtin) {
                case "__LINE__": {
                    int at = t.s >= 0 ? t.s : invStart;
                    return new Tok(Tok.NUMBER, Integer.toString(lines.line0(Math.max(0, at)) + 1));
                }
                case "__FILE__":
                    return new Tok(Tok.STRING, quote(String.valueOf(file.path())));
                case "__BASE_FILE__":
                    run.uncacheable++;
                    return new Tok(Tok.STRING, quote(String.valueOf(run.board.path())));
                case "__COUNTER__":
                    run.uncacheable++;
                    return new Tok(Tok.NUMBER, Integer.toString(run.counter++));
                case "__INCLUDE_LEVEL__":
                    run.uncacheable++;
                    return new Tok(Tok.NUMBER, Integer.toString(depth));
                default:
                    return null;
            }
        }

        private List<Tok> expandList(List<Tok> ts) {
            if (++argDepth > opts.maxExpansionDepth()) {
                argDepth--;
                limit("macro arguments nested deeper than " + opts.maxExpansionDepth());
                return ts;
            }
            try {
                ListIn in = new ListIn(ts);
                List<Tok> r = new ArrayList<>(ts.size());
                for (Tok t = in.next(); t != null; t = in.next()) {
                    if (t.kind == Tok.IDENT && tryExpand(t, in)) {
                        continue;
                    }
                    r.add(t);
                }
                return r;
            } finally {
                argDepth--;
            }
        }

        private List<Tok> subst(Macro m, List<List<Tok>> args, Tok.HideSet hs, Tok nameTok) {
            Tok[] body = m.body;
            int n = body.length;
            int bodyCtx = run.ctxSeq++;
            List<Tok> outL = new ArrayList<>(n + 4);
            List<Tok>[] expanded = null;
            boolean fn = args != null;
            int i = 0;
            while (i < n) {
                Tok b = body[i];
                int pi = fn && b.kind == Tok.IDENT ? m.paramIndex(b.text) : -1;
                if (fn && b.is("#") && i + 1 < n && m.paramIndex(body[i + 1].text) >= 0 && body[i + 1].kind == Tok.IDENT) {
                    Tok s = stringify(args.get(m.paramIndex(body[i + 1].text)));
                    s.space = b.space;
                    s.ctx = bodyCtx;
                    outL.add(s);
                    i += 2;
                    continue;
                }
                if (b.is("##") && i + 1 < n && !outL.isEmpty()) {
                    Tok nx = body[i + 1];
                    List<Tok> rhs;
                    int npi = fn && nx.kind == Tok.IDENT ? m.paramIndex(nx.text) : -1;
                    if (fn && nx.is("#") && i + 2 < n && body[i + 2].kind == Tok.IDENT && m.paramIndex(body[i + 2].text) >= 0) {
                        Tok s = stringify(args.get(m.paramIndex(body[i + 2].text)));
                        s.ctx = bodyCtx;
                        rhs = List.of(s);
                        i += 3;
                    } else if (npi >= 0) {
                        rhs = copyArg(args.get(npi), false, bodyCtx);
                        i += 2;
                    } else {
                        Tok c = nx.copy();
                        c.ctx = bodyCtx;
                        rhs = List.of(c);
                        i += 2;
                    }
                    Tok lhs = outL.remove(outL.size() - 1);
                    outL.addAll(paste(lhs, rhs.get(0)));
                    outL.addAll(rhs.subList(1, rhs.size()));
                    continue;
                }
                if (pi >= 0) {
                    boolean pasteNext = i + 1 < n && body[i + 1].is("##");
                    List<Tok> a;
                    if (pasteNext) {
                        a = copyArg(args.get(pi), false, bodyCtx);
                    } else {
                        if (expanded == null) {
                            @SuppressWarnings("unchecked")
                            List<Tok>[] e = (List<Tok>[]) new List<?>[args.size()];
                            expanded = e;
                        }
                        if (expanded[pi] == null) {
                            expanded[pi] = expandList(args.get(pi));
                        }
                        a = copyArg(expanded[pi], true, run.ctxSeq++);
                    }
                    if (!a.isEmpty()) {
                        a.get(0).space = b.space;
                    }
                    if ((long) outL.size() + a.size() > opts.maxExpansionTokens()) {
                        // checked before the list grows: a wide body repeating its argument multiplies it
                        limit("expansion of macro " + expMacro.name + " produces more than " + opts.maxExpansionTokens() + " tokens");
                        return List.of();
                    }
                    outL.addAll(a);
                    i++;
                    continue;
                }
                Tok c = b.copy();
                c.ctx = bodyCtx;
                outL.add(c);
                i++;
            }
            List<Tok> res = new ArrayList<>(outL.size());
            for (Tok t : outL) {
                if (t.kind == Tok.PLACEMARKER) {
                    continue;
                }
                t.hs = Tok.HideSet.union(t.hs, hs);
                res.add(t);
            }
            if (!res.isEmpty()) {
                res.get(0).space = nameTok.space;
            }
            expTokens += res.size();
            if (res.size() > opts.maxExpansionTokens()) {
                limit("expansion of macro " + expMacro.name + " produces more than " + opts.maxExpansionTokens() + " tokens");
                return List.of();
            }
            if (expTokens > opts.maxExpansionWork()) {
                limit("expansion of macro " + expMacro.name + " needs more than " + opts.maxExpansionWork()
                        + " token operations (nested too deeply or too wide)");
                return List.of();
            }
            return res;
        }

        private List<Tok> copyArg(List<Tok> a, boolean keepHs, int ctx) {
            List<Tok> r = new ArrayList<>(Math.max(1, a.size()));
            if (a.isEmpty() && !keepHs) {
                Tok p = new Tok(Tok.PLACEMARKER, "");
                p.ctx = ctx;
                r.add(p);
                return r;
            }
            for (Tok t : a) {
                Tok c = t.copy();
                if (!keepHs) {
                    c.hs = null;
                }
                c.ctx = keepHs ? (t.ctx == 0 ? ctx : t.ctx) : ctx;
                r.add(c);
            }
            return r;
        }

        private List<Tok> paste(Tok lhs, Tok rhs) {
            if (lhs.kind == Tok.PLACEMARKER) {
                return List.of(rhs);
            }
            if (rhs.kind == Tok.PLACEMARKER) {
                return List.of(lhs);
            }
            List<Tok> r = Lexer.lexSmall(lhs.text + rhs.text);
            if (r.size() == 1 && r.get(0).text.length() == lhs.text.length() + rhs.text.length()) {
                Tok p = r.get(0);
                p.space = lhs.space;
                p.ctx = lhs.ctx;
                p.hs = lhs.hs;
                return List.of(p);
            }
            Tok r2 = rhs.copy();
            r2.space = false;
            r2.pasted = true;
            r2.ctx = lhs.ctx;
            List<Tok> two = new ArrayList<>(2);
            two.add(lhs);
            two.add(r2);
            return two;
        }

        private Tok stringify(List<Tok> arg) {
            StringBuilder sb = new StringBuilder("\"");
            boolean first = true;
            for (Tok t : arg) {
                if (t.kind == Tok.PLACEMARKER) {
                    continue;
                }
                if (!first && t.space) {
                    sb.append(' ');
                }
                first = false;
                if (t.kind == Tok.STRING || t.kind == Tok.CHAR) {
                    for (int k = 0; k < t.text.length(); k++) {
                        char c = t.text.charAt(k);
                        if (c == '"' || c == '\\') {
                            sb.append('\\');
                        }
                        sb.append(c);
                    }
                } else {
                    sb.append(t.text);
                }
            }
            return new Tok(Tok.STRING, sb.append('"').toString());
        }

        // ---- directives --------------------------------------------------------------------------

        /** Handles the line at idx (a '#' at the start of a line); false if it is ordinary text. */
        boolean directive() {
            Tok hash = toks[idx];
            int end = lineEndIdx(idx);
            Tok nameTok = idx + 1 < end ? toks[idx + 1] : null;
            if (nameTok == null) {
                idx = end;
                return true;
            }
            if (nameTok.kind != Tok.IDENT || !DIRECTIVES.contains(nameTok.text)) {
                if (!active()) {
                    idx = end;
                    return true;
                }
                return false;
            }
            String name = nameTok.text;
            List<Tok> rest = new ArrayList<>(end - idx - 2);
            for (int k = idx + 2; k < end; k++) {
                rest.add(toks[k]);
            }
            Tok lastTok = toks[end - 1];
            Span dspan = new Span(fid, hash.s, lastTok.e);
            idx = end;
            switch (name) {
                case "if": case "ifdef": case "ifndef": {
                    if (!active()) {
                        conds.push(new Cond(false, false, dspan));
                        return true;
                    }
                    boolean v = name.equals("if") ? evalIf(rest, dspan) : ifdef(rest, name.equals("ifdef"), dspan);
                    conds.push(new Cond(true, v, dspan));
                    return true;
                }
                case "elif": case "elifdef": case "elifndef": {
                    Cond c = conds.peekFirst();
                    if (c == null) {
                        diag(Code.PP004, dspan, "#" + name + " without #if");
                        return true;
                    }
                    if (c.sawElse) {
                        diag(Code.PP004, dspan, "#" + name + " after #else");
                    }
                    if (!c.parentActive || c.taken) {
                        c.active = false;
                        return true;
                    }
                    boolean v = name.equals("elif") ? evalIf(rest, dspan) : ifdef(rest, name.equals("elifdef"), dspan);
                    c.active = v;
                    c.taken = v;
                    return true;
                }
                case "else": {
                    Cond c = conds.peekFirst();
                    if (c == null) {
                        diag(Code.PP004, dspan, "#else without #if");
                        return true;
                    }
                    if (c.sawElse) {
                        diag(Code.PP004, dspan, "#else after #else");
                    }
                    c.sawElse = true;
                    c.active = c.parentActive && !c.taken;
                    c.taken = true;
                    return true;
                }
                case "endif": {
                    if (conds.isEmpty()) {
                        diag(Code.PP004, dspan, "#endif without #if");
                    } else {
                        conds.pop();
                    }
                    return true;
                }
                default:
                    break;
            }
            if (!active()) {
                return true;
            }
            switch (name) {
                case "define": {
                    Macro m = run.parseDefine(rest, 0, dspan, this);
                    if (m != null) {
                        Macro old = run.macros.get(m.name);
                        if (old != null && old.builtin != null) {
                            diag(Code.PP010, span(rest.get(0)), "redefining builtin macro \"" + m.name + "\"");
                        } else if (old != null && !old.spelling.equals(m.spelling)) {
                            List<Diagnostic.Related> rel = old.definition == null ? List.of()
                                    : List.of(new Diagnostic.Related(old.definition, "previous definition"));
                            diags.add(Diagnostic.of(Code.PP010, span(rest.get(0)), "\"" + m.name + "\" redefined", rel));
                        }
                        run.macros.define(m);
                    }
                    return true;
                }
                case "undef": {
                    if (rest.isEmpty() || rest.get(0).kind != Tok.IDENT) {
                        diag(Code.PP009, dspan, "no macro name given in #undef directive");
                    } else {
                        run.macros.undef(rest.get(0).text);
                    }
                    return true;
                }
                case "include": case "include_next": case "import":
                    include(hash, rest, dspan);
                    return true;
                case "error":
                    diag(Code.PP005, dspan, "#error " + restText(nameTok, lastTok));
                    return true;
                case "warning":
                    diag(Code.PP006, dspan, "#warning " + restText(nameTok, lastTok));
                    return true;
                case "pragma":
                    if (!rest.isEmpty() && rest.get(0).isIdent("once") && file.path() != null) {
                        run.once.add(file.path());
                        run.uncacheable++;
                    }
                    return true;
                default:
                    // #line, #ident, #sccs, #assert, #unassert: no effect on the devicetree text
                    return true;
            }
        }

        private String restText(Tok nameTok, Tok last) {
            if (last == nameTok) {
                return "";
            }
            return lx.spliced(nameTok.ce, last.ce).trim();
        }

        private boolean ifdef(List<Tok> rest, boolean wantDefined, Span dspan) {
            if (rest.isEmpty() || rest.get(0).kind != Tok.IDENT) {
                diag(Code.PP009, dspan, "no macro name given in #ifdef directive");
                return false;
            }
            return run.macros.isDefined(rest.get(0).text) == wantDefined;
        }

        private boolean evalIf(List<Tok> rest, Span dspan) {
            List<Tok> pre = new ArrayList<>(rest.size());
            for (int i = 0; i < rest.size(); i++) {
                Tok t = rest.get(i);
                if (t.isIdent("defined")) {
                    int j = i + 1;
                    boolean paren = j < rest.size() && rest.get(j).is("(");
                    if (paren) {
                        j++;
                    }
                    if (j >= rest.size() || rest.get(j).kind != Tok.IDENT || (paren && (j + 1 >= rest.size() || !rest.get(j + 1).is(")")))) {
                        diag(Code.PP009, span(t), "operator \"defined\" requires an identifier");
                        return false;
                    }
                    Tok r = new Tok(Tok.NUMBER, run.macros.isDefined(rest.get(j).text) ? "1" : "0");
                    r.s = t.s;
                    r.e = rest.get(paren ? j + 1 : j).e;
                    pre.add(r);
                    i = paren ? j + 1 : j;
                    continue;
                }
                pre.add(t);
            }
            boolean saved = expActive;
            Macro savedM = expMacro;
            int s0 = invStart;
            int e0 = invEnd;
            expActive = true;
            expMacro = Macro.builtin("#if");
            invStart = dspan.start();
            invEnd = dspan.end();
            expAborted = false;
            expTokens = 0;
            expOutTokens = 0;
            List<Tok> ex = expandList(pre);
            boolean aborted = expAborted;
            expActive = saved;
            expMacro = savedM;
            invStart = s0;
            invEnd = e0;
            expAborted = false;
            if (aborted) {
                return false;
            }
            try {
                return IfExpr.eval(ex) != 0;
            } catch (IfExpr.Failure f) {
                Span at = f.tok != null && f.tok.s >= 0 ? span(f.tok) : dspan;
                diag(f.divByZero ? Code.PP011 : Code.PP009, at, f.getMessage());
                return false;
            }
        }

        private void include(Tok hash, List<Tok> rest, Span dspan) {
            if (rest.isEmpty()) {
                diag(Code.PP009, dspan, "#include expects \"FILENAME\" or <FILENAME>");
                return;
            }
            String name = null;
            boolean angled = false;
            Span nameSpan;
            Tok first = rest.get(0);
            if (first.kind == Tok.STRING && first.text.startsWith("\"")) {
                name = first.text.substring(1, first.text.length() - 1);
                nameSpan = span(first);
            } else if (first.is("<")) {
                int close = -1;
                for (int k = 1; k < rest.size(); k++) {
                    if (rest.get(k).is(">") || rest.get(k).is(">>") || rest.get(k).is(">=")) {
                        close = k;
                        break;
                    }
                }
                if (close < 0) {
                    diag(Code.PP009, dspan, "missing terminating > character");
                    return;
                }
                Tok c = rest.get(close);
                name = lx.spliced(first.ce, c.cs);
                angled = true;
                nameSpan = new Span(fid, first.s, c.s + 1);
            } else {
                // computed include: expand, then read "x" or <x>
                boolean saved = expActive;
                Macro savedM = expMacro;
                expActive = true;
                expMacro = Macro.builtin("#include");
                expAborted = false;
                expTokens = 0;
                expOutTokens = 0;
                List<Tok> ex = expandList(rest);
                expActive = saved;
                expMacro = savedM;
                expAborted = false;
                nameSpan = new Span(fid, first.s, rest.get(rest.size() - 1).e);
                if (!ex.isEmpty() && ex.get(0).kind == Tok.STRING && ex.get(0).text.startsWith("\"")) {
                    name = ex.get(0).text.substring(1, ex.get(0).text.length() - 1);
                } else if (!ex.isEmpty() && ex.get(0).is("<")) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = 1; k < ex.size() && !ex.get(k).is(">"); k++) {
                        if (k > 1 && ex.get(k).space) {
                            sb.append(' ');
                        }
                        sb.append(ex.get(k).text);
                    }
                    name = sb.toString();
                    angled = true;
                } else {
                    diag(Code.PP009, nameSpan, "#include expects \"FILENAME\" or <FILENAME>");
                    return;
                }
            }
            IncludeResolver.Kind kind = angled ? IncludeResolver.Kind.ANGLED : IncludeResolver.Kind.QUOTED;
            String spelled = angled ? "<" + name + ">" : "\"" + name + "\"";
            PpUnit unit = loadAndInclude(kind, name, spelled, nameSpan, file.path());
            if (unit != NO_INCLUDE) {
                ensureLine(hash.s);
                closeText();
                pieces.add(new PpUnit.Include(dspan, spelled, unit, false));
                lastTok = null;
                lastWasExpansion = false;
            }
        }

        

        private PpUnit loadAndInclude(IncludeResolver.Kind kind, String name, String spelled, Span at, Path from) {
            var found = resolver.resolve(kind, from, name);
            if (found.isEmpty()) {
                StringBuilder dirs = new StringBuilder();
                for (Path d : resolver.searchPath(kind, from)) {
                    dirs.append(dirs.length() == 0 ? "" : ", ").append(d);
                }
                diag(Code.PP001, at, spelled + ": no such file (searched " + (dirs.length() == 0 ? "nothing" : dirs) + ")");
                run.uncacheable++;
                return failedUnit(kind);
            }
            Path p = found.get();
            if (kind != IncludeResolver.Kind.DTC && run.once.contains(p)) {
                return NO_INCLUDE;
            }
            LoadResult r = loader.load(p);
            if (!r.ok()) {
                Code c = switch (r.error()) {
                    case NOT_REGULAR, BINARY -> Code.PP008;
                    case TOO_LARGE -> Code.PP007;
                    default -> Code.PP001;
                };
                diag(c, at, spelled + ": " + r.message());
                run.uncacheable++;
                return failedUnit(kind);
            }
            if (kind == IncludeResolver.Kind.DTC) {
                return rawUnit(r.file(), depth + 1, at);
            }
            return run.includeFile(r.file(), depth + 1, this, at);
        }

        /**
         * A file read by dtc's {@code /include/}: its text is not preprocessed, but dtc does honour
         * {@code /include/} inside it, so those become nested raw Include pieces.
         */
        private PpUnit rawUnit(SourceFile f, int level, Span at) {
            run.loaded.add(f);
            run.dtcIncludes++;
            run.outChars += f.text().length();
            List<PpUnit.Piece> out = new ArrayList<>();
            List<Diagnostic> ds = new ArrayList<>();
            if (level > opts.maxIncludeDepth()) {
                diag(Code.PP007, at, "/include/ nested more than " + opts.maxIncludeDepth() + " levels deep");
                run.uncacheable++;
                return new PpUnit(f, out, ds);
            }
            if (!run.rawStack.add(f.path())) {
                diag(Code.PP002, at, "/include/ cycle: " + f.path() + " includes itself");
                run.uncacheable++;
                return new PpUnit(f, out, ds);
            }
            try {
                String t = f.text();
                int textStart = 0;
                int i = 0;
                while (i < t.length()) {
                    char c = t.charAt(i);
                    if (c == '/' && t.startsWith("//", i)) {
                        int nl = t.indexOf('\n', i);
                        i = nl < 0 ? t.length() : nl;
                    } else if (c == '/' && t.startsWith("/*", i)) {
                        int end = t.indexOf("*/", i + 2);
                        i = end < 0 ? t.length() : end + 2;
                    } else if (c == '"') {
                        i = stringEnd(t, i);
                    } else if (c == '/' && t.startsWith("/include/", i)) {
                        int j = i + "/include/".length();
                        while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
                            j++;
                        }
                        if (j < t.length() && t.charAt(j) == '"') {
                            int end = stringEnd(t, j);
                            String name = t.substring(j + 1, Math.max(j + 1, end - 1));
                            if (i > textStart) {
                                out.add(rawText(f, textStart, i));
                            }
                            Span nameSpan = new Span(f.id(), j, end);
                            Path from = f.path();
                            var found = resolver.resolve(IncludeResolver.Kind.DTC, run.board.path(), name);
                            if (found.isEmpty()) {
                                found = resolver.resolve(IncludeResolver.Kind.QUOTED, from, name);
                            }
                            PpUnit child = null;
                            if (found.isEmpty()) {
                                ds.add(Diagnostic.of(Code.PP001, nameSpan, "\"" + name + "\": no such file (searched "
                                        + from.getParent() + " and the include path)"));
                                run.uncacheable++;
                            } else {
                                LoadResult lr = loader.load(found.get());
                                if (lr.ok()) {
                                    child = rawUnit(lr.file(), level + 1, nameSpan);
                                } else {
                                    ds.add(Diagnostic.of(lr.error() == LoadResult.Error.NOT_FOUND ? Code.PP001 : Code.PP008,
                                            nameSpan, "\"" + name + "\": " + lr.message()));
                                    run.uncacheable++;
                                }
                            }
                            out.add(new PpUnit.Include(new Span(f.id(), i, end), "\"" + name + "\"", child, true));
                            i = end;
                            textStart = end;
                        } else {
                            i = j;
                        }
                    } else {
                        i++;
                    }
                }
                if (textStart < t.length()) {
                    out.add(rawText(f, textStart, t.length()));
                }
            } finally {
                run.rawStack.remove(f.path());
            }
            return new PpUnit(f, out, ds);
        }

        private PpUnit.Text rawText(SourceFile f, int start, int end) {
            SourceMap.Builder b = new SourceMap.Builder().copied(0, f.id(), start, end - start);
            return new PpUnit.Text(f.text().substring(start, end), b.build());
        }

        private int stringEnd(String t, int open) {
            int i = open + 1;
            while (i < t.length() && t.charAt(i) != '"') {
                if (t.charAt(i) == '\\') {
                    i++;
                }
                i++;
            }
            return Math.min(t.length(), i + 1);
        }

        /** A failed include still yields an Include piece with a null unit. */
        private PpUnit failedUnit(IncludeResolver.Kind kind) {
            return null;
        }

        /** dtc's {@code /include/ "file"} at idx; true if handled. */
        boolean rawInclude() {
            if (idx + 3 >= toks.length) {
                return false;
            }
            Tok a = toks[idx];
            Tok b = toks[idx + 1];
            Tok c = toks[idx + 2];
            Tok d = toks[idx + 3];
            if (!b.isIdent("include") || b.space || !c.is("/") || c.space || d.kind != Tok.STRING || !d.text.startsWith("\"")
                    || b.bol || c.bol || d.bol) {
                return false;
            }
            String name = d.text.substring(1, d.text.length() - 1);
            String spelled = "\"" + name + "\"";
            Span dspan = new Span(fid, a.s, d.e);
            PpUnit u = loadAndInclude(IncludeResolver.Kind.DTC, name, spelled, span(d), run.board.path());
            ensureLine(a.s);
            spaceBefore(a.s, a.space, null);
            closeText();
            pieces.add(new PpUnit.Include(dspan, spelled, u, true));
            idx += 4;
            lastTok = null;
            lastWasExpansion = false;
            lastOrigEnd = d.e;
            atLineStart = false;
            return true;
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** GCC's cpp_avoid_paste: would printing b right after a make them lex as one token? */
    static boolean avoidPaste(Tok a, Tok b) {
        char c = b.kind == Tok.PUNCT ? b.text.charAt(0) : 0;
        if (a.kind == Tok.PUNCT) {
            String x = a.text;
            if (c == '=' && (x.equals("=") || x.equals("!") || x.equals(">") || x.equals("<") || x.equals("+") || x.equals("-")
                    || x.equals("*") || x.equals("/") || x.equals("%") || x.equals("&") || x.equals("|") || x.equals("^")
                    || x.equals(">>") || x.equals("<<"))) {
                return true;
            }
            switch (x) {
                case ">": return c == '>';
                case "<": return c == '<' || c == '%' || c == ':';
                case "+": return c == '+';
                case "-": return c == '-' || c == '>';
                case "/": return c == '/' || c == '*';
                case "%": return c == ':' || c == '%';
                case "&": return c == '&';
                case "|": return c == '|';
                case ":": return c == ':' || c == '>';
                case "->": return c == '*';
                case ".": return c == '.' || c == '%' || b.kind == Tok.NUMBER;
                case "#": return c == '#' || c == '%';
                default: return false;
            }
        }
        switch (a.kind) {
            case Tok.IDENT:
                return b.kind == Tok.IDENT || b.kind == Tok.CHAR || b.kind == Tok.STRING
                        || (b.kind == Tok.NUMBER && isIdentifier(b.text));
            case Tok.NUMBER:
                return b.kind == Tok.NUMBER || b.kind == Tok.IDENT || b.kind == Tok.CHAR || c == '.' || c == '+' || c == '-';
            case Tok.OTHER:
                return a.text.equals("\\") && b.kind == Tok.IDENT;
            default:
                return false;
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Lexer.isIdStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Lexer.isIdChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
