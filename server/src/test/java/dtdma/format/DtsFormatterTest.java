package dtdma.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The formatter's rules on small inputs; every output is also checked to be a fixed point. */
class DtsFormatterTest {
    private static String fmt(String in) {
        return fmt(in, FormatOptions.KERNEL);
    }

    private static String fmt(String in, FormatOptions o) {
        DtsFormatter.Result r = DtsFormatter.format(in, o);
        assertNull(r.problem(), "refused: " + r.problem());
        DtsFormatter.Result again = DtsFormatter.format(r.text(), o);
        assertEquals(r.text(), again.text(), "not idempotent");
        assertEquals(sorted(Comments.of(in)), sorted(Comments.of(r.text())), "comments changed");
        return r.text();
    }

    private static List<String> sorted(List<String> l) {
        List<String> c = new ArrayList<>(l);
        c.sort(null);
        return c;
    }

    @Test
    void laysOutInTheKernelStyle() {
        String in = """
                /dts-v1/;
                / {
                model="Acme";
                compatible  =  "acme,board" ,"acme,soc";
                   chosen { stdout-path = &uart1; };
                };
                &uart1 {
                    pinctrl-0 = <&pinctrl_uart1>;
                    clocks = <&clks 0x1A>;
                    status = "okay";
                };
                """;
        String out = """
                /dts-v1/;

                / {
                \tmodel = "Acme";
                \tcompatible = "acme,board", "acme,soc";

                \tchosen {
                \t\tstdout-path = &uart1;
                \t};
                };

                &uart1 {
                \tpinctrl-0 = <&pinctrl_uart1>;
                \tclocks = <&clks 0x1a>;

                \tstatus = "okay";
                };
                """;
        // the input is indented with spaces: without keepFileStyle it gets the kernel's tabs
        assertEquals(out, fmt(in, FormatOptions.KERNEL.withKeepFileStyle(false)));
    }

    @Test
    void keepsDirectivesMacrosAndCommentsInPlace() {
        String in = """
                // SPDX-License-Identifier: GPL-2.0
                #include <dt-bindings/gpio/gpio.h>
                #define PAD(x) ((x) | 0x10)
                / {
                \tnode {   /* after the brace */
                #ifdef CONFIG_A
                \t\ta = <PAD(1) GPIO_ACTIVE_LOW>;
                #else
                \t\ta = <PAD(2)>;
                #endif
                \t\t  /* a block
                \t\t     comment */
                \t\tb;\t\t// trailing
                \t};
                };
                """;
        String out = fmt(in);
        assertTrue(out.contains("#define PAD(x) ((x) | 0x10)\n"));
        assertTrue(out.contains("\tnode {   /* after the brace */\n#ifdef CONFIG_A\n\t\ta = <PAD(1) GPIO_ACTIVE_LOW>;\n"
                + "#else\n\t\ta = <PAD(2)>;\n#endif\n"), out);
        assertTrue(out.contains("\t\t/* a block\n\t\t   comment */\n\t\tb;\t\t// trailing\n"), out);
    }

    @Test
    void keepsDeletionsLabelsBitsAndOrder() {
        String in = """
                /dts-v1/;
                / {
                \tlbl: node@1 { x = /bits/ 16 <0xABCD>; y = [0A 0b]; s = "0xAB"; };
                \t/delete-node/ other;
                };
                /delete-node/ &lbl;
                /omit-if-no-ref/ &lbl;
                """;
        String out = fmt(in);
        assertEquals("""
                /dts-v1/;

                / {
                \tlbl: node@1 {
                \t\tx = /bits/ 16 <0xabcd>;
                \t\ty = [0a 0b];
                \t\ts = "0xAB";
                \t};
                \t/delete-node/ other;
                };
                /delete-node/ &lbl;
                /omit-if-no-ref/ &lbl;
                """, out);
    }

    @Test
    void regGetsOneBracketPerEntryWhenTheCellSizesAreKnown() {
        String in = "/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n\n\tn@100 {\n\t\treg = <0x100 0x10 0x200 0x20>;\n"
                + "\t\tother = <1 2 3 4>;\n\t};\n\n\tm@300 {\n\t\treg = <0x300 0x10\n\t\t       0x400 0x20>;\n\t};\n\n"
                + "\tk@500 {\n\t\treg = <0x500 FOO 0x600 0x10>;\n\t};\n};\n&ext {\n\tx@1 {\n\t\treg = <1 2 3 4>;\n\t};\n};\n";
        String out = fmt(in);
        assertTrue(out.contains("\t\treg = <0x100 0x10>, <0x200 0x20>;\n\t\tother = <1 2 3 4>;\n"), out);
        assertTrue(out.contains("\t\treg = <0x300 0x10>,\n\t\t      <0x400 0x20>;\n"), out);
        // a macro may stand for several cells; an override's parent is in another file
        assertTrue(out.contains("reg = <0x500 FOO 0x600 0x10>;"), out);
        assertTrue(out.contains("reg = <1 2 3 4>;"), out);
    }

    @Test
    void unitAddressesAreNotRenamed() {
        assertTrue(fmt("/ {\n\tserial@3A00 {\n\t};\n};\n").contains("serial@3A00"));
    }

    @Test
    void continuationLinesAlignUnderTheFirstEntry() {
        String in = "/ {\n\tn {\n\t\tclocks = <&clks 1>,\n<&clks 2>;\n\t\tnames = \"a\",\n  \"b\";\n\t};\n};\n";
        String out = fmt(in);
        // column of '<' after "\t\tclocks = " is 16 + 9 = 25: three tabs and one space
        assertTrue(out.contains("\t\tclocks = <&clks 1>,\n\t\t\t <&clks 2>;\n"), out);
        assertTrue(out.contains("\t\tnames = \"a\",\n\t\t\t\"b\";\n"), out);
    }

    @Test
    void anAlignmentReachingTheSameColumnIsKept() {
        // two tabs and nine spaces reach column 25 like three tabs and one space: both are the kernel's style
        String in = "/ {\n\tn {\n\t\tclocks = <&clks 1>,\n\t\t         <&clks 2>;\n\t};\n};\n";
        assertEquals(in, fmt(in));
        String off = "/ {\n\tn {\n\t\tclocks = <&clks 1>,\n\t\t        <&clks 2>;\n\t};\n};\n";
        assertTrue(fmt(off).contains("\n\t\t\t <&clks 2>;"), fmt(off));
    }

    @Test
    void blockStyleArraysIndentOneLevel() {
        String in = "/ {\n\tp {\n\t\tfsl,pins = <\n  PAD_A\t\t0x1B0\n    PAD_B 0x2\n\t\t\t\t>;\n\t};\n};\n";
        String out = fmt(in);
        assertTrue(out.contains("\t\tfsl,pins = <\n\t\t\tPAD_A\t\t0x1b0\n\t\t\tPAD_B 0x2\n\t\t>;\n"), out);
    }

    @Test
    void longValuesSplitBetweenEntries() {
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            v.append(i == 0 ? "" : ", ").append("<&clks ").append(100 + i).append('>');
        }
        String out = fmt("/ {\n\tclocks = " + v + ";\n};\n", FormatOptions.KERNEL.withLineWidth(80));
        for (String line : out.split("\n")) {
            assertTrue(width(line) <= 80, "too long: " + line);
        }
        assertTrue(out.contains("\tclocks = <&clks 100>, <&clks 101>,"), out);
        assertTrue(out.contains(",\n\t\t <&clks "), out);
        // an array without entry boundaries stays on its line
        String cells = "/ {\n\tx = <" + "1 ".repeat(60) + "2>;\n};\n";
        assertEquals(3, fmt(cells, FormatOptions.KERNEL.withLineWidth(80)).split("\n").length);
    }

    private static int width(String l) {
        int c = 0;
        for (char ch : l.toCharArray()) {
            c = ch == '\t' ? (c / 8 + 1) * 8 : c + 1;
        }
        return c;
    }

    @Test
    void blankLinesNoTrailingWhitespaceOneNewline() {
        String in = "/ {\n\n\n\ta = <1>;   \n\n\n\n\tb = <2>;\n\n};\n\n\n";
        assertEquals("/ {\n\ta = <1>;\n\n\tb = <2>;\n};\n", fmt(in));
        assertEquals("/ { };\n", fmt("/ {\n};"));
        assertEquals("/ {};\n", fmt("/ {};"));
    }

    @Test
    void aFileIndentedWithSpacesKeepsSpaces() {
        String in = "/ {\n    a = <1>;\n\n    n {\n        b;\n    };\n};\n";
        assertEquals(in, fmt(in));
        String tabs = fmt(in, FormatOptions.KERNEL.withKeepFileStyle(false));
        assertEquals("/ {\n\ta = <1>;\n\n\tn {\n\t\tb;\n\t};\n};\n", tabs);
        String two = fmt("/ {\na;\n};\n", FormatOptions.KERNEL.withKeepFileStyle(false).withIndent(false, 2));
        assertEquals("/ {\n  a;\n};\n", two);
    }

    @Test
    void crlfLineEndsAreKept() {
        String out = fmt("/ {\r\n\ta = <0xA>;\r\n};\r\n");
        assertEquals("/ {\r\n\ta = <0xa>;\r\n};\r\n", out);
    }

    @Test
    void macroNamesAndLabelsAreKept() {
        String in = "/ {\n\tCP_LABEL(eth): CP_NAME(ethernet)@0 {\n\t\tPIN_SLP(gpa0-0, INPUT, DOWN);\n\t};\n};\n";
        // "CP_NAME(ethernet)@0" is not something the formatter understands as one name: it must refuse or keep it
        DtsFormatter.Result r = DtsFormatter.format(in, FormatOptions.KERNEL);
        if (r.ok()) {
            assertEquals(in.replace("CP_NAME(ethernet)@0", "CP_NAME(ethernet)@0"), r.text());
        }
        String ok = "/ {\n\tCP_LABEL(eth): CP_NAME(ethernet) {\n\t\tPIN_SLP(gpa0-0, INPUT, DOWN);\n\t};\n};\n";
        assertEquals(ok, fmt(ok));
    }

    @Test
    void aCommentBetweenANameAndItsBraceStays() {
        assertEquals("&ohci /* &usbd */ {\n\tx;\n};\n", fmt("&ohci   /* &usbd */{\n  x;\n};\n",
                FormatOptions.KERNEL.withKeepFileStyle(false)));
    }

    @Test
    void refusesWhatItCannotKeepAndSaysWhere() {
        String in = "/ {\n\tdais = <&a\n#ifdef X\n\t\t&b\n#endif\n\t>;\n};\n";
        DtsFormatter.Result r = DtsFormatter.format(in, FormatOptions.KERNEL);
        assertFalse(r.ok());
        assertEquals(in, r.text());
        assertEquals(3, r.problemLine());
        assertTrue(r.problem().contains("directive"), r.problem());
    }

    @Test
    void badInputNeverThrows() {
        for (String s : List.of("", "/*", "/ { a = <1>; ", "}}}};", "\"abc", "/ { a = <(1 >; };", "&", "#define X \\",
                "/ { x = < > ; };", "\0\u00ff\uffff", "/ {\n\ta = <1>\\\n;\n};")) {
            DtsFormatter.Result r = DtsFormatter.format(s, FormatOptions.KERNEL);
            if (!r.ok()) {
                assertEquals(s, r.text());
            }
        }
    }

    /** A property test: random shuffles of kernel-like pieces either are refused or format to a fixed point. */
    @Test
    void randomInputsFormatToAFixedPointKeepingTokens() {
        String[] pieces = {"/ {", "};", "a = <1 2>;", "b;", "n@1 {", "l: m {", "\"s\"", "/* c */", "// c\n",
            "#ifdef X\n", "#endif\n", "c = <&x 0xAB>, <&y 2>;", "\n", "\n\n", "  ", "\t", "d = [00 AB];", "{", "}", ";",
            "=", "<", ">", "&r {", "FOO(1)", "e = FOO(2);", "/delete-node/ x;", "/bits/ 8", ","};
        Random rnd = new Random(13);
        int formatted = 0;
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(25);
            for (int k = 0; k < n; k++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]).append(rnd.nextBoolean() ? " " : "\n");
            }
            String in = sb.toString();
            DtsFormatter.Result r = DtsFormatter.format(in, FormatOptions.KERNEL);
            if (!r.ok()) {
                assertEquals(in, r.text());
                continue;
            }
            formatted++;
            assertEquals(r.text(), DtsFormatter.format(r.text(), FormatOptions.KERNEL).text(), "not idempotent on " + in);
            assertEquals(DtsFormatter.signature(in), DtsFormatter.signature(r.text()), "tokens changed for " + in);
        }
        assertTrue(formatted > 100, "too few random inputs were formattable: " + formatted);
    }

    @Test
    void statementLinesFindTheEnclosingStatement() {
        String t = "/ {\n\tn {\n\t\ta = <1>;\n\t};\n};\n";
        int semi = t.indexOf("<1>;") + 3;
        assertEquals(List.of(2, 2), List.of(DtsFormatter.statementLines(t, semi)[0], DtsFormatter.statementLines(t, semi)[1]));
        int close = t.indexOf("\t};") + 1;
        int[] node = DtsFormatter.statementLines(t, close);
        assertEquals(1, node[0]);
        assertEquals(3, node[1]);
    }
}
