package dtdma.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Small helpers for syntax tests: parse a text, look at spans as 1-based "line:col-line:col". */
final class Dts {
    static final SyntaxParser PARSER = new SyntaxParser();

    private Dts() {
    }

    static SourceFile file(String text) {
        return new SourceFile(0, Path.of("test.dts"), text);
    }

    static ParseResult parse(String text) {
        return PARSER.parseText(file(text));
    }

    static ParseResult clean(String text) {
        ParseResult r = parse(text);
        assertTrue(r.diagnostics().isEmpty(), () -> "unexpected diagnostics: " + show(r.diagnostics(), text));
        return r;
    }

    static String where(String text, Span s) {
        LineIndex li = new LineIndex(text);
        LineIndex.Location a = li.location(s.start());
        LineIndex.Location b = li.location(s.end());
        return a.line1() + ":" + a.column1() + "-" + b.line1() + ":" + b.column1();
    }

    static String show(List<Diagnostic> ds, String text) {
        return ds.stream().map(d -> d.code() + " " + where(text, d.span()) + " " + d.message()).collect(Collectors.joining("\n"));
    }

    static void assertDiag(ParseResult r, String text, Code code, String range, String message) {
        String all = show(r.diagnostics(), text);
        assertTrue(all.contains(code + " " + range + " " + message), () -> "expected " + code + " " + range + " " + message + " in:\n" + all);
    }

    static Ast.RootNode root(ParseResult r) {
        return r.items().stream().filter(i -> i instanceof Ast.RootNode).map(i -> (Ast.RootNode) i).findFirst().orElseThrow();
    }

    static Ast.PropDef prop(Ast.NodeBody b, String name) {
        return b.items().stream().filter(i -> i instanceof Ast.PropDef p && p.name().equals(name)).map(i -> (Ast.PropDef) i)
                .findFirst().orElseThrow(() -> new AssertionError("no property " + name));
    }

    static Ast.NodeDef node(Ast.NodeBody b, String name) {
        return b.items().stream().filter(i -> i instanceof Ast.NodeDef n && n.name().equals(name)).map(i -> (Ast.NodeDef) i)
                .findFirst().orElseThrow(() -> new AssertionError("no node " + name));
    }

    /** Renders an expression in fully parenthesised form, e.g. {@code (1 + (2 * 3))}. */
    static String expr(Ast.Expr e) {
        if (e instanceof Ast.Num n) {
            return Long.toUnsignedString(n.value());
        }
        if (e instanceof Ast.Unary u) {
            return "(" + u.op() + expr(u.operand()) + ")";
        }
        if (e instanceof Ast.Binary b) {
            return "(" + expr(b.left()) + " " + b.op() + " " + expr(b.right()) + ")";
        }
        Ast.Ternary t = (Ast.Ternary) e;
        return "(" + expr(t.cond()) + " ? " + expr(t.then()) + " : " + expr(t.otherwise()) + ")";
    }

    static void eq(Object expected, Object actual) {
        assertEquals(expected, actual);
    }
}
