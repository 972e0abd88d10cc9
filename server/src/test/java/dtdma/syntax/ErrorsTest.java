package dtdma.syntax;

import static dtdma.syntax.Dts.assertDiag;
import static dtdma.syntax.Dts.eq;
import static dtdma.syntax.Dts.node;
import static dtdma.syntax.Dts.prop;
import static dtdma.syntax.Dts.root;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dtdma.check.Code;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    private static ParseResult check(String t, Code code, String range, String message) {
        ParseResult r = Dts.parse(t);
        assertDiag(r, t, code, range, message);
        assertFalse(Dts.show(r.diagnostics(), t).contains("mismatched input"), "ANTLR wording leaked");
        assertFalse(Dts.show(r.diagnostics(), t).contains("expecting {"), "ANTLR wording leaked");
        return r;
    }

    @Test
    void missingSemicolonAfterProperty() {
        String t = "/dts-v1/;\n/ {\n\tcompatible = \"a\"\n\tmodel = \"x\";\n};\n";
        ParseResult r = check(t, Code.DTS001, "3:18-3:18", "expected ';' after property 'compatible'");
        eq(1, r.diagnostics().size());
        prop(root(r).body(), "compatible");
        prop(root(r).body(), "model");
    }

    @Test
    void missingSemicolonAfterNode() {
        String t = "/dts-v1/;\n/ {\n\ta { }\n\tb { };\n};\n";
        ParseResult r = check(t, Code.DTS001, "3:7-3:7", "expected ';' after node 'a'");
        node(root(r).body(), "b");
    }

    @Test
    void missingCloseAngle() {
        String t = "/dts-v1/;\n/ {\n\tp = <1 2;\n\tq = <3>;\n};\n";
        ParseResult r = check(t, Code.DTS001, "3:10-3:10", "expected '>' to close the cell list");
        eq(1, r.diagnostics().size());
        prop(root(r).body(), "q");
    }

    @Test
    void missingCloseBracket() {
        String t = "/dts-v1/;\n/ {\n\tp = [01 02;\n};\n";
        check(t, Code.DTS001, "3:12-3:12", "expected ']' to close the byte string");
    }

    @Test
    void strayCloseBrace() {
        String t = "/dts-v1/;\n/ { };\n};\n";
        check(t, Code.DTS001, "3:1-3:2", "unexpected '}'");
    }

    @Test
    void labelsOnRoot() {
        String t = "/dts-v1/;\nr: / { };\n";
        ParseResult r = check(t, Code.DTS001, "2:1-2:3", "labels cannot be placed on the root node");
        eq(1, r.diagnostics().size());
    }

    @Test
    void strayIdentifierInValue() {
        String t = "/dts-v1/;\n/ {\n\tp = <FOO 1>;\n\tq = BAR;\n};\n";
        ParseResult r = check(t, Code.DTS005, "3:7-3:10", "stray identifier 'FOO' in a value (an undefined macro?)");
        assertDiag(r, t, Code.DTS005, "4:6-4:9", "stray identifier 'BAR' in a value (an undefined macro?)");
        eq(2, ((Ast.Cells) prop(root(r).body(), "p").value().get(0)).items().size());
    }

    @Test
    void badIntegers() {
        String t = "/dts-v1/;\n/ { p = <08 0x10000000000000000 1>; };\n";
        ParseResult r = check(t, Code.DTS003, "2:10-2:12", "invalid octal digit '8' in '08' (a leading 0 makes the number octal)");
        assertDiag(r, t, Code.DTS003, "2:13-2:32", "integer literal '0x10000000000000000' is out of the 64-bit range");
        eq(3, ((Ast.Cells) prop(root(r).body(), "p").value().get(0)).items().size());
    }

    @Test
    void badEscapesAndCharLiterals() {
        String t = "/dts-v1/;\n/ { s = \"a\\x\"; p = <'' 'ab' 'é'>; };\n";
        ParseResult r = check(t, Code.DTS003, "2:9-2:14", "\\x used with no following hex digits");
        assertDiag(r, t, Code.DTS003, "2:21-2:23", "empty character literal");
        assertDiag(r, t, Code.DTS003, "2:24-2:28", "character literal has 2 characters instead of 1");
        assertDiag(r, t, Code.DTS003, "2:29-2:32", "character literal has 2 characters instead of 1");
    }

    @Test
    void badBitsAndOddByte() {
        String t = "/dts-v1/;\n/ { p = /bits/ 7 <1>; q = [0 12]; };\n";
        ParseResult r = check(t, Code.DTS003, "2:9-2:17", "array elements must be 8, 16, 32 or 64 bits, not 7");
        assertDiag(r, t, Code.DTS003, "2:28-2:29", "a byte in [ ] needs exactly two hex digits");
    }

    @Test
    void unexpectedEndOfInput() {
        String t = "/dts-v1/;\n/ {\n\tn {\n";
        check(t, Code.DTS001, "3:5-3:5", "unexpected end of input: expected '}' to close node 'n'");
    }

    @Test
    void unexpectedCharacter() {
        String t = "/dts-v1/;\n/ {\n\tp = <1> $;\n};\n";
        check(t, Code.DTS001, "3:10-3:11", "unexpected character '$'");
    }

    @Test
    void adjacentValuesNeedAComma() {
        String t = "/dts-v1/;\n/ {\n\tp = <1> <2>;\n};\n";
        check(t, Code.DTS001, "3:10-3:11", "unexpected '<' in the value of property 'p': expected ',' or ';'");
    }
}
