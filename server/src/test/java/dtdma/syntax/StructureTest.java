package dtdma.syntax;

import static dtdma.syntax.Dts.clean;
import static dtdma.syntax.Dts.eq;
import static dtdma.syntax.Dts.node;
import static dtdma.syntax.Dts.prop;
import static dtdma.syntax.Dts.root;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructureTest {
    @Test
    void headersMemreservesAndRoot() {
        String t = "/dts-v1/;\n/plugin/;\nr1: /memreserve/ 0x1000 (0x10 * 2);\n/ { };\n";
        ParseResult r = clean(t);
        eq(4, r.items().size());
        eq(false, ((Ast.Header) r.items().get(0)).plugin());
        eq(true, ((Ast.Header) r.items().get(1)).plugin());
        Ast.MemReserve m = (Ast.MemReserve) r.items().get(2);
        eq("r1", m.labels().get(0).name());
        eq("4096", Dts.expr(m.address()));
        eq("(16 * 2)", Dts.expr(m.size()));
        eq("3:1-3:36", Dts.where(t, m.span()));
        Ast.RootNode root = root(r);
        eq("4:1-4:7", Dts.where(t, root.span()));
        eq("4:3-4:4", Dts.where(t, root.body().open()));
        eq("4:5-4:6", Dts.where(t, root.body().close()));
    }

    @Test
    void topLevelReferenceForms() {
        String t = "/dts-v1/;\n/ { a: n { }; };\n&a { x; };\nl: &a { };\n&{/n} { };\n&{a/sub} { };\n/delete-node/ &a;\n/omit-if-no-ref/ &{/n};\n";
        ParseResult r = clean(t);
        Ast.RefNode a = (Ast.RefNode) r.items().get(2);
        eq(false, a.ref().path());
        eq("a", a.ref().text());
        eq("&a", a.ref().spelled());
        eq("3:1-3:3", Dts.where(t, a.ref().span()));
        Ast.RefNode la = (Ast.RefNode) r.items().get(3);
        eq("l", la.labels().get(0).name());
        Ast.RefNode p = (Ast.RefNode) r.items().get(4);
        eq(true, p.ref().path());
        eq("/n", p.ref().text());
        eq("a/sub", ((Ast.RefNode) r.items().get(5)).ref().text());
        eq("a", ((Ast.DeleteNodeRef) r.items().get(6)).ref().text());
        Ast.OmitRef o = (Ast.OmitRef) r.items().get(7);
        eq("/n", o.ref().text());
        eq("8:1-8:24", Dts.where(t, o.span()));
    }

    @Test
    void bodyItems() {
        String t = "/dts-v1/;\n/ {\n\tp1: bool-prop;\n\t/delete-property/ old;\n\tx: /omit-if-no-ref/ y: n@1 { };\n\t/delete-node/ gone@2;\n};\n";
        ParseResult r = clean(t);
        List<Ast.BodyItem> items = root(r).body().items();
        Ast.PropDef b = (Ast.PropDef) items.get(0);
        eq("bool-prop", b.name());
        eq(List.of(), b.value());
        eq("p1", b.labels().get(0).name());
        eq("3:6-3:15", Dts.where(t, b.nameSpan()));
        eq("3:2-3:16", Dts.where(t, b.span()));
        Ast.DeleteProp d = (Ast.DeleteProp) items.get(1);
        eq("old", d.name());
        eq("4:20-4:23", Dts.where(t, d.nameSpan()));
        Ast.NodeDef n = (Ast.NodeDef) items.get(2);
        eq("n@1", n.name());
        eq(true, n.omitIfNoRef());
        eq(List.of("x", "y"), n.labels().stream().map(Ast.Label::name).toList());
        Ast.DeleteNode dn = (Ast.DeleteNode) items.get(3);
        eq("gone@2", dn.name());
    }

    @Test
    void namesFromTheNameContext() {
        String t = "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t\\#gpio-cells = <2>;\n\tlinux,code = <0x10>;\n\t+-.,;\n\t0x10;\n\t1234 { };\n\tcpu@0 { };\n\tethernet@0,0 { };\n};\n";
        ParseResult r = clean(t);
        Ast.NodeBody b = root(r).body();
        prop(b, "#address-cells");
        prop(b, "#gpio-cells");
        prop(b, "linux,code");
        prop(b, "+-.,");
        prop(b, "0x10");
        node(b, "1234");
        node(b, "cpu@0");
        node(b, "ethernet@0,0");
        eq("4:2-4:14", Dts.where(t, prop(b, "#gpio-cells").nameSpan()));
    }

    @Test
    void labelsBeforeANodeAreLongestMatch() {
        ParseResult r = clean("/dts-v1/;\n/ { a:b:c { }; };\n");
        Ast.NodeDef c = node(root(r).body(), "c");
        eq(List.of("a", "b"), c.labels().stream().map(Ast.Label::name).toList());
    }

    @Test
    void nestedNodes() {
        ParseResult r = clean("/dts-v1/;\n/ { soc { uart: serial@100 { status = \"okay\"; }; }; };\n");
        Ast.NodeDef serial = node(node(root(r).body(), "soc").body(), "serial@100");
        eq("uart", serial.labels().get(0).name());
        eq("okay", new String(((Ast.Str) prop(serial.body(), "status").value().get(0)).bytes()));
    }

    @Test
    void missingHeaderIsReportedButParsed() {
        String t = "/ { a; };\n";
        ParseResult r = Dts.parse(t);
        Dts.assertDiag(r, t, dtdma.check.Code.DTS004, "1:1-1:1",
                "missing '/dts-v1/;' header: dtc rejects a file that does not start with it (directly or through an include)");
        eq(1, r.diagnostics().size());
        prop(root(r).body(), "a");
        assertTrue(new SyntaxParser().parse(SyntaxParser.unitOf(Dts.file(t)), false).diagnostics().isEmpty());
    }

    @Test
    void propertyAfterSubnodeIsAWarning() {
        String t = "/dts-v1/;\n/ {\n\tn { };\n\tlate = <1>;\n};\n";
        ParseResult r = Dts.parse(t);
        eq(1, r.diagnostics().size());
        eq(dtdma.check.Severity.WARNING, r.diagnostics().get(0).severity());
        Dts.assertDiag(r, t, dtdma.check.Code.DTS002, "4:2-4:13",
                "property 'late' comes after a subnode: dtc rejects this (\"Properties must precede subnodes\")");
        prop(root(r).body(), "late");
    }

    @Test
    void commentsAndLineMarkersAreIgnored() {
        ParseResult r = clean("/dts-v1/; // header\n/* block\n comment */ / {\n# 10 \"qux.dts\"\n p = < /* c */ 1 // x\n 2>;\n};\n");
        Ast.Cells c = (Ast.Cells) prop(root(r).body(), "p").value().get(0);
        eq(2, c.items().size());
    }

    @Test
    void emptyFileHasNoItems() {
        ParseResult r = new SyntaxParser().parse(SyntaxParser.unitOf(Dts.file("")), false);
        eq(List.of(), r.items());
        assertFalse(r.diagnostics().stream().anyMatch(d -> d.code() == dtdma.check.Code.DTS001));
    }
}
