package dtdma.syntax;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.grammar.DtsLexer;
import dtdma.grammar.DtsParser;
import dtdma.text.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into {@link Ast} records with original spans, decodes literals and reports
 * what the grammar deliberately lets through: properties after subnodes (DTS002), invalid literals (DTS003),
 * labels on the root, stray identifiers in values (DTS005). Tolerates the partial trees error recovery
 * leaves behind.
 */
final class AstBuilder {
    private static final Logger LOG = Logger.getLogger(AstBuilder.class.getName());

    private final List<Diagnostic> diags;
    private final Span fallback;
    private boolean syntaxError;
    private final dtdma.text.Cancel cancel;

    AstBuilder(List<Diagnostic> diags, Span fallback, dtdma.text.Cancel cancel) {
        this.diags = diags;
        this.fallback = fallback;
        this.cancel = cancel;
    }

    /** True when the builder itself reported a DTS001 (so the unit's items must not be reused blindly). */
    boolean sawSyntaxError() {
        return syntaxError;
    }

    List<Ast.TopItem> file(DtsParser.DtsFileContext ctx) {
        List<Ast.TopItem> items = new ArrayList<>();
        for (DtsParser.TopItemContext t : ctx.topItem()) {
            cancel.check();
            try {
                topItem(t, items);
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                // a tree shape that recovery produced and this builder did not foresee: skip the item
                LOG.log(Level.FINE, "skipping malformed top-level item", e);
            }
        }
        return items;
    }

    private void topItem(DtsParser.TopItemContext t, List<Ast.TopItem> out) {
        if (t instanceof DtsParser.V1HeaderContext) {
            out.add(new Ast.Header(false, span(t)));
        } else if (t instanceof DtsParser.PluginHeaderContext) {
            out.add(new Ast.Header(true, span(t)));
        } else if (t instanceof DtsParser.MemReserveContext m) {
            List<DtsParser.PrimContext> p = m.prim();
            Ast.Expr addr = p.size() > 0 ? prim(p.get(0)) : null;
            Ast.Expr size = p.size() > 1 ? prim(p.get(1)) : null;
            if (addr == null || size == null) {
                return;
            }
            out.add(new Ast.MemReserve(labels(m.labelDef()), addr, size, span(m)));
        } else if (t instanceof DtsParser.RootNodeContext r) {
            List<Ast.Label> labels = labels(r.labelDef());
            if (!labels.isEmpty()) {
                Span s = labels.get(0).span().union(labels.get(labels.size() - 1).span());
                error(Code.DTS001, s, "labels cannot be placed on the root node");
            }
            if (r.nodeBody() == null) {
                return;
            }
            out.add(new Ast.RootNode(labels, body(r.nodeBody()), span(r)));
        } else if (t instanceof DtsParser.RefNodeContext r) {
            Ast.Ref ref = ref(r.ref());
            if (ref == null || r.nodeBody() == null) {
                return;
            }
            out.add(new Ast.RefNode(labels(r.labelDef()), ref, body(r.nodeBody()), span(r)));
        } else if (t instanceof DtsParser.DeleteNodeRefContext d) {
            Ast.Ref ref = ref(d.ref());
            if (ref != null) {
                out.add(new Ast.DeleteNodeRef(ref, span(d)));
            }
        } else if (t instanceof DtsParser.OmitRefContext o) {
            Ast.Ref ref = ref(o.ref());
            if (ref != null) {
                out.add(new Ast.OmitRef(ref, span(o)));
            }
        } else if (t instanceof DtsParser.IncludedItemsContext inc) {
            Token tok = inc.INCLUDED_ITEMS().getSymbol();
            if (tok instanceof DtsToken d && d.included != null) {
                out.addAll(d.included.items());
                diags.addAll(d.included.diagnostics());
            }
        }
    }

    // ---------------------------------------------------------------- bodies

    private Ast.NodeBody body(DtsParser.NodeBodyContext b) {
        List<Ast.BodyItem> items = new ArrayList<>();
        boolean sawNode = false;
        for (DtsParser.BodyItemContext c : b.bodyItem()) {
            Ast.BodyItem item;
            cancel.check();
            try {
                item = bodyItem(c);
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "skipping malformed body item", e);
                continue;
            }
            if (item == null) {
                continue;
            }
            if (item instanceof Ast.NodeDef || item instanceof Ast.DeleteNode) {
                sawNode = true;
            } else if (sawNode) {
                String what = item instanceof Ast.PropDef p ? "property '" + p.name() + "'"
                        : "/delete-property/ " + ((Ast.DeleteProp) item).name();
                diags.add(Diagnostic.of(Code.DTS002, item.span(),
                        what + " comes after a subnode: dtc rejects this (\"Properties must precede subnodes\")"));
            }
            items.add(item);
        }
        Span open = tokenSpan(b.LBRACE());
        TerminalNode close = b.RBRACE();
        return new Ast.NodeBody(items, open != null ? open : span(b), real(close) ? tokenSpan(close) : null);
    }

    private Ast.BodyItem bodyItem(DtsParser.BodyItemContext c) {
        if (c instanceof DtsParser.PropDefContext p) {
            if (!real(p.name())) {
                return null;
            }
            List<Ast.Value> values = p.propValue() == null ? List.of() : values(p.propValue());
            return new Ast.PropDef(labels(p.labelDef()), name(p.name()), span(p.name()), values, span(p));
        }
        if (c instanceof DtsParser.NodeDefContext n) {
            if (!real(n.name()) || n.nodeBody() == null) {
                return null;
            }
            return new Ast.NodeDef(labels(n.labelDef()), !n.OMIT_NO_REF().isEmpty(), name(n.name()), span(n.name()),
                    body(n.nodeBody()), span(n));
        }
        if (c instanceof DtsParser.DeletePropContext d) {
            return real(d.name()) ? new Ast.DeleteProp(name(d.name()), span(d.name()), span(d)) : null;
        }
        if (c instanceof DtsParser.DeleteNodeContext d) {
            return real(d.name()) ? new Ast.DeleteNode(name(d.name()), span(d.name()), span(d)) : null;
        }
        return null;
    }

    private static String name(DtsParser.NameContext n) {
        String s = n.getStart().getText();
        return s.startsWith("\\") ? s.substring(1) : s;
    }

    // ---------------------------------------------------------------- values

    private List<Ast.Value> values(DtsParser.PropValueContext pv) {
        List<Ast.Value> out = new ArrayList<>();
        for (DtsParser.ComponentContext comp : pv.component()) {
            for (ParseTree child : comp.children == null ? List.<ParseTree>of() : comp.children) {
                if (child instanceof DtsParser.LabelDefContext l) {
                    Ast.Label label = label(l);
                    if (label != null) {
                        out.add(new Ast.ValueLabel(label, label.span()));
                    }
                } else if (child instanceof DtsParser.ValueItemContext v) {
                    Ast.Value value = valueItem(v);
                    if (value != null) {
                        out.add(value);
                    }
                }
            }
        }
        return out;
    }

    private Ast.Value valueItem(DtsParser.ValueItemContext v) {
        if (v instanceof DtsParser.StrValueContext s) {
            return new Ast.Str(string(s.STRING()), span(s));
        }
        if (v instanceof DtsParser.CellsValueContext c) {
            return cells(c);
        }
        if (v instanceof DtsParser.BytesValueContext b) {
            List<Ast.ByteItem> items = new ArrayList<>();
            for (DtsParser.ByteItemContext bi : b.byteItem()) {
                if (bi.labelDef() != null) {
                    Ast.Label l = label(bi.labelDef());
                    if (l != null) {
                        items.add(new Ast.ByteLabel(l, l.span()));
                    }
                } else if (bi.BYTE() != null) {
                    items.add(new Ast.ByteVal(Integer.parseInt(bi.BYTE().getText(), 16), tokenSpan(bi.BYTE())));
                } else if (bi.BAD_BYTE() != null) {
                    diags.add(Diagnostic.of(Code.DTS003, tokenSpan(bi.BAD_BYTE()),
                            "a byte in [ ] needs exactly two hex digits"));
                }
            }
            return new Ast.Bytes(items, span(b));
        }
        if (v instanceof DtsParser.RefValueContext r) {
            Ast.Ref ref = ref(r.ref());
            return ref == null ? null : new Ast.PathRef(ref, span(r));
        }
        if (v instanceof DtsParser.IncbinValueContext i) {
            if (!real(i.STRING())) {
                return null;
            }
            String file = new String(string(i.STRING()), StandardCharsets.UTF_8);
            List<DtsParser.PrimContext> p = i.prim();
            Ast.Expr off = p.size() > 0 ? prim(p.get(0)) : null;
            Ast.Expr len = p.size() > 1 ? prim(p.get(1)) : null;
            return new Ast.Incbin(file, tokenSpan(i.STRING()), off, len, span(i));
        }
        if (v instanceof DtsParser.IdentValueContext id) {
            strayIdent(id.IDENT());
            return null;
        }
        return null;
    }

    private Ast.Cells cells(DtsParser.CellsValueContext c) {
        int bits = 32;
        Span bitsSpan = null;
        if (c.BITS() != null) {
            bitsSpan = tokenSpan(c.BITS());
            if (real(c.LITERAL())) {
                bitsSpan = bitsSpan.union(tokenSpan(c.LITERAL()));
                long b = Literals.integerValue(c.LITERAL().getText(), m -> literalError(c.LITERAL(), m));
                if (b == 8 || b == 16 || b == 32 || b == 64) {
                    bits = (int) b;
                } else {
                    diags.add(Diagnostic.of(Code.DTS003, bitsSpan, "array elements must be 8, 16, 32 or 64 bits, not " + b));
                }
            }
        }
        List<Ast.CellItem> items = new ArrayList<>();
        for (DtsParser.CellItemContext ci : c.cellItem()) {
            if (ci.prim() != null) {
                Ast.Expr e = prim(ci.prim());
                if (e != null) {
                    items.add(new Ast.Cell(e, span(ci)));
                }
            } else if (ci.ref() != null) {
                Ast.Ref r = ref(ci.ref());
                if (r != null) {
                    items.add(new Ast.CellRef(r, r.span()));
                }
            } else if (ci.labelDef() != null) {
                Ast.Label l = label(ci.labelDef());
                if (l != null) {
                    items.add(new Ast.CellLabel(l, l.span()));
                }
            }
        }
        return new Ast.Cells(bits, bitsSpan, items, span(c));
    }

    private byte[] string(TerminalNode tok) {
        String text = tok.getText();
        String body = text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
        return Literals.unescape(body, m -> literalError(tok, m));
    }

    // ---------------------------------------------------------------- expressions

    private Ast.Expr prim(DtsParser.PrimContext p) {
        if (p == null) {
            return null;
        }
        if (real(p.LITERAL())) {
            return new Ast.Num(Literals.integerValue(p.LITERAL().getText(), m -> literalError(p.LITERAL(), m)),
                    tokenSpan(p.LITERAL()));
        }
        if (real(p.CHAR_LIT())) {
            String text = p.CHAR_LIT().getText();
            String body = text.length() >= 2 ? text.substring(1, text.length() - 1) : "";
            return new Ast.Num(Literals.charValue(body, m -> literalError(p.CHAR_LIT(), m)), tokenSpan(p.CHAR_LIT()));
        }
        if (real(p.IDENT())) {
            strayIdent(p.IDENT());
            return new Ast.Num(0, tokenSpan(p.IDENT()));
        }
        if (p.expr() != null) {
            return expr(p.expr());
        }
        return null;
    }

    private Ast.Expr expr(DtsParser.ExprContext e) {
        if (e == null) {
            return null;
        }
        if (e instanceof DtsParser.PrimExprContext p) {
            return prim(p.prim());
        }
        if (e instanceof DtsParser.UnaryExprContext u) {
            Ast.Expr operand = expr(u.expr());
            return operand == null ? null : new Ast.Unary(u.op.getText(), operand, span(u));
        }
        if (e instanceof DtsParser.BinaryExprContext b) {
            Ast.Expr l = expr(b.expr(0));
            Ast.Expr r = b.expr().size() > 1 ? expr(b.expr(1)) : null;
            if (l == null || r == null) {
                return l != null ? l : r;
            }
            return new Ast.Binary(b.op.getText(), l, r, span(b));
        }
        if (e instanceof DtsParser.TernaryExprContext t) {
            List<DtsParser.ExprContext> x = t.expr();
            Ast.Expr c = x.size() > 0 ? expr(x.get(0)) : null;
            Ast.Expr a = x.size() > 1 ? expr(x.get(1)) : null;
            Ast.Expr o = x.size() > 2 ? expr(x.get(2)) : null;
            if (c == null || a == null || o == null) {
                return c;
            }
            return new Ast.Ternary(c, a, o, span(t));
        }
        return null;
    }

    // ---------------------------------------------------------------- labels and references

    private List<Ast.Label> labels(List<DtsParser.LabelDefContext> defs) {
        if (defs.isEmpty()) {
            return List.of();
        }
        List<Ast.Label> out = new ArrayList<>(defs.size());
        for (DtsParser.LabelDefContext d : defs) {
            Ast.Label l = label(d);
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private Ast.Label label(DtsParser.LabelDefContext d) {
        TerminalNode t = d.LABEL_DEF();
        if (!real(t)) {
            return null;
        }
        String text = t.getText();
        return new Ast.Label(text.substring(0, text.length() - 1), tokenSpan(t));
    }

    private Ast.Ref ref(DtsParser.RefContext r) {
        if (r == null) {
            return null;
        }
        if (real(r.LABEL_REF())) {
            return new Ast.Ref(false, r.LABEL_REF().getText().substring(1), tokenSpan(r.LABEL_REF()));
        }
        if (real(r.PATH_REF())) {
            String text = r.PATH_REF().getText();
            String inner = text.substring(2, text.length() - 1);
            Span s = tokenSpan(r.PATH_REF());
            if (inner.isEmpty()) {
                error(Code.DTS001, s, "empty path reference '&{}'");
            }
            return new Ast.Ref(true, inner, s);
        }
        return null;
    }

    // ---------------------------------------------------------------- diagnostics and spans

    private void strayIdent(TerminalNode id) {
        error(Code.DTS005, tokenSpan(id), "stray identifier '" + id.getText() + "' in a value (an undefined macro?)");
    }

    private void literalError(TerminalNode tok, String message) {
        diags.add(Diagnostic.of(Code.DTS003, tokenSpan(tok), message));
    }

    private void error(Code code, Span span, String message) {
        if (code == Code.DTS001) {
            syntaxError = true;
        }
        diags.add(Diagnostic.of(code, span, message));
    }

    private static boolean real(TerminalNode n) {
        return n != null && !(n instanceof ErrorNode) && n.getSymbol().getStartIndex() >= 0;
    }

    private static boolean real(DtsParser.NameContext n) {
        return n != null && n.getChildCount() == 1 && n.getChild(0) instanceof TerminalNode t && real(t)
                && (t.getSymbol().getType() == DtsLexer.PROPNODENAME || t.getSymbol().getType() == DtsLexer.IDENT);
    }

    private Span tokenSpan(TerminalNode n) {
        if (n == null) {
            return null;
        }
        Span s = DtsToken.spanOf(n.getSymbol());
        return s != null ? s : fallback;
    }

    /** From the first to the last token of a rule, in the first token's file. */
    private Span span(ParserRuleContext ctx) {
        Span a = DtsToken.spanOf(ctx.getStart());
        if (a == null) {
            return fallback;
        }
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < ctx.getStart().getTokenIndex()) {
            return a;
        }
        Span b = DtsToken.spanOf(stop);
        return a.union(b);
    }
}
