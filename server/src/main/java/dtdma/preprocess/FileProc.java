package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.source.IncludeResolver;
import dtdma.source.SourceLoader;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Preprocesses one file's own text for a {@link Preprocessor} run: reads its tokens, drives the conditional
 * groups, and hands directives and includes to {@link Directives}, macro invocations to {@link MacroExpander}
 * and the text it produces to {@link PpOutput}, which writes the unit's text and source map.
 */
final class FileProc implements Preprocessor.In {
    final PpCache cache;
    final Preprocessor.Options opts;
    final IncludeResolver resolver;
    final SourceLoader loader;
    final PpOutput output = new PpOutput(this);
    final MacroExpander expander = new MacroExpander(this);
    final Directives directives = new Directives(this);
    final Preprocessor.Run run;
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
    /** Argument tokens held by the function-like invocations being expanded, outermost to innermost. */
    long liveArgTokens;

    FileProc(Preprocessor.Run run, SourceFile file, int depth) {
        this.run = run;
        Preprocessor owner = run.owner();
        this.cache = owner.cache();
        this.opts = owner.options();
        this.resolver = owner.resolver();
        this.loader = owner.loader();
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
        run.cancel.check();
        while (!run.aborted) {
            run.poll();
            if (pending.isEmpty()) {
                if (expActive) {
                    output.flushExpansion();
                }
                if (idx >= toks.length) {
                    break;
                }
                Tok t = toks[idx];
                if (t.bol && t.is("#") && directives.directive()) {
                    continue;
                }
                if (!active()) {
                    idx = lineEndIdx(idx);
                    continue;
                }
                if (t.is("/") && directives.rawInclude()) {
                    continue;
                }
            }
            boolean fromFile = pending.isEmpty();
            Tok t = next();
            if (t.kind == Tok.IDENT) {
                boolean wasActive = expActive;
                if (fromFile) {
                    expander.startExpansionCandidate(t);
                }
                if (expander.tryExpand(t, this)) {
                    continue;
                }
                if (fromFile && !wasActive && pending.isEmpty()) {
                    expActive = false;
                }
            }
            if (fromFile) {
                output.emitFile(t);
            } else {
                output.emitExpanded(t);
            }
        }
        if (expActive) {
            output.flushExpansion();
        }
        for (Cond c : conds) {
            diag(Code.PP004, c.where, "unterminated conditional directive");
        }
        if (lx.unterminatedComment >= 0) {
            diag(Code.PP012, new Span(fid, lx.unterminatedComment, Math.min(src.length(), lx.unterminatedComment + 2)),
                    "unterminated comment");
        }
        output.ensureLine(src.length());
        output.closeText();
        return new PpUnit(file, pieces, diags);
    }

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

    /** Conditional-group state. */
    static final class Cond {
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
}
