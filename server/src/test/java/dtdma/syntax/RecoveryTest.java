package dtdma.syntax;

import static dtdma.syntax.Dts.eq;
import static dtdma.syntax.Dts.node;
import static dtdma.syntax.Dts.prop;
import static dtdma.syntax.Dts.root;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RecoveryTest {
    @Test
    void oneBrokenPropertyKeepsTheRest() {
        String t = """
                /dts-v1/;
                / {
                	a = <1>;
                	soc {
                		good1 = "x";
                		broken = <1 2 + >;
                		good2 = <3>;
                		child { c = <4>; };
                	};
                	after { d; };
                };
                &lbl { e; };
                """;
        ParseResult r = Dts.parse(t);
        assertFalse(r.diagnostics().isEmpty());
        Ast.NodeBody soc = node(root(r).body(), "soc").body();
        prop(soc, "good1");
        prop(soc, "good2");
        prop(node(soc, "child").body(), "c");
        prop(node(root(r).body(), "after").body(), "d");
        eq("lbl", ((Ast.RefNode) r.items().get(2)).ref().text());
    }

    @Test
    void garbageLineInsideANode() {
        String t = "/dts-v1/;\n/ {\n\tn1 { x = <1>; };\n\t= = = ;\n\tn2 { y = <2>; };\n};\n";
        ParseResult r = Dts.parse(t);
        assertFalse(r.diagnostics().isEmpty());
        node(root(r).body(), "n1");
        node(root(r).body(), "n2");
    }

    @Test
    void brokenNodeKeepsLaterTopLevelItems() {
        String t = "/dts-v1/;\n/ { n { p = <1; }; };\n&a { q; };\n&b { r; };\n";
        ParseResult r = Dts.parse(t);
        assertFalse(r.diagnostics().isEmpty());
        long refs = r.items().stream().filter(i -> i instanceof Ast.RefNode).count();
        eq(2L, refs);
    }
}
