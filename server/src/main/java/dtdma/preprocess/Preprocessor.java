package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.source.IncludeResolver;
import dtdma.source.LoadResult;
import dtdma.source.SourceLoader;
import dtdma.text.Cancel;
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
 *
 * <p>A run ({@code Run}: the macro table, the include stack and the cache lookups of one board) reads each file
 * with a {@link FileProc}, which drives the file's tokens and conditional groups and delegates to
 * {@link Directives} (directives, includes, dtc's {@code /include/}), {@link MacroExpander} (macro expansion)
 * and {@link PpOutput} (the unit's text and source map).
 */
public final class Preprocessor {
    /** Marks an include skipped because of {@code #pragma once}. */
    static final PpUnit NO_INCLUDE = new PpUnit(null, List.of(), List.of());

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

    static final Set<String> DIRECTIVES = Set.of("define", "undef", "include", "include_next", "import", "if",
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

    Options options() {
        return opts;
    }

    IncludeResolver resolver() {
        return resolver;
    }

    SourceLoader loader() {
        return loader;
    }

    /** Preprocesses a board; {@code defines} maps a name (optionally {@code F(x)}) to its value (null = 1). */
    public PpUnit preprocess(SourceFile board, Map<String, String> defines) {
        return run(board, defines, Cancel.NONE).unit();
    }

    /**
     * Like {@link #preprocess(SourceFile, Map)}, stopping when {@code cancel} fires.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires (nothing partial is cached)
     */
    public PpUnit preprocess(SourceFile board, Map<String, String> defines, Cancel cancel) {
        return run(board, defines, cancel).unit();
    }

    /** Like {@link #preprocess} but also returns the final macro table (for hovers and completion). */
    public Result run(SourceFile board, Map<String, String> defines) {
        return run(board, defines, Cancel.NONE);
    }

    /**
     * Like {@link #run(SourceFile, Map)}, polling {@code cancel} while reading tokens and expanding macros.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires; a unit whose reading was
     *         interrupted is never put in the {@link PpCache}
     */
    public Result run(SourceFile board, Map<String, String> defines, Cancel cancel) {
        Run r = new Run(board, cancel == null ? Cancel.NONE : cancel);
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
    interface In {
        Tok next();

        boolean peekParen();

        void push(List<Tok> toks);
    }

    static final class ListIn implements In {
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
    final class Run {
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
        final Cancel cancel;
        /** Work done since the last poll of {@link #cancel}. */
        int sincePoll;

        Preprocessor owner() {
            return Preprocessor.this;
        }

        Run(SourceFile board, Cancel cancel) {
            this.board = board;
            this.cancel = cancel;
            Path p = board.path() == null ? null : board.path().toAbsolutePath().getParent();
            this.boardDir = p;
        }

        /** Polls the cancel signal every 256 units of work (tokens read or expanded). */
        void poll() {
            if (++sincePoll >= 256) {
                sincePoll = 0;
                cancel.check();
            }
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

    static String quote(String s) {
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

    static boolean isIdentifier(String s) {
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
