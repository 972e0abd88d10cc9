package dtdma.features;

import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic tokens of one file. The syntax tree gives labels, references, node names, property names, strings
 * and numbers; a token whose source text is a macro invocation (the tree's span of an expanded value points at
 * the invocation) is a {@link Type#MACRO}. A lexical pass adds comments, dtc keywords ({@code /dts-v1/},
 * {@code /delete-node/}, ...) and preprocessor directives with the macro a {@code #define} declares. Tokens
 * never overlap and never span lines (a block comment gives one token per line); they are sorted by offset.
 * The legend is the order of {@link Type} and {@link #MODIFIERS}.
 */
public final class SemanticTokensFeature {
    /** Token types, in legend order; {@link #lspName()} is the standard LSP type name. */
    public enum Type {
        /** A label definition or a {@code &label} reference. */
        LABEL("variable"),
        /** A node name. */
        NODE("type"),
        /** A property name. */
        PROPERTY("property"),
        STRING("string"),
        NUMBER("number"),
        /** A macro invocation (its expanded value is in the tree) or a {@code #define}d name. */
        MACRO("macro"),
        /** {@code /dts-v1/}, {@code /delete-node/}, {@code #include}, ... */
        KEYWORD("keyword"),
        COMMENT("comment");

        private final String lsp;

        Type(String lsp) {
            this.lsp = lsp;
        }

        public String lspName() {
            return lsp;
        }
    }

    /** Modifier names in legend order: bit 0 = declaration (a label definition or {@code #define}). */
    public static final List<String> MODIFIERS = List.of("declaration");
    /** The declaration modifier bit. */
    public static final int DECLARATION = 1;

    /** One token: offsets into the file's text, its type and modifier bits. */
    public record Token(int start, int end, Type type, int modifiers) {
    }

    private static final Pattern LEXICAL = Pattern.compile(
            "//[^\\n]*|/\\*[\\s\\S]*?(?:\\*/|\\z)|\"(?:[^\"\\\\\\n]|\\\\.)*\"?"
                    + "|/(?:dts-v1|plugin|memreserve|delete-node|delete-property|omit-if-no-ref|include|incbin|bits)/"
                    + "|(?m:^[ \\t]*#[ \\t]*[a-z]+)");
    private static final Pattern DEFINE = Pattern.compile("\\G[ \\t]+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SemanticTokensFeature() {
    }

    public static List<Token> tokens(Analysis a, SourceFile file) {
        return tokens(a, file, dtdma.text.Cancel.NONE);
    }

    /** Like {@link #tokens(Analysis, SourceFile)}, polling {@code cancel} every 256 lexical tokens and per item. */
    public static List<Token> tokens(Analysis a, SourceFile file, dtdma.text.Cancel cancel) {
        String text = file.text();
        int id = file.id();
        List<Token> raw = new ArrayList<>();
        Matcher m = LEXICAL.matcher(text);
        while (m.find()) {
            if ((raw.size() & 255) == 0) {
                cancel.check();
            }
            String t = m.group();
            if (t.startsWith("//") || t.startsWith("/*")) {
                raw.add(new Token(m.start(), m.end(), Type.COMMENT, 0));
            } else if (t.startsWith("\"")) {
                raw.add(new Token(m.start(), m.end(), Type.STRING, 0));
            } else if (t.startsWith("/")) {
                raw.add(new Token(m.start(), m.end(), Type.KEYWORD, 0));
            } else {
                int hash = m.start() + t.indexOf('#');
                raw.add(new Token(hash, m.end(), Type.KEYWORD, 0));
                if (t.endsWith("define")) {
                    Matcher d = DEFINE.matcher(text);
                    if (d.find(m.end())) {
                        raw.add(new Token(d.start(1), d.end(1), Type.MACRO, DECLARATION));
                    }
                }
            }
        }
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        for (Ast.Label l : idx.labels()) {
            add(raw, l.span(), id, Type.LABEL, DECLARATION, text);
        }
        for (Ast.Ref r : idx.refs()) {
            add(raw, r.span(), id, Type.LABEL, 0, text);
        }
        for (Ast.TopItem t : a.parsed().items()) {
            cancel.check();
            if (t instanceof Ast.RootNode r) {
                body(raw, r.body(), id, text);
            } else if (t instanceof Ast.RefNode r) {
                body(raw, r.body(), id, text);
            }
        }
        return clean(raw, text);
    }

    private static void body(List<Token> out, Ast.NodeBody b, int id, String text) {
        if (b == null) {
            return;
        }
        for (Ast.BodyItem i : b.items()) {
            if (i instanceof Ast.NodeDef n) {
                add(out, n.nameSpan(), id, Type.NODE, 0, text);
                body(out, n.body(), id, text);
            } else if (i instanceof Ast.PropDef p) {
                add(out, p.nameSpan(), id, Type.PROPERTY, 0, text);
                for (Ast.Value v : p.value()) {
                    value(out, v, id, text);
                }
            } else if (i instanceof Ast.DeleteProp d) {
                add(out, d.nameSpan(), id, Type.PROPERTY, 0, text);
            } else if (i instanceof Ast.DeleteNode d) {
                add(out, d.nameSpan(), id, Type.NODE, 0, text);
            }
        }
    }

    private static void value(List<Token> out, Ast.Value v, int id, String text) {
        if (v instanceof Ast.Str s) {
            add(out, s.span(), id, Type.STRING, 0, text);
        } else if (v instanceof Ast.Cells c) {
            for (Ast.CellItem ci : c.items()) {
                if (ci instanceof Ast.Cell cell) {
                    expr(out, cell.expr(), id, text);
                }
            }
        } else if (v instanceof Ast.Bytes b) {
            for (Ast.ByteItem bi : b.items()) {
                if (bi instanceof Ast.ByteVal bv) {
                    add(out, bv.span(), id, Type.NUMBER, 0, text);
                }
            }
        }
    }

    private static void expr(List<Token> out, Ast.Expr e, int id, String text) {
        if (e instanceof Ast.Num n) {
            add(out, n.span(), id, Type.NUMBER, 0, text);
        } else if (e instanceof Ast.Unary u) {
            expr(out, u.operand(), id, text);
        } else if (e instanceof Ast.Binary b) {
            expr(out, b.left(), id, text);
            expr(out, b.right(), id, text);
        } else if (e instanceof Ast.Ternary t) {
            expr(out, t.cond(), id, text);
            expr(out, t.then(), id, text);
            expr(out, t.otherwise(), id, text);
        }
    }

    /** Adds a tree token when it lies in the file; a value written as a macro invocation becomes a macro token. */
    private static void add(List<Token> out, Span s, int id, Type type, int mods, String text) {
        if (s == null || s.fileId() != id || s.end() <= s.start() || s.end() > text.length()) {
            return;
        }
        if (type == Type.NUMBER || type == Type.STRING) {
            Matcher m = IDENT.matcher(text).region(s.start(), s.end());
            if (m.lookingAt()) {
                out.add(new Token(s.start(), m.end(), Type.MACRO, 0));
                return;
            }
        }
        out.add(new Token(s.start(), s.end(), type, mods));
    }

    /** Sorts, drops overlaps (the first token at a place wins; comments and keywords come first) and splits lines. */
    private static List<Token> clean(List<Token> raw, String text) {
        List<Token> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingInt(Token::start));
        List<Token> out = new ArrayList<>();
        int end = 0;
        for (Token t : sorted) {
            if (t.start() < end) {
                continue;
            }
            end = t.end();
            int s = t.start();
            for (int i = t.start(); i < t.end(); i++) {
                if (text.charAt(i) == '\n') {
                    if (i > s) {
                        out.add(new Token(s, i, t.type(), t.modifiers()));
                    }
                    s = i + 1;
                }
            }
            if (t.end() > s) {
                out.add(new Token(s, t.end(), t.type(), t.modifiers()));
            }
        }
        return out;
    }
}
