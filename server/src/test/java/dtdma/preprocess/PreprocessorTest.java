package dtdma.preprocess;

import static dtdma.preprocess.PpTestSupport.diags;
import static dtdma.preprocess.PpTestSupport.norm;
import static dtdma.preprocess.PpTestSupport.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
    @TempDir
    Path dir;
    PpTestSupport t;

    @BeforeEach
    void setUp() {
        t = new PpTestSupport(dir);
    }

    private String one(String src) throws Exception {
        return pp(src).replace('\n', ' ');
    }

    private String oneRaw(String src) throws Exception {
        PpUnit u = t.run(src);
        assertEquals(List.of(), diags(u), "diagnostics");
        return PpTestSupport.text(u).strip().replaceAll("\\s+", " ");
    }

    private String pp(String src) throws Exception {
        PpUnit u = t.run(src);
        assertEquals(List.of(), diags(u), "diagnostics");
        return norm(u);
    }

    @Test
    void objectLikeMacros() throws Exception {
        assertEquals("a = <1 2 3>;", pp("#define CELLS 1 2 3\na = <CELLS>;\n"));
        assertEquals("x = <5>;", pp("#define A B\n#define B 5\nx = <A>;\n"));
    }

    @Test
    void noSpacesInsideLabelsReferencesAndNames() throws Exception {
        assertEquals("&foo foo: node@1000 {};", pp("#define L foo\n#define ADDR 1000\n&L L: node@ADDR {};\n"));
        assertEquals("x y - -1", pp("#define M(x) x\nM(x)M(y) M(-)M(-)1\n"));
        assertEquals("<- >-", pp("#define X(a) <a>\nX(-)-\n"));
        assertEquals("<1 2>", pp("#define X(a) <a>\nX(  1   2  )\n"));
    }

    @Test
    void functionLikeMacros() throws Exception {
        assertEquals("f(1, (2,3))", pp("#define F(a,b) f(a, b)\nF(1,(2,3))\n"));
        assertEquals("3 4 F x", one("#define F(a) a\nF\n(3) F  (4) F\nx\n"));
        assertEquals("[]", pp("#define E(a) [a]\nE()\n"));
        assertEquals("f() f(1,2 , 3)\ng(1,2)", pp("#define C(...) f(__VA_ARGS__)\nC() C(1,2 , 3)\n#define G(a...) g(a)\nG(1,2)\n"));
        assertEquals("x = <1 2 >;", one("#define P(a, b) a b\nx = <P(1,\n  2)>;\n"));
    }

    @Test
    void stringifyAndPaste() throws Exception {
        assertEquals("\"gpa0-0\" \"a \\\"b\\\\n\\\" c\"", pp("#define S(x) #x\nS(gpa0-0) S( a  \"b\\n\"  c )\n"));
        assertEquals("0x10 ++ -> a-b 1.", pp("#define P(x, y) x ## y\nP(0x, 10) P(+,+) P(-, >) P(a,-b) P(1,.)\n"));
        assertEquals("aE pin-", pp("#define N(x,y) x##y\n#define E\nN(a,E) N(pin-,E)\n"));
        assertEquals("efuse@1c", pp("#define EF(a) efuse@##a\nEF(1c)\n"));
        assertEquals("\"efuse03-reg\"", pp("#define S(x) #x\n#define XS(x) S(x)\n#define R(n) XS(efuse##n##-reg)\nR(03)\n"));
        assertEquals("#address-cells = <1>;", pp("#define CELLS(n) #address-cells = <n>;\nCELLS(1)\n"));
    }

    @Test
    void noRecursiveReexpansion() throws Exception {
        assertEquals("A", pp("#define A A\nA\n"));
        assertEquals("A", pp("#define A B\n#define B A\nA\n"));
        assertEquals("f(2 * 1)", pp("#define f(x) f(2 * x)\nf(1)\n"));
    }

    @Test
    void argumentsArePreExpanded() throws Exception {
        assertEquals("\"ONE\" \"1\"", pp("#define ONE 1\n#define S(x) #x\n#define XS(x) S(x)\nS(ONE) XS(ONE)\n"));
    }

    @Test
    void stringsCharsAndApostrophes() throws Exception {
        assertEquals("\"FOO\" 'x' 5", pp("#define FOO 5\n\"FOO\" 'x' FOO\n"));
        assertEquals("a = it's FOO;\nb = 5;", pp("#define FOO 5\na = it's FOO;\nb = FOO;\n"));
    }

    @Test
    void commentsAndContinuations() throws Exception {
        assertEquals("a b\nc", pp("a /* x */ b // y\nc\n"));
        String out = PpTestSupport.text(t.run("/* one\n two */ q\nr\n"));
        assertEquals(3, out.split("\n", -1).length - 1, "lines kept: " + out);
        assertEquals("compatible = \"a\", \"b\";", one("compatible = \"a\", \\\n\"b\";\n"));
        assertEquals("x = <12>;", pp("#define V 1\\\n2\nx = <V>;\n"));
        assertEquals("x = <5>;", pp("#def\\\nine Q 5\nx = <Q>;\n"));
        assertEquals("b", pp("// comment \\\na\nb\n"));
    }

    @Test
    void hashLinesThatAreNotDirectives() throws Exception {
        assertEquals("#address-cells = <1>; #size-cells = <0>; # 12 \"foo\" #!x",
                oneRaw("#define ONE 1\n#address-cells = <ONE>;\n#size-cells = <0>;\n# 12 \"foo\"\n#\n#!x\n"));
    }

    @Test
    void conditionals() throws Exception {
        assertEquals("yes", pp("#if 1 + 2 * 3 == 7 && !defined(NOPE)\nyes\n#else\nno\n#endif\n"));
        assertEquals("b", pp("#define X 2\n#if X == 1\na\n#elif X == 2\nb\n#else\nc\n#endif\n"));
        assertEquals("in", pp("#ifdef __DTS__\nin\n#endif\n#ifndef __DTS__\nout\n#endif\n"));
        assertEquals("ok", pp("#if 0\n#if garbage (\n#endif\n#else\nok\n#endif\n"));
        assertEquals("u", pp("#if -1 > 0u\nu\n#else\ns\n#endif\n"));
        assertEquals("t", pp("#if (1 ? 2 : (1/0)) == 2 && 'a' == 97 && 0x10 == 16 && 010 == 8 && 1L\nt\n#endif\n"));
        assertEquals("t", pp("#if UNKNOWN == 0 && defined __ASSEMBLER__ && __STDC__\nt\n#endif\n"));
        assertEquals("t", pp("#if 0 && (1 / 0)\n#else\nt\n#endif\n"));
        assertEquals("x", pp("#define SW_ON 1\n#define SW_CONFIG3 SW_ON\n#if SW_CONFIG3 == SW_ON\nx\n#endif\n"));
    }

    @Test
    void undefAndDefines() throws Exception {
        assertEquals("A", pp("#define A 1\n#undef A\nA\n"));
        PpUnit u = t.run("X Y F(2)\n", Map.of("X", "7", "Y", "", "F(a)", "a+a"));
        assertEquals("7 2 +2", norm(u));
    }

    @Test
    void builtins() throws Exception {
        assertEquals("3 1 0 1", pp("\n\n__LINE__ __DTS__ __COUNTER__ __COUNTER__\n"));
        assertTrue(pp("__FILE__\n").endsWith("board.dts\""));
    }

    @Test
    void includes() throws Exception {
        t.write("inc/dt-bindings/x.h", "#ifndef X_H\n#define X_H\n#define IRQ 5\n#endif\n");
        t.write("sub.dtsi", "node { irq = <IRQ>; };\n");
        t.write("raw.dtsi", "raw { IRQ; };\n");
        PpUnit u = t.run("#include <dt-bindings/x.h>\n#include \"dt-bindings/x.h\"\n#include \"sub.dtsi\"\n/include/ \"raw.dtsi\"\n#define H <dt-bindings/x.h>\n#include H\n");
        assertEquals(List.of(), diags(u));
        assertEquals("node { irq = <5>; };\nraw { IRQ; };", norm(u));
        long raw = u.pieces().stream().filter(p -> p instanceof PpUnit.Include i && i.raw()).count();
        assertEquals(1, raw);
    }

    // ---- diagnostics with spans ------------------------------------------------------------------

    @Test
    void missingInclude() throws Exception {
        PpUnit u = t.run("/ {};\n  #include \"nope.dtsi\"\n");
        Diagnostic d = only(u, Code.PP001);
        assertEquals("2:12", t.where(d));
        assertEquals("\"nope.dtsi\"", t.spanText(d));
        assertTrue(d.message().contains("nope.dtsi") && d.message().contains(dir.toString()), d.message());
    }

    @Test
    void includeCycle() throws Exception {
        t.write("a.dtsi", "#include \"b.dtsi\"\n");
        t.write("b.dtsi", "x\n#include \"a.dtsi\"\n");
        PpUnit u = t.run("#include \"a.dtsi\"\n");
        Diagnostic d = only(u, Code.PP002);
        assertEquals("2:10", t.where(d));
        assertTrue(d.message().contains("a.dtsi -> b.dtsi -> a.dtsi"), d.message());
    }

    @Test
    void guardedMutualIncludeIsFine() throws Exception {
        t.write("a.h", "#ifndef A_H\n#define A_H\n#include \"b.h\"\n#endif\n");
        t.write("b.h", "#ifndef B_H\n#define B_H\n#include \"a.h\"\n#endif\n");
        assertEquals("", pp("#include \"a.h\"\n"));
    }

    @Test
    void wrongArgumentCount() throws Exception {
        PpUnit u = t.run("#define F(a,b) a b\nx = <F(1)>;\n");
        Diagnostic d = only(u, Code.PP003);
        assertEquals("2:6", t.where(d));
        assertEquals("F(1)", t.spanText(d));
    }

    @Test
    void unbalancedConditionals() throws Exception {
        assertEquals("1:1", t.where(only(t.run("#if 1\nx\n"), Code.PP004)));
        assertEquals("2:1", t.where(only(t.run("x\n#endif\n"), Code.PP004)));
        assertEquals("1:2", t.where(only(t.run(" #else\n"), Code.PP004)));
    }

    @Test
    void errorAndWarning() throws Exception {
        PpUnit u = t.run("a\n#error no board selected\n#warning careful\n");
        Diagnostic e = only(u, Code.PP005);
        assertEquals(Severity.ERROR, e.severity());
        assertEquals("2:1", t.where(e));
        assertTrue(e.message().contains("no board selected"));
        Diagnostic w = only(u, Code.PP006);
        assertEquals(Severity.WARNING, w.severity());
        assertEquals("3:1", t.where(w));
        assertEquals("", norm(t.run("#if 0\n#error skipped\n#endif\n")));
    }

    @Test
    void notRegularFile() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("adir"));
        Diagnostic d = only(t.run("#include \"adir\"\n"), Code.PP008);
        assertEquals("1:10", t.where(d));
    }

    @Test
    void malformed() throws Exception {
        Diagnostic d = only(t.run("#if 1 +\n#endif\n"), Code.PP009);
        assertEquals("1:7", t.where(d));
        assertEquals("1:7", t.where(only(t.run("#if 1 2\n#endif\n"), Code.PP009)));
        Diagnostic z = only(t.run("#if 1 / 0\n#endif\n"), Code.PP011);
        assertEquals("1:7", t.where(z));
        only(t.run("#define\n"), Code.PP009);
        only(t.run("#define F(a,\n"), Code.PP009);
    }

    @Test
    void redefinition() throws Exception {
        PpUnit u = t.run("#define A 1\n#define A 1\n#define A 2\n");
        Diagnostic d = only(u, Code.PP010);
        assertEquals("3:9", t.where(d));
        assertEquals(Severity.WARNING, d.severity());
        assertEquals(1, d.related().size());
    }

    @Test
    void unterminated() throws Exception {
        assertEquals("2:3", t.where(only(t.run("a\nb /* never closed\n"), Code.PP012)));
        assertEquals("2:1", t.where(only(t.run("#define F(x) x\nF(1, 2\n"), Code.PP012)));
    }

    // ---- limits ----------------------------------------------------------------------------------

    @Test
    void exponentialMacrosStopQuickly() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("#define M").append(i).append(" M").append(i + 1).append(" M").append(i + 1).append('\n');
        }
        sb.append("x = M0;\n");
        // a hang guard, not a speed target: 2^60 expansions must be cut off by the limit long before this
        PpUnit u = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> t.run(sb.toString()));
        assertEquals("2:5".replace("2", "61"), t.where(only(u, Code.PP007)));
    }

    @Test
    void deepNestingStopsQuickly() throws Exception {
        StringBuilder sb = new StringBuilder("#define F(x) x\n");
        sb.append("F(".repeat(5000)).append('1').append(")".repeat(5000)).append('\n');
        for (int i = 0; i < 3000; i++) {
            sb.append("#define D").append(i).append(" D").append(i + 1).append('\n');
        }
        sb.append("D0\n");
        PpUnit u = t.run(sb.toString());
        assertTrue(diags(u).stream().filter(d -> d.code() == Code.PP007).count() >= 1, diags(u).toString());
    }

    @Test
    void hugeArgumentListFinishes() throws Exception {
        String args = "1,".repeat(1_000_000);
        PpUnit u = t.run("#define F(a) a\nF(" + args + "2)\n");
        assertTrue(diags(u).stream().anyMatch(d -> d.code() == Code.PP003 || d.code() == Code.PP007), diags(u).toString());
    }

    @Test
    void outputLimit() throws Exception {
        t.options = new Preprocessor.Options(200, 1000, 10_000, 1 << 20);
        PpUnit u = t.run("#define X xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" + "X X X X X X X X X X\n".repeat(200));
        only(u, Code.PP007);
    }

    @Test
    void unguardedSelfIncludeIsACycle() throws Exception {
        t.write("self.dtsi", "x\n#include \"self.dtsi\"\n");
        PpUnit u = t.run("#include \"self.dtsi\"\n");
        assertEquals("2:10", t.where(only(u, Code.PP002)));
    }

    @Test
    void includeDepthLimit() throws Exception {
        for (int i = 0; i < 250; i++) {
            t.write("d" + i + ".dtsi", "#include \"d" + (i + 1) + ".dtsi\"\n");
        }
        t.write("d250.dtsi", "deep\n");
        PpUnit u = t.run("#include \"d0.dtsi\"\n");
        Diagnostic d = only(u, Code.PP007);
        assertTrue(d.message().contains("200"), d.message());
    }

    // ---- cache -----------------------------------------------------------------------------------

    private static PpUnit firstInclude(PpUnit u) {
        return u.pieces().stream().filter(p -> p instanceof PpUnit.Include).map(p -> (PpUnit.Include) p).findFirst().orElseThrow().unit();
    }

    @Test
    void cacheReusesUnitsForTheSameEnvironment() throws Exception {
        t.write("soc.dtsi", "#define SOC_IRQ 3\nsoc { irq = <BOARD>; };\n");
        PpUnit a = t.run("#define BOARD 1\n#include \"soc.dtsi\"\nv = <SOC_IRQ>;\n");
        PpUnit b = t.run("#define BOARD 1\n#include \"soc.dtsi\"\nw = <SOC_IRQ>;\n");
        assertSame(firstInclude(a), firstInclude(b));
        assertTrue(norm(b).endsWith("w = <3>;"), norm(b));
        PpUnit c = t.run("#define BOARD 2\n#include \"soc.dtsi\"\n");
        assertNotSame(firstInclude(a), firstInclude(c));
        assertTrue(norm(c).contains("<2>"));
    }

    @Test
    void cacheNoticesChangedIncludedFiles() throws Exception {
        t.write("inner.dtsi", "one\n");
        t.write("outer.dtsi", "#include \"inner.dtsi\"\n");
        assertEquals("one", pp("#include \"outer.dtsi\"\n"));
        t.write("inner.dtsi", "two two\n");
        assertEquals("two two", pp("#include \"outer.dtsi\"\n"));
        t.loader.setOverlay(dir.resolve("inner.dtsi"), "three\n");
        assertEquals("three", pp("#include \"outer.dtsi\"\n"));
    }

    @Test
    void counterUsersAreNotCached() throws Exception {
        t.write("c.dtsi", "__COUNTER__\n");
        assertEquals("0\n1", pp("#include \"c.dtsi\"\n#include \"c.dtsi\"\n"));
    }

    @Test
    void missingIncludeGivesNullUnit() throws Exception {
        PpUnit u = t.run("#include \"gone.dtsi\"\n");
        assertNull(firstInclude(u));
    }
}
