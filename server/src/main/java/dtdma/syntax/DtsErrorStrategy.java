package dtdma.syntax;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.grammar.DtsLexer;
import dtdma.grammar.DtsParser;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Keeps ANTLR's recovery (single-token insertion and deletion, resynchronisation) but words every error
 * the way a devicetree author thinks about it, e.g. "expected ';' after property 'compatible'", anchored
 * where the fix belongs (a missing token at the end of the previous token).
 */
final class DtsErrorStrategy extends DefaultErrorStrategy {
    private final List<Diagnostic> out;
    private final Span fallback;

    DtsErrorStrategy(List<Diagnostic> out, Span fallback) {
        this.out = out;
        this.fallback = fallback;
    }

    @Override
    public void reportError(Parser p, RecognitionException e) {
        if (inErrorRecoveryMode(p)) {
            return;
        }
        beginErrorCondition(p);
        Token t = e.getOffendingToken() != null ? e.getOffendingToken() : p.getCurrentToken();
        IntervalSet expected;
        try {
            expected = e instanceof NoViableAltException || e instanceof InputMismatchException ? p.getExpectedTokens() : new IntervalSet();
        } catch (RuntimeException ex) {
            expected = new IntervalSet();
        }
        report(p, t, expected);
    }

    private void report(Parser p, Token t, IntervalSet expected) {
        if (closesEarly(t, expected)) {
            Token prev = p.getInputStream().LT(-1);
            Span at = prev != null && prev != t ? spanOf(prev) : spanOf(t);
            add(Span.at(at.fileId(), at.end()), missing(p, expected));
            return;
        }
        add(spanOf(t), unexpected(p, t, expected));
    }

    /** A statement or node ends while a bracket is still open: report the missing closer, not the ending token. */
    private static boolean closesEarly(Token t, IntervalSet expected) {
        int type = t.getType();
        boolean ender = type == DtsLexer.SEMI || type == DtsLexer.RBRACE || type == Token.EOF || type == DtsLexer.COMMA;
        return ender && (expected.contains(DtsLexer.GT) || expected.contains(DtsLexer.RBRACK) || expected.contains(DtsLexer.RPAREN));
    }

    /**
     * In a node body or at top level, skips a statement that cannot start an item: everything up to and
     * including the next ';' at the same brace depth (stopping before a '}' that closes the body). The
     * default strategy would instead pretend the body ended, losing every item after the bad line.
     */
    @Override
    public void sync(Parser p) throws RecognitionException {
        ParserRuleContext ctx = p.getContext();
        boolean body = ctx instanceof DtsParser.NodeBodyContext;
        if (!body && !(ctx instanceof DtsParser.DtsFileContext)) {
            super.sync(p);
            return;
        }
        TokenStream in = p.getInputStream();
        int la = in.LA(1);
        if (la == Token.EOF) {
            return;
        }
        IntervalSet expecting = p.getATN().nextTokens(p.getInterpreter().atn.states.get(p.getState()));
        if (expecting.contains(la)) {
            return;
        }
        if (!inErrorRecoveryMode(p)) {
            beginErrorCondition(p);
            report(p, in.LT(1), expecting);
        }
        int depth = 0;
        while (true) {
            int t = in.LA(1);
            if (t == Token.EOF) {
                return;
            }
            if (t == DtsLexer.RBRACE && depth == 0 && body) {
                return;
            }
            p.consume();
            if (t == DtsLexer.LBRACE) {
                depth++;
            } else if (t == DtsLexer.RBRACE && depth > 0) {
                depth--;
            } else if (t == DtsLexer.SEMI && depth == 0) {
                return;
            }
        }
    }

    @Override
    protected void reportUnwantedToken(Parser p) {
        if (inErrorRecoveryMode(p)) {
            return;
        }
        beginErrorCondition(p);
        Token t = p.getCurrentToken();
        report(p, t, getExpectedTokens(p));
    }

    @Override
    protected void reportMissingToken(Parser p) {
        if (inErrorRecoveryMode(p)) {
            return;
        }
        beginErrorCondition(p);
        Token prev = p.getInputStream().LT(-1);
        Span at = prev != null ? spanOf(prev) : spanOf(p.getCurrentToken());
        at = Span.at(at.fileId(), at.end());
        add(at, missing(p, getExpectedTokens(p)));
    }

    /** Conjures a missing token without asking a token source (placeholder tokens have none). */
    @Override
    protected Token getMissingSymbol(Parser p) {
        IntervalSet expected = getExpectedTokens(p);
        int type = expected.isNil() ? Token.INVALID_TYPE : expected.getMinElement();
        Token prev = p.getInputStream().LT(-1);
        Span s = spanOf(prev != null ? prev : p.getCurrentToken());
        return DtsToken.placeholder(type, "<missing>", Span.at(s.fileId(), s.end()));
    }

    private void add(Span span, String message) {
        out.add(Diagnostic.of(Code.DTS001, span, message));
    }

    private Span spanOf(Token t) {
        Span s = DtsToken.spanOf(t);
        return s != null ? s : fallback;
    }

    // ---------------------------------------------------------------- wording

    private String missing(Parser p, IntervalSet expected) {
        ParserRuleContext ctx = p.getContext();
        if (expected.contains(DtsLexer.RPAREN)) {
            return "expected ')' to close the parenthesis";
        }
        if (expected.contains(DtsLexer.GT)) {
            return "expected '>' to close the cell list";
        }
        if (expected.contains(DtsLexer.RBRACK)) {
            return "expected ']' to close the byte string";
        }
        if (expected.contains(DtsLexer.SEMI)) {
            return "expected ';' after " + subject(ctx);
        }
        if (expected.contains(DtsLexer.RBRACE)) {
            return "expected '}' to close " + subject(ctx);
        }
        return "expected " + describe(expected);
    }

    private String unexpected(Parser p, Token t, IntervalSet expected) {
        ParserRuleContext ctx = p.getContext();
        String what = t.getType() == Token.EOF ? "end of input" : "'" + shorten(t.getText()) + "'";
        if (t.getType() == DtsLexer.ERROR_CHAR) {
            return "unexpected character " + what;
        }
        if (t.getType() == Token.EOF) {
            if (expected.contains(DtsLexer.RBRACE)) {
                return "unexpected end of input: expected '}' to close " + subject(ctx);
            }
            if (expected.contains(DtsLexer.SEMI)) {
                return "unexpected end of input: expected ';' after " + subject(ctx);
            }
            return "unexpected end of input";
        }
        if (t.getType() == DtsLexer.RBRACE) {
            return "unexpected '}'";
        }
        DtsParser.PropDefContext pd = within(ctx, DtsParser.PropDefContext.class);
        if (pd != null && expected.contains(DtsLexer.SEMI)) {
            return pd.EQUALS() != null
                    ? "unexpected " + what + " in the value of " + subject(ctx) + ": expected ',' or ';'"
                    : "unexpected " + what + " after " + subject(ctx) + ": expected '=' or ';'";
        }
        if (t.getType() == DtsLexer.LITERAL && within(ctx, DtsParser.ValueItemContext.class) == null) {
            return "unexpected number " + what + " (a name here cannot be lexed as a number)";
        }
        String exp = describe(expected);
        return exp.isEmpty() ? "unexpected " + what : "unexpected " + what + ": expected " + exp;
    }

    /** "property 'x'", "node 'x'", "node '/'" ... for the innermost construct around {@code ctx}. */
    private static String subject(RuleContext ctx) {
        for (RuleContext c = ctx; c != null; c = c.parent) {
            if (c instanceof DtsParser.PropDefContext pd) {
                return "property '" + text(pd.name()) + "'";
            }
            if (c instanceof DtsParser.DeletePropContext d) {
                return "/delete-property/ " + text(d.name());
            }
            if (c instanceof DtsParser.DeleteNodeContext d) {
                return "/delete-node/ " + text(d.name());
            }
            if (c instanceof DtsParser.NodeDefContext nd) {
                return "node '" + text(nd.name()) + "'";
            }
            if (c instanceof DtsParser.RootNodeContext) {
                return "the root node";
            }
            if (c instanceof DtsParser.RefNodeContext rn) {
                return "node '" + (rn.ref() != null ? rn.ref().getText() : "&?") + "'";
            }
            if (c instanceof DtsParser.V1HeaderContext) {
                return "'/dts-v1/'";
            }
            if (c instanceof DtsParser.PluginHeaderContext) {
                return "'/plugin/'";
            }
            if (c instanceof DtsParser.MemReserveContext) {
                return "'/memreserve/'";
            }
            if (c instanceof DtsParser.DeleteNodeRefContext) {
                return "'/delete-node/'";
            }
            if (c instanceof DtsParser.OmitRefContext) {
                return "'/omit-if-no-ref/'";
            }
        }
        return "the statement";
    }

    private static String text(DtsParser.NameContext n) {
        return n == null || n.getStart() == null ? "?" : n.getText();
    }

    private static <T> T within(RuleContext ctx, Class<T> type) {
        for (RuleContext c = ctx; c != null; c = c.parent) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "?";
        }
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** A short, readable list of what could come next; empty when the list would be long. */
    static String describe(IntervalSet set) {
        List<String> names = new ArrayList<>();
        for (int type : set.toList()) {
            String n = tokenWords(type);
            if (n != null && !names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty() || names.size() > 4) {
            return "";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String tokenWords(int type) {
        return switch (type) {
            case Token.EOF -> "end of input";
            case DtsLexer.PROPNODENAME, DtsLexer.IDENT -> "a property or node name";
            case DtsLexer.LABEL_DEF -> "a label";
            case DtsLexer.LABEL_REF, DtsLexer.PATH_REF -> "a reference";
            case DtsLexer.LITERAL, DtsLexer.CHAR_LIT -> "a number";
            case DtsLexer.STRING -> "a string";
            case DtsLexer.BYTE, DtsLexer.BAD_BYTE -> "a byte";
            case DtsLexer.INCLUDED_ITEMS -> null;
            case DtsLexer.DTS_V1 -> "'/dts-v1/'";
            case DtsLexer.PLUGIN -> "'/plugin/'";
            case DtsLexer.MEMRESERVE -> "'/memreserve/'";
            case DtsLexer.BITS -> "'/bits/'";
            case DtsLexer.DEL_PROP -> "'/delete-property/'";
            case DtsLexer.DEL_NODE -> "'/delete-node/'";
            case DtsLexer.OMIT_NO_REF -> "'/omit-if-no-ref/'";
            case DtsLexer.INCBIN -> "'/incbin/'";
            case DtsLexer.LBRACE -> "'{'";
            case DtsLexer.RBRACE -> "'}'";
            case DtsLexer.SEMI -> "';'";
            case DtsLexer.LBRACK -> "'['";
            case DtsLexer.RBRACK -> "']'";
            case DtsLexer.LT -> "'<'";
            case DtsLexer.GT -> "'>'";
            case DtsLexer.LPAREN -> "'('";
            case DtsLexer.RPAREN -> "')'";
            case DtsLexer.EQUALS -> "'='";
            case DtsLexer.COMMA -> "','";
            case DtsLexer.SLASH -> "'/'";
            case DtsLexer.COLON -> "':'";
            default -> {
                String lit = DtsLexer.VOCABULARY.getLiteralName(type);
                yield lit != null ? lit : "an operator";
            }
        };
    }
}
