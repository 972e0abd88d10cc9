package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.source.IncludeResolver;
import dtdma.source.LoadResult;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directives of one file: conditionals, {@code #define}/{@code #undef}, {@code #include} (with the
 * include search and {@code #pragma once}), diagnostics directives, and dtc's {@code /include/}.
 */
final class Directives {
    private final FileProc proc;

    Directives(FileProc proc) {
        this.proc = proc;
    }

    /** Handles the line at idx (a '#' at the start of a line); false if it is ordinary text. */
    boolean directive() {
        Tok hash = proc.toks[proc.idx];
        int end = proc.lineEndIdx(proc.idx);
        Tok nameTok = proc.idx + 1 < end ? proc.toks[proc.idx + 1] : null;
        if (nameTok == null) {
            proc.idx = end;
            return true;
        }
        if (nameTok.kind != Tok.IDENT || !Preprocessor.DIRECTIVES.contains(nameTok.text)) {
            if (!proc.active()) {
                proc.idx = end;
                return true;
            }
            return false;
        }
        String name = nameTok.text;
        List<Tok> rest = new ArrayList<>(end - proc.idx - 2);
        for (int k = proc.idx + 2; k < end; k++) {
            rest.add(proc.toks[k]);
        }
        Tok lastTok = proc.toks[end - 1];
        Span dspan = new Span(proc.fid, hash.s, lastTok.e);
        proc.idx = end;
        switch (name) {
            case "if": case "ifdef": case "ifndef": {
                if (!proc.active()) {
                    proc.conds.push(new FileProc.Cond(false, false, dspan));
                    return true;
                }
                boolean v = name.equals("if") ? evalIf(rest, dspan) : ifdef(rest, name.equals("ifdef"), dspan);
                proc.conds.push(new FileProc.Cond(true, v, dspan));
                return true;
            }
            case "elif": case "elifdef": case "elifndef": {
                FileProc.Cond c = proc.conds.peekFirst();
                if (c == null) {
                    proc.diag(Code.PP004, dspan, "#" + name + " without #if");
                    return true;
                }
                if (c.sawElse) {
                    proc.diag(Code.PP004, dspan, "#" + name + " after #else");
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
                FileProc.Cond c = proc.conds.peekFirst();
                if (c == null) {
                    proc.diag(Code.PP004, dspan, "#else without #if");
                    return true;
                }
                if (c.sawElse) {
                    proc.diag(Code.PP004, dspan, "#else after #else");
                }
                c.sawElse = true;
                c.active = c.parentActive && !c.taken;
                c.taken = true;
                return true;
            }
            case "endif": {
                if (proc.conds.isEmpty()) {
                    proc.diag(Code.PP004, dspan, "#endif without #if");
                } else {
                    proc.conds.pop();
                }
                return true;
            }
            default:
                break;
        }
        if (!proc.active()) {
            return true;
        }
        switch (name) {
            case "define": {
                Macro m = proc.run.parseDefine(rest, 0, dspan, proc);
                if (m != null) {
                    Macro old = proc.run.macros.get(m.name);
                    if (old != null && old.builtin != null) {
                        proc.diag(Code.PP010, proc.span(rest.get(0)), "redefining builtin macro \"" + m.name + "\"");
                    } else if (old != null && !old.spelling.equals(m.spelling)) {
                        List<Diagnostic.Related> rel = old.definition == null ? List.of()
                                : List.of(new Diagnostic.Related(old.definition, "previous definition"));
                        proc.diags.add(Diagnostic.of(Code.PP010, proc.span(rest.get(0)), "\"" + m.name + "\" redefined", rel));
                    }
                    proc.run.macros.define(m);
                }
                return true;
            }
            case "undef": {
                if (rest.isEmpty() || rest.get(0).kind != Tok.IDENT) {
                    proc.diag(Code.PP009, dspan, "no macro name given in #undef directive");
                } else {
                    proc.run.macros.undef(rest.get(0).text);
                }
                return true;
            }
            case "include": case "include_next": case "import":
                include(hash, rest, dspan);
                return true;
            case "error":
                proc.diag(Code.PP005, dspan, "#error " + restText(nameTok, lastTok));
                return true;
            case "warning":
                proc.diag(Code.PP006, dspan, "#warning " + restText(nameTok, lastTok));
                return true;
            case "pragma":
                if (!rest.isEmpty() && rest.get(0).isIdent("once") && proc.file.path() != null) {
                    proc.run.once.add(proc.file.path());
                    proc.run.uncacheable++;
                }
                return true;
            default:
                // #line, #ident, #sccs, #assert, #unassert: no effect on the devicetree text
                return true;
        }
    }

    String restText(Tok nameTok, Tok last) {
        if (last == nameTok) {
            return "";
        }
        return proc.lx.spliced(nameTok.ce, last.ce).trim();
    }

    boolean ifdef(List<Tok> rest, boolean wantDefined, Span dspan) {
        if (rest.isEmpty() || rest.get(0).kind != Tok.IDENT) {
            proc.diag(Code.PP009, dspan, "no macro name given in #ifdef directive");
            return false;
        }
        return proc.run.macros.isDefined(rest.get(0).text) == wantDefined;
    }

    boolean evalIf(List<Tok> rest, Span dspan) {
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
                    proc.diag(Code.PP009, proc.span(t), "operator \"defined\" requires an identifier");
                    return false;
                }
                Tok r = new Tok(Tok.NUMBER, proc.run.macros.isDefined(rest.get(j).text) ? "1" : "0");
                r.s = t.s;
                r.e = rest.get(paren ? j + 1 : j).e;
                pre.add(r);
                i = paren ? j + 1 : j;
                continue;
            }
            pre.add(t);
        }
        boolean saved = proc.expActive;
        Macro savedM = proc.expMacro;
        int s0 = proc.invStart;
        int e0 = proc.invEnd;
        proc.expActive = true;
        proc.expMacro = Macro.builtin("#if");
        proc.invStart = dspan.start();
        proc.invEnd = dspan.end();
        proc.expAborted = false;
        proc.expTokens = 0;
        proc.expOutTokens = 0;
        List<Tok> ex = proc.expander.expandList(pre);
        boolean aborted = proc.expAborted;
        proc.expActive = saved;
        proc.expMacro = savedM;
        proc.invStart = s0;
        proc.invEnd = e0;
        proc.expAborted = false;
        if (aborted) {
            return false;
        }
        try {
            return IfExpr.eval(ex) != 0;
        } catch (IfExpr.Failure f) {
            Span at = f.tok != null && f.tok.s >= 0 ? proc.span(f.tok) : dspan;
            proc.diag(f.divByZero ? Code.PP011 : Code.PP009, at, f.getMessage());
            return false;
        }
    }

    void include(Tok hash, List<Tok> rest, Span dspan) {
        if (rest.isEmpty()) {
            proc.diag(Code.PP009, dspan, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        String name = null;
        boolean angled = false;
        Span nameSpan;
        Tok first = rest.get(0);
        if (first.kind == Tok.STRING && first.text.startsWith("\"")) {
            name = first.text.substring(1, first.text.length() - 1);
            nameSpan = proc.span(first);
        } else if (first.is("<")) {
            int close = -1;
            for (int k = 1; k < rest.size(); k++) {
                if (rest.get(k).is(">") || rest.get(k).is(">>") || rest.get(k).is(">=")) {
                    close = k;
                    break;
                }
            }
            if (close < 0) {
                proc.diag(Code.PP009, dspan, "missing terminating > character");
                return;
            }
            Tok c = rest.get(close);
            name = proc.lx.spliced(first.ce, c.cs);
            angled = true;
            nameSpan = new Span(proc.fid, first.s, c.s + 1);
        } else {
            // computed include: expand, then read "x" or <x>
            boolean saved = proc.expActive;
            Macro savedM = proc.expMacro;
            proc.expActive = true;
            proc.expMacro = Macro.builtin("#include");
            proc.expAborted = false;
            proc.expTokens = 0;
            proc.expOutTokens = 0;
            List<Tok> ex = proc.expander.expandList(rest);
            proc.expActive = saved;
            proc.expMacro = savedM;
            proc.expAborted = false;
            nameSpan = new Span(proc.fid, first.s, rest.get(rest.size() - 1).e);
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
                proc.diag(Code.PP009, nameSpan, "#include expects \"FILENAME\" or <FILENAME>");
                return;
            }
        }
        IncludeResolver.Kind kind = angled ? IncludeResolver.Kind.ANGLED : IncludeResolver.Kind.QUOTED;
        String spelled = angled ? "<" + name + ">" : "\"" + name + "\"";
        PpUnit unit = loadAndInclude(kind, name, spelled, nameSpan, proc.file.path());
        if (unit != Preprocessor.NO_INCLUDE) {
            proc.output.ensureLine(hash.s);
            proc.output.closeText();
            proc.pieces.add(new PpUnit.Include(dspan, spelled, unit, false));
            proc.output.lastTok = null;
            proc.output.lastWasExpansion = false;
        }
    }

    

    PpUnit loadAndInclude(IncludeResolver.Kind kind, String name, String spelled, Span at, Path from) {
        var found = proc.resolver.resolve(kind, from, name);
        if (found.isEmpty()) {
            StringBuilder dirs = new StringBuilder();
            for (Path d : proc.resolver.searchPath(kind, from)) {
                dirs.append(dirs.length() == 0 ? "" : ", ").append(d);
            }
            proc.diag(Code.PP001, at, spelled + ": no such file (searched " + (dirs.length() == 0 ? "nothing" : dirs) + ")");
            proc.run.uncacheable++;
            return failedUnit(kind);
        }
        Path p = found.get();
        if (kind != IncludeResolver.Kind.DTC && proc.run.once.contains(p)) {
            return Preprocessor.NO_INCLUDE;
        }
        LoadResult r = proc.loader.load(p);
        if (!r.ok()) {
            Code c = switch (r.error()) {
                case NOT_REGULAR, BINARY -> Code.PP008;
                case TOO_LARGE -> Code.PP007;
                default -> Code.PP001;
            };
            proc.diag(c, at, spelled + ": " + r.message());
            proc.run.uncacheable++;
            return failedUnit(kind);
        }
        if (kind == IncludeResolver.Kind.DTC) {
            return rawUnit(r.file(), proc.depth + 1, at);
        }
        return proc.run.includeFile(r.file(), proc.depth + 1, proc, at);
    }

    /**
     * A file read by dtc's {@code /include/}: its text is not preprocessed, but dtc does honour
     * {@code /include/} inside it, so those become nested raw Include pieces.
     */
    PpUnit rawUnit(SourceFile f, int level, Span at) {
        proc.run.loaded.add(f);
        proc.run.dtcIncludes++;
        proc.run.outChars += f.text().length();
        List<PpUnit.Piece> out = new ArrayList<>();
        List<Diagnostic> ds = new ArrayList<>();
        if (level > proc.opts.maxIncludeDepth()) {
            proc.diag(Code.PP007, at, "/include/ nested more than " + proc.opts.maxIncludeDepth() + " levels deep");
            proc.run.uncacheable++;
            return new PpUnit(f, out, ds);
        }
        if (!proc.run.rawStack.add(f.path())) {
            proc.diag(Code.PP002, at, "/include/ cycle: " + f.path() + " includes itself");
            proc.run.uncacheable++;
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
                        var found = proc.resolver.resolve(IncludeResolver.Kind.DTC, proc.run.board.path(), name);
                        if (found.isEmpty()) {
                            found = proc.resolver.resolve(IncludeResolver.Kind.QUOTED, from, name);
                        }
                        PpUnit child = null;
                        if (found.isEmpty()) {
                            ds.add(Diagnostic.of(Code.PP001, nameSpan, "\"" + name + "\": no such file (searched "
                                    + from.getParent() + " and the include path)"));
                            proc.run.uncacheable++;
                        } else {
                            LoadResult lr = proc.loader.load(found.get());
                            if (lr.ok()) {
                                child = rawUnit(lr.file(), level + 1, nameSpan);
                            } else {
                                ds.add(Diagnostic.of(lr.error() == LoadResult.Error.NOT_FOUND ? Code.PP001 : Code.PP008,
                                        nameSpan, "\"" + name + "\": " + lr.message()));
                                proc.run.uncacheable++;
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
            proc.run.rawStack.remove(f.path());
        }
        return new PpUnit(f, out, ds);
    }

    PpUnit.Text rawText(SourceFile f, int start, int end) {
        SourceMap.Builder b = new SourceMap.Builder().copied(0, f.id(), start, end - start);
        return new PpUnit.Text(f.text().substring(start, end), b.build());
    }

    int stringEnd(String t, int open) {
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
    PpUnit failedUnit(IncludeResolver.Kind kind) {
        return null;
    }

    /** dtc's {@code /include/ "file"} at idx; true if handled. */
    boolean rawInclude() {
        if (proc.idx + 3 >= proc.toks.length) {
            return false;
        }
        Tok a = proc.toks[proc.idx];
        Tok b = proc.toks[proc.idx + 1];
        Tok c = proc.toks[proc.idx + 2];
        Tok d = proc.toks[proc.idx + 3];
        if (!b.isIdent("include") || b.space || !c.is("/") || c.space || d.kind != Tok.STRING || !d.text.startsWith("\"")
                || b.bol || c.bol || d.bol) {
            return false;
        }
        String name = d.text.substring(1, d.text.length() - 1);
        String spelled = "\"" + name + "\"";
        Span dspan = new Span(proc.fid, a.s, d.e);
        PpUnit u = loadAndInclude(IncludeResolver.Kind.DTC, name, spelled, proc.span(d), proc.run.board.path());
        proc.output.ensureLine(a.s);
        proc.output.spaceBefore(a.s, a.space, null);
        proc.output.closeText();
        proc.pieces.add(new PpUnit.Include(dspan, spelled, u, true));
        proc.idx += 4;
        proc.output.lastTok = null;
        proc.output.lastWasExpansion = false;
        proc.output.lastOrigEnd = d.e;
        proc.output.atLineStart = false;
        return true;
    }
}
