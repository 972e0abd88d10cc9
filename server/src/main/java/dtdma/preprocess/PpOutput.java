package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.text.Span;

/**
 * The output of one file: its text pieces (text up to each include, with the source map that sends every
 * character back to where it was written or to the macro invocation it came from), the line structure cpp keeps,
 * the spacing cpp prints between tokens, and the output budget.
 */
final class PpOutput {
    private final FileProc proc;

    /** The text since the last include, and its source map. */
    StringBuilder out = new StringBuilder();
    SourceMap.Builder map = new SourceMap.Builder();
    /** The line of the file the output has reached (cpp keeps line structure). */
    int emittedLine;
    boolean atLineStart = true;
    int lastOrigEnd = -1;
    Tok lastTok;
    boolean lastWasExpansion;

    PpOutput(FileProc proc) {
        this.proc = proc;
    }

    void ensureLine(int origOffset) {
        int target = proc.lines.line0(origOffset);
        while (emittedLine < target) {
            int nl = proc.lines.lineStart(emittedLine + 1) - 1;
            map.copied(out.length(), proc.fid, nl, 1);
            out.append('\n');
            emittedLine++;
            atLineStart = true;
            lastTok = null;
            lastWasExpansion = false;
            lastOrigEnd = nl + 1;
            proc.run.outChars++;
        }
    }

    boolean pureBlank(int from, int to) {
        if (from < 0 || from > to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = proc.src.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Whitespace before something starting at original offset {@code at}. */
    void spaceBefore(int at, boolean space, Tok first) {
        if (atLineStart) {
            int ls = proc.lines.lineStart(proc.lines.line0(at));
            if (ls < at && pureBlank(ls, at)) {
                map.copied(out.length(), proc.fid, ls, at - ls);
                out.append(proc.src, ls, at);
            } else if (space) {
                out.append(' ');
            }
            return;
        }
        if (space) {
            if (lastOrigEnd >= 0 && lastOrigEnd < at && pureBlank(lastOrigEnd, at)) {
                map.copied(out.length(), proc.fid, lastOrigEnd, at - lastOrigEnd);
                out.append(proc.src, lastOrigEnd, at);
            } else {
                map.copied(out.length(), proc.fid, Math.max(0, at - 1), 1);
                out.append(' ');
            }
        } else if (first != null && lastTok != null && lastWasExpansion && Preprocessor.avoidPaste(lastTok, first)) {
            out.append(' ');
        }
    }

    void emitFile(Tok t) {
        ensureLine(t.s);
        spaceBefore(t.s, t.space, t);
        int len = t.text.length();
        if (t.e - t.s == len) {
            map.copied(out.length(), proc.fid, t.s, len);
        } else {
            for (int k = 0; k < len; k++) {
                map.copied(out.length() + k, proc.fid, proc.lx.off[t.cs + k], 1);
            }
        }
        out.append(t.text);
        proc.run.outChars += len + 1;
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
        if (proc.expFirst == null) {
            proc.expFirst = t;
        } else if (t.space || (!t.pasted && t.ctx != proc.expLast.ctx && Preprocessor.avoidPaste(proc.expLast, t))) {
            proc.expBuf.append(' ');
        }
        proc.expBuf.append(t.text);
        proc.expLast = t;
        if (++proc.expOutTokens > proc.opts.maxExpansionTokens()) {
            limit("expansion of macro " + proc.expMacro.name + " produces more than " + proc.opts.maxExpansionTokens() + " tokens");
        }
        if (proc.expBuf.length() > proc.opts.maxOutputChars()) {
            limit("macro expansion of " + proc.expMacro.name + " is larger than " + proc.opts.maxOutputChars() + " characters");
        }
    }

    void flushExpansion() {
        proc.expActive = false;
        ensureLine(proc.invStart);
        if (proc.expFirst != null) {
            spaceBefore(proc.invStart, proc.expFirst.space, proc.expFirst);
        }
        int o = out.length();
        out.append(proc.expBuf);
        String text = proc.expBuf.toString();
        map.expanded(o, out.length(), new Span(proc.fid, proc.invStart, Math.max(proc.invStart, proc.invEnd)),
                new SourceMap.Expansion(proc.expMacro.name, proc.expMacro.definition, text));
        proc.run.outChars += text.length();
        if (proc.expLast != null) {
            lastTok = proc.expLast;
            atLineStart = false;
        }
        lastWasExpansion = true;
        lastOrigEnd = proc.invEnd;
        proc.expBuf.setLength(0);
        checkOutput();
    }

    void checkOutput() {
        if (proc.run.outChars > proc.opts.maxOutputChars() && !proc.run.aborted) {
            proc.diag(Code.PP007, Span.at(proc.fid, lastOrigEnd < 0 ? 0 : Math.min(lastOrigEnd, proc.src.length())),
                    "preprocessed output exceeds " + proc.opts.maxOutputChars() + " characters; stopped");
            proc.run.aborted = true;
            proc.run.uncacheable++;
        }
    }

    void limit(String msg) {
        if (!proc.expAborted) {
            proc.diag(Code.PP007, new Span(proc.fid, proc.invStart, Math.max(proc.invStart, proc.invEnd)), msg);
            proc.run.uncacheable++;
        }
        proc.expAborted = true;
        proc.pending.clear();
    }

    void closeText() {
        if (out.length() > 0) {
            proc.pieces.add(new PpUnit.Text(out.toString(), map.build()));
        }
        out = new StringBuilder();
        map = new SourceMap.Builder();
    }

}
