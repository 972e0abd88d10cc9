package dtdma.syntax;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.grammar.DtsLexer;
import dtdma.grammar.DtsParser;
import dtdma.preprocess.PpUnit;
import dtdma.preprocess.SourceMap;
import dtdma.text.Cancel;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses preprocessed devicetree source into {@link Ast} records with spans in the original files.
 *
 * <p>The token stream is built across the pieces of a {@link PpUnit} tree, carrying dtc's lexer context
 * (value, name, byte string) across file boundaries as dtc does. An included unit that starts at a
 * top-level statement boundary and parses cleanly on its own is parsed once and its items are reused from
 * {@link PpUnit#memo()} wherever it is included again; other includes are inlined token by token.
 * Parsing tries ANTLR's fast SLL prediction first and falls back to full LL with error recovery only
 * when SLL fails.
 *
 * <p>Thread-safe: instances hold no mutable state; units may be parsed concurrently.
 */
public final class SyntaxParser {
    private static final Logger LOG = Logger.getLogger(SyntaxParser.class.getName());

    /** Parses a preprocessed board or file; reports a missing {@code /dts-v1/} header (DTS004). */
    public ParseResult parse(PpUnit unit) {
        return parse(unit, true, Cancel.NONE);
    }

    /** Like {@link #parse(PpUnit)}, stopping when {@code cancel} fires. */
    public ParseResult parse(PpUnit unit, Cancel cancel) {
        return parse(unit, true, cancel);
    }

    /**
     * Parses a preprocessed unit. With {@code requireHeader} false a missing {@code /dts-v1/} is not
     * reported (for a {@code .dtsi} analysed on its own).
     */
    public ParseResult parse(PpUnit unit, boolean requireHeader) {
        return parse(unit, requireHeader, Cancel.NONE);
    }

    /**
     * Like {@link #parse(PpUnit, boolean)}, polling {@code cancel} while lexing (every few hundred tokens), at
     * every grammar rule the parser enters and at every top-level item it builds.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires; a unit whose parse was
     *         interrupted is not memoised
     */
    public ParseResult parse(PpUnit unit, boolean requireHeader, Cancel cancel) {
        Cancel c = cancel == null ? Cancel.NONE : cancel;
        long t0 = System.nanoTime();
        UnitParse p = parseTokens(unit, DtsLexer.DEFAULT_MODE, c);
        List<Diagnostic> diags = new ArrayList<>(p.diagnostics());
        boolean notAnalysed = p.diagnostics().stream().anyMatch(d -> d.code() == Code.LIM001);
        if (requireHeader && !notAnalysed && p.items().stream().noneMatch(i -> i instanceof Ast.Header h && !h.plugin())) {
            Span at = p.items().isEmpty() ? Span.at(unit.file().id(), 0) : startOf(p.items().get(0).span());
            diags.add(0, Diagnostic.of(Code.DTS004, at,
                    "missing '/dts-v1/;' header: dtc rejects a file that does not start with it (directly or through an include)"));
        }
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format("parsed %s in %.2f ms", unit.file(), (System.nanoTime() - t0) / 1e6));
        }
        return new ParseResult(p.items(), diags);
    }

    /** Parses a file without preprocessing (tests, dtc's own output). */
    public ParseResult parseText(SourceFile f) {
        return parse(unitOf(f));
    }

    /** A one-piece unit with an identity map: the text of {@code f} as if already preprocessed. */
    public static PpUnit unitOf(SourceFile f) {
        int n = f.text().length();
        SourceMap map = new SourceMap(List.of(new SourceMap.Segment(0, n, f.id(), 0, n, null)));
        return new PpUnit(f, List.of(new PpUnit.Text(f.text(), map)), List.of());
    }

    private static Span startOf(Span s) {
        return s == null ? null : new Span(s.fileId(), s.start(), s.start());
    }

    // ---------------------------------------------------------------- per-unit memo

    /** The unit parsed on its own in the name context, memoised in the unit. */
    UnitParse cached(PpUnit unit, Cancel cancel) {
        Object[] memo = unit.memo();
        synchronized (memo) {
            if (memo[0] instanceof UnitParse up) {
                return up;
            }
        }
        UnitParse up = parseTokens(unit, DtsLexer.NAME, cancel);
        synchronized (memo) {
            if (memo[0] == null) {
                memo[0] = up;
            } else if (memo[0] instanceof UnitParse other) {
                return other;
            }
        }
        return up;
    }

    private UnitParse parseTokens(PpUnit unit, int startMode, Cancel cancel) {
        cancel.check();
        Collector c = new Collector(startMode, cancel);
        c.unit(unit);
        List<Token> tokens = c.tokens;
        Span end = endSpan(unit, tokens);
        tokens.add(DtsToken.placeholder(Token.EOF, "<EOF>", end));
        List<Diagnostic> diags = new ArrayList<>();
        if (c.overBudget != null) {
            Span at = DtsToken.spanOf(c.overBudget);
            diags.add(Diagnostic.of(Code.LIM001, at == null ? end : at, "more than " + dtdma.check.Budgets.MAX_TOKENS_PER_FILE
                    + " tokens after preprocessing: this file is not analysed (the largest real board has about 54,000)"));
            return new UnitParse(List.of(), diags, false, c.sawToken);
        }
        Token tooDeep = tooDeep(tokens);
        if (tooDeep != null) {
            Span at = DtsToken.spanOf(tooDeep);
            diags.add(Diagnostic.of(Code.LIM001, at == null ? end : at, "nodes or parentheses nested deeper than "
                    + MAX_NESTING + " levels: this file is not analysed (the deepest real board nests 14 levels; "
                    + "dtc itself gives up near 3000)"));
            return new UnitParse(List.of(), diags, false, c.sawToken);
        }
        DtsParser.DtsFileContext tree = parseTree(tokens, diags, end, cancel);
        boolean syntaxClean = diags.isEmpty();
        AstBuilder b = new AstBuilder(diags, end, cancel);
        List<Ast.TopItem> items = b.file(tree);
        return new UnitParse(items, diags, syntaxClean && !b.sawSyntaxError(), c.sawToken);
    }

    /**
     * The budget of nesting ({@code {} and {@code (}) the recursive-descent parser and the tree walks accept.
     * The deepest real board in Linux 6.1 nests 14 levels (see docs/robustness.md).
     */
    public static final int MAX_NESTING = dtdma.check.Budgets.MAX_NESTING;

    /** The first token nested deeper than {@link #MAX_NESTING}, or null. */
    private static Token tooDeep(List<Token> tokens) {
        int depth = 0;
        for (Token t : tokens) {
            int type = t.getType();
            if (type == DtsLexer.LBRACE || type == DtsLexer.LPAREN) {
                if (++depth > MAX_NESTING) {
                    return t;
                }
            } else if ((type == DtsLexer.RBRACE || type == DtsLexer.RPAREN) && depth > 0) {
                depth--;
            }
        }
        return null;
    }

    private static Span endSpan(PpUnit unit, List<Token> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Span s = DtsToken.spanOf(tokens.get(i));
            if (s != null) {
                return Span.at(s.fileId(), s.end());
            }
        }
        return Span.at(unit.file().id(), unit.file().text().length());
    }

    private static DtsParser.DtsFileContext parseTree(List<Token> tokens, List<Diagnostic> diags, Span end, Cancel cancel) {
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        DtsParser parser = new DtsParser(stream);
        parser.removeErrorListeners();
        if (cancel != Cancel.NONE) {
            parser.addParseListener(new CancelListener(cancel));
        }
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.dtsFile();
        } catch (ParseCancellationException e) {
            stream.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DtsErrorStrategy(diags, end));
            return parser.dtsFile();
        }
    }

    /**
     * Polls the cancel signal at every rule the parser enters. The {@link java.util.concurrent.CancellationException}
     * it throws is not a {@link ParseCancellationException} (which means "SLL failed, retry with LL") and not a
     * {@link org.antlr.v4.runtime.RecognitionException}, so neither the SLL fallback nor error recovery swallows it.
     */
    private static final class CancelListener implements ParseTreeListener {
        private final Cancel cancel;

        CancelListener(Cancel cancel) {
            this.cancel = cancel;
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
            cancel.check();
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
        }

        @Override
        public void visitTerminal(TerminalNode node) {
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
        }
    }

    // ---------------------------------------------------------------- token collection across pieces

    /** Lexes the pieces of a unit tree into one list of visible tokens, keeping the lexer mode across pieces. */
    private final class Collector {
        final List<Token> tokens = new ArrayList<>();
        int mode;
        int depth;
        int lastType = -1;
        boolean sawToken;
        /** The first token beyond the token budget; collecting stops there. */
        Token overBudget;
        final Cancel cancel;

        Collector(int mode, Cancel cancel) {
            this.mode = mode;
            this.cancel = cancel;
        }

        void unit(PpUnit u) {
            for (PpUnit.Piece piece : u.pieces()) {
                if (overBudget != null) {
                    return;
                }
                if (piece instanceof PpUnit.Text t) {
                    lex(t, u.file());
                } else if (piece instanceof PpUnit.Include inc && inc.unit() != null) {
                    include(inc);
                }
            }
        }

        private void include(PpUnit.Include inc) {
            boolean boundary = depth == 0 && (lastType == -1 || lastType == DtsLexer.SEMI);
            if (boundary) {
                UnitParse p = cached(inc.unit(), cancel);
                if (p.clean()) {
                    if (p.hasTokens()) {
                        DtsToken mark = DtsToken.placeholder(DtsLexer.INCLUDED_ITEMS, inc.spelled(), inc.directive());
                        mark.included = p;
                        tokens.add(mark);
                        mode = DtsLexer.NAME;
                        lastType = DtsLexer.SEMI;
                        sawToken = true;
                    }
                    return;
                }
            }
            unit(inc.unit());
        }

        private void lex(PpUnit.Text t, SourceFile file) {
            if (t.text().isEmpty()) {
                return;
            }
            DtsLexer lexer = new DtsLexer(new Utf16CharStream(t.text(), file.path() == null ? "" : file.path().toString()));
            lexer.removeErrorListeners();
            lexer.setTokenFactory(new DtsToken.Factory(new DtsToken.Origin(t.map(), file.id())));
            lexer.mode(mode);
            for (Token tok = lexer.nextToken(); tok.getType() != Token.EOF; tok = lexer.nextToken()) {
                if (tok.getChannel() != Token.DEFAULT_CHANNEL) {
                    continue;
                }
                int type = tok.getType();
                if (type == DtsLexer.LBRACE) {
                    depth++;
                } else if (type == DtsLexer.RBRACE && depth > 0) {
                    depth--;
                }
                lastType = type;
                sawToken = true;
                if ((tokens.size() & 511) == 0) {
                    cancel.check();
                }
                if (tokens.size() >= dtdma.check.Budgets.MAX_TOKENS_PER_FILE) {
                    overBudget = tok;
                    return;
                }
                tokens.add(tok);
            }
            mode = lexer.currentMode();
        }
    }
}
