package dtdma.syntax;

import static dtdma.syntax.Dts.eq;

import org.junit.jupiter.api.Test;

class ExprTest {
    private static String e(String expr) {
        ParseResult r = Dts.clean("/dts-v1/;\n/ { p = <" + expr + ">; };\n");
        Ast.Cells c = (Ast.Cells) Dts.prop(Dts.root(r).body(), "p").value().get(0);
        return Dts.expr(((Ast.Cell) c.items().get(0)).expr());
    }

    @Test
    void cPrecedence() {
        eq("(1 << (2 + 1))", e("(1 << 2 + 1)"));
        eq("(1 | (2 == 2))", e("(1 | 2 == 2)"));
        eq("((2 - 1) - 1)", e("(2 - 1 - 1)"));
        eq("((1 + (2 * 3)) - (4 / 2))", e("(1 + 2 * 3 - 4 / 2)"));
        eq("((1 || (2 && 3)) || 4)", e("(1 || 2 && 3 || 4)"));
        eq("(1 | (2 ^ (3 & 4)))", e("(1 | 2 ^ 3 & 4)"));
        eq("((1 < 2) == (3 >= 4))", e("(1 < 2 == 3 >= 4)"));
        eq("((1 <= 2) != (3 > 4))", e("(1 <= 2 != 3 > 4)"));
        eq("(1 >> (2 % 3))", e("(1 >> 2 % 3)"));
    }

    @Test
    void unaryOperators() {
        eq("(-1)", e("(-1)"));
        eq("((-1) * 2)", e("(-1 * 2)"));
        eq("(~(!0))", e("(~!0)"));
        eq("(2 - (-1))", e("(2 - -1)"));
    }

    @Test
    void ternaryIsRightAssociative() {
        eq("(1 ? 2 : (0 ? 3 : 4))", e("(1 ? 2 : 0 ? 3 : 4)"));
        eq("((1 || 0) ? (2 + 1) : 3)", e("(1 || 0 ? 2 + 1 : 3)"));
    }

    @Test
    void nestedMacroExpansionShapes() {
        eq("((((1 << 4) - 1) << 8) | 8)", e("((((1 << (4)) - 1) << 8) | 8)"));
        String pxa = "((111 <= 2) ? (0x00b4 + 4 * 111) : (111 <= 26) ? (0x027c + 4 * (111 - 3)) : 0)";
        eq("((111 <= 2) ? (180 + (4 * 111)) : ((111 <= 26) ? (636 + (4 * (111 - 3))) : 0))", e(pxa));
    }
}
