package dtdma.format;

import dtdma.format.Cst.Kind;
import dtdma.format.Cst.Stmt;
import dtdma.format.Scanner.Tok;
import dtdma.format.Scanner.Trivia;
import java.util.List;

/**
 * Builds a {@link Cst} from the scanner's tokens. Strict on purpose: any shape the printer could not keep as
 * written (a comment or a directive inside a statement's head, a macro standing for a whole statement, an
 * unbalanced bracket) is a {@link FormatException}, and the file is left alone.
 */
public final class CstParser {
    private final String src;
    private final List<Tok> toks;
    private int p;

    private CstParser(String src, List<Tok> toks) {
        this.src = src;
        this.toks = toks;
    }

    /** Parses LF-normalised text. */
    public static Cst.File parse(String text) {
        return new CstParser(text, Scanner.scan(text)).file();
    }

    /** A macro invocation {@code NAME(args)} where a label or a name is expected, as one token (verbatim). */
    private Tok macroCall() {
        Tok w = next();
        int level = 0;
        Tok last;
        do {
            last = next();
            if (last.kind == Scanner.Kind.EOF || last.is(";") || last.is("{") || last.is("}")) {
                throw fail("unbalanced macro arguments", last);
            }
            for (Trivia tr : last.trivia) {
                if (!tr.isComment()) {
                    throw new FormatException("preprocessor directive inside a statement", tr.start);
                }
            }
            if (last.is("(")) {
                level++;
            } else if (last.is(")")) {
                level--;
            }
        } while (level > 0);
        return new Tok(Scanner.Kind.WORD, src.substring(w.start, last.end), w.start, last.end, w.trivia, w.nl,
                w.wsBefore);
    }

    private boolean atMacroCall() {
        Tok t = peek();
        if (t.kind != Scanner.Kind.WORD || p + 1 >= toks.size()) {
            return false;
        }
        Tok n = toks.get(p + 1);
        return n.is("(") && n.start == t.end;
    }

    private Tok peek() {
        return toks.get(p);
    }

    private Tok next() {
        return toks.get(p++);
    }

    private Cst.File file() {
        Cst.File f = new Cst.File();
        while (peek().kind != Scanner.Kind.EOF) {
            Stmt s = stmt(true);
            f.items.add(s);
        }
        Tok eof = peek();
        f.endTrivia.addAll(eof.trivia);
        f.endNl = eof.nl;
        return f;
    }

    private static FormatException fail(String msg, Tok t) {
        return new FormatException(msg + (t.kind == Scanner.Kind.EOF ? " at the end of the file" : " at '" + t.text + "'"),
                t.start);
    }

    /** Trivia inside a statement's head: only whitespace may be there. */
    private static void noTrivia(Tok t) {
        if (!t.trivia.isEmpty()) {
            Trivia tr = t.trivia.get(0);
            throw new FormatException(tr.isComment() ? "comment inside a statement" : "preprocessor directive inside a statement",
                    tr.start);
        }
    }

    private Stmt stmt(boolean top) {
        Stmt s = new Stmt();
        Tok first = peek();
        s.leading.addAll(first.trivia);
        boolean firstTok = true;
        Tok t;
        while (true) {
            if (!firstTok) {
                noTrivia(peek());
            }
            if (peek().kind == Scanner.Kind.LABEL || peek().is("/omit-if-no-ref/")) {
                s.prefix.add(next());
                firstTok = false;
                continue;
            }
            if (atMacroCall()) {
                Tok m = macroCall();
                firstTok = false;
                if (peek().is(":")) {
                    Tok colon = next();
                    noTrivia(colon);
                    s.prefix.add(new Tok(Scanner.Kind.LABEL, src.substring(m.start, colon.end), m.start, colon.end,
                            m.trivia, m.nl, m.wsBefore));
                    continue;
                }
                t = m;
                break;
            }
            t = next();
            break;
        }
        switch (t.kind) {
            case KEYWORD -> {
                s.keyword = t;
                switch (t.text) {
                    case "/dts-v1/", "/plugin/" -> {
                        s.kind = Kind.HEADER;
                        semi(s);
                    }
                    case "/memreserve/" -> {
                        s.kind = Kind.MEMRESERVE;
                        while (!peek().is(";")) {
                            Tok v = next();
                            noTrivia(v);
                            if (v.kind == Scanner.Kind.EOF || v.is("{") || v.is("}")) {
                                throw fail("unexpected token in /memreserve/", v);
                            }
                            s.value.add(v);
                        }
                        semi(s);
                    }
                    case "/delete-node/", "/delete-property/" -> {
                        s.kind = t.text.equals("/delete-node/") ? Kind.DELETE_NODE : Kind.DELETE_PROPERTY;
                        Tok n = next();
                        noTrivia(n);
                        if (n.kind != Scanner.Kind.WORD && n.kind != Scanner.Kind.REF && n.kind != Scanner.Kind.PATHREF) {
                            throw fail("expected a name after " + t.text, n);
                        }
                        s.name = n;
                        semi(s);
                    }
                    case "/include/" -> {
                        s.kind = Kind.DTC_INCLUDE;
                        Tok n = next();
                        noTrivia(n);
                        if (n.kind != Scanner.Kind.STRING) {
                            throw fail("expected a file name after /include/", n);
                        }
                        s.value.add(n);
                        trailing(s);
                    }
                    default -> throw fail("unexpected keyword", t);
                }
            }
            case WORD, REF, PATHREF, PUNCT -> {
                if (t.kind == Scanner.Kind.PUNCT && !t.text.equals("/")) {
                    throw fail("unexpected token", t);
                }
                s.name = t;
                if (!s.prefix.isEmpty() && s.prefix.stream().anyMatch(x -> x.is("/omit-if-no-ref/"))
                        && top && (t.kind == Scanner.Kind.REF || t.kind == Scanner.Kind.PATHREF) && peek().is(";")) {
                    s.kind = Kind.OMIT_REF;
                    semi(s);
                    break;
                }
                Tok after = next();
                if (after.is("{") && after.trivia.stream().allMatch(tr -> tr.isComment() && tr.nlBefore == 0
                        && tr.kind != Scanner.TriviaKind.LINE_COMMENT && tr.text.indexOf('\n') < 0)) {
                    // "&ohci /* &usbd */ {": comments between the name and '{' on one line stay there
                    s.headComments.addAll(after.trivia);
                } else {
                    noTrivia(after);
                }
                if (after.is("{")) {
                    s.kind = Kind.NODE;
                    s.open = after;
                    claimTrailing(s.openTrailing);
                    while (!peek().is("}")) {
                        if (peek().kind == Scanner.Kind.EOF) {
                            throw fail("missing '}'", peek());
                        }
                        s.children.add(stmt(false));
                    }
                    s.close = next();
                    s.closeLeading.addAll(s.close.trivia);
                    semi(s);
                } else if (after.is("=") && t.kind == Scanner.Kind.WORD) {
                    s.kind = Kind.PROPERTY;
                    while (!peek().is(";")) {
                        Tok v = next();
                        if (v.kind == Scanner.Kind.EOF || v.is("{") || v.is("}")) {
                            throw fail("unexpected token in a property value", v);
                        }
                        for (Trivia tr : v.trivia) {
                            if (!tr.isComment()) {
                                throw new FormatException("preprocessor directive inside a property value", tr.start);
                            }
                        }
                        s.value.add(v);
                    }
                    if (s.value.isEmpty()) {
                        throw fail("empty property value", peek());
                    }
                    semiKeepComments(s);
                } else if (after.is(";") && t.kind == Scanner.Kind.WORD) {
                    p--;
                    s.kind = Kind.PROPERTY;
                    semi(s);
                } else {
                    throw fail("unexpected token", after);
                }
            }
            default -> throw fail("unexpected token", t);
        }
        return s;
    }

    private void semi(Stmt s) {
        Tok semi = next();
        if (!semi.is(";")) {
            throw fail("expected ';'", semi);
        }
        noTrivia(semi);
        s.semi = semi;
        trailing(s);
    }

    /** The ';' of a property may have comments before it (kept with the value). */
    private void semiKeepComments(Stmt s) {
        Tok semi = next();
        for (Trivia tr : semi.trivia) {
            if (!tr.isComment()) {
                throw new FormatException("preprocessor directive inside a property value", tr.start);
            }
        }
        s.semi = semi;
        trailing(s);
    }

    private void trailing(Stmt s) {
        claimTrailing(s.trailing);
    }

    /** Moves the comments on the current line (before the next token) into {@code into}. */
    private void claimTrailing(List<Trivia> into) {
        Tok nx = peek();
        List<Trivia> tr = nx.trivia;
        while (!tr.isEmpty() && tr.get(0).isComment() && tr.get(0).nlBefore == 0) {
            into.add(tr.remove(0));
        }
    }
}
