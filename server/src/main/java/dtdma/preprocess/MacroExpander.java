package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Macro expansion in one file, as GCC's cpp does it: object-like and function-like macros, argument
 * collection, substitution with hide sets, {@code #} and {@code ##}, the builtins, and the expansion budgets.
 */
final class MacroExpander {
    private final FileProc proc;

    MacroExpander(FileProc proc) {
        this.proc = proc;
    }

    void startExpansionCandidate(Tok t) {
        if (!proc.expActive) {
            Macro m = proc.run.macros.get(t.text);
            if (m != null) {
                proc.expActive = true;
                proc.expMacro = m;
                proc.invStart = t.s;
                proc.invEnd = t.e;
                proc.expBuf.setLength(0);
                proc.expFirst = null;
                proc.expLast = null;
                proc.expTokens = 0;
                proc.expOutTokens = 0;
                proc.expAborted = false;
            }
        }
    }

    /** Expands a macro named by t if it should be; pushes the result onto in. */
    boolean tryExpand(Tok t, Preprocessor.In in) {
        Macro m = proc.run.macros.get(t.text);
        if (m == null || Tok.HideSet.contains(t.hs, m.name) || proc.expAborted) {
            return false;
        }
        if (Tok.HideSet.size(t.hs) >= proc.opts.maxExpansionDepth()) {
            proc.output.limit("macro expansion nested deeper than " + proc.opts.maxExpansionDepth() + " (at " + m.name + ")");
            return false;
        }
        if (m.builtin != null) {
            Tok r = builtin(m, t);
            if (r == null) {
                return false;
            }
            r.space = t.space;
            r.hs = Tok.HideSet.add(t.hs, m.name);
            r.ctx = proc.run.ctxSeq++;
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
            proc.run.poll();
            if (++argTokens > proc.opts.maxExpansionTokens()) {
                proc.output.limit("macro " + m.name + " has an argument list longer than " + proc.opts.maxExpansionTokens() + " tokens");
                return false;
            }
            // nested calls such as I(I(...)) hold every enclosing call's arguments (and their pre-expansions)
            // while the inner ones are collected: bound what is held at once, not only each list
            if (proc.liveArgTokens + argTokens > proc.opts.maxExpansionTokens()) {
                proc.output.limit("nested invocations of macro " + m.name + " hold more than "
                        + proc.opts.maxExpansionTokens() + " argument tokens at once (nested too deeply)");
                return false;
            }
            if (++proc.expTokens > proc.opts.maxExpansionWork()) {
                proc.output.limit("expansion of macro " + proc.expMacro.name + " needs more than " + proc.opts.maxExpansionWork()
                        + " token operations (nested too deeply or too wide)");
                return false;
            }
        }
        if (rparen == null) {
            proc.diag(Code.PP012, proc.span(t), "unterminated argument list invoking macro \"" + m.name + "\"");
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
            Span sp = t.s >= 0 ? new Span(proc.fid, t.s, Math.max(t.s, rparen.e >= t.s ? rparen.e : t.e))
                    : new Span(proc.fid, proc.invStart, Math.max(proc.invStart, proc.invEnd));
            proc.diag(Code.PP003, sp, msg);
            in.push(consumed.subList(0, consumed.size()));
            return false;
        }
        Tok.HideSet hs = Tok.HideSet.add(Tok.HideSet.intersect(t.hs, rparen.hs), m.name);
        proc.liveArgTokens += argTokens;
        try {
            in.push(subst(m, args, hs, t));
        } finally {
            proc.liveArgTokens -= argTokens;
        }
        return true;
    }

    Tok builtin(Macro m, Tok t) {
        switch (m.builtin) {
            case "__LINE__": {
                int at = t.s >= 0 ? t.s : proc.invStart;
                return new Tok(Tok.NUMBER, Integer.toString(proc.lines.line0(Math.max(0, at)) + 1));
            }
            case "__FILE__":
                return new Tok(Tok.STRING, Preprocessor.quote(String.valueOf(proc.file.path())));
            case "__BASE_FILE__":
                proc.run.uncacheable++;
                return new Tok(Tok.STRING, Preprocessor.quote(String.valueOf(proc.run.board.path())));
            case "__COUNTER__":
                proc.run.uncacheable++;
                return new Tok(Tok.NUMBER, Integer.toString(proc.run.counter++));
            case "__INCLUDE_LEVEL__":
                proc.run.uncacheable++;
                return new Tok(Tok.NUMBER, Integer.toString(proc.depth));
            default:
                return null;
        }
    }

    List<Tok> expandList(List<Tok> ts) {
        if (++proc.argDepth > proc.opts.maxExpansionDepth()) {
            proc.argDepth--;
            proc.output.limit("macro arguments nested deeper than " + proc.opts.maxExpansionDepth());
            return ts;
        }
        try {
            Preprocessor.ListIn in = new Preprocessor.ListIn(ts);
            List<Tok> r = new ArrayList<>(ts.size());
            for (Tok t = in.next(); t != null; t = in.next()) {
                if (t.kind == Tok.IDENT && tryExpand(t, in)) {
                    continue;
                }
                r.add(t);
            }
            return r;
        } finally {
            proc.argDepth--;
        }
    }

    List<Tok> subst(Macro m, List<List<Tok>> args, Tok.HideSet hs, Tok nameTok) {
        Tok[] body = m.body;
        int n = body.length;
        int bodyCtx = proc.run.ctxSeq++;
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
                    a = copyArg(expanded[pi], true, proc.run.ctxSeq++);
                }
                if (!a.isEmpty()) {
                    a.get(0).space = b.space;
                }
                if ((long) outL.size() + a.size() > proc.opts.maxExpansionTokens()) {
                    // checked before the list grows: a wide body repeating its argument multiplies it
                    proc.output.limit("expansion of macro " + proc.expMacro.name + " produces more than " + proc.opts.maxExpansionTokens() + " tokens");
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
        proc.expTokens += res.size();
        proc.run.cancel.check();
        if (res.size() > proc.opts.maxExpansionTokens()) {
            proc.output.limit("expansion of macro " + proc.expMacro.name + " produces more than " + proc.opts.maxExpansionTokens() + " tokens");
            return List.of();
        }
        if (proc.expTokens > proc.opts.maxExpansionWork()) {
            proc.output.limit("expansion of macro " + proc.expMacro.name + " needs more than " + proc.opts.maxExpansionWork()
                    + " token operations (nested too deeply or too wide)");
            return List.of();
        }
        return res;
    }

    List<Tok> copyArg(List<Tok> a, boolean keepHs, int ctx) {
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

    List<Tok> paste(Tok lhs, Tok rhs) {
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

    Tok stringify(List<Tok> arg) {
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

}
