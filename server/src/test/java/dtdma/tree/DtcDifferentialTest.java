package dtdma.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Small tricky sources, each run through the real dtc and through dtdma. When dtc accepts a source, dtdma
 * must report no error and its dump must compile to dtc's exact blob; when dtc rejects it, dtdma must report
 * an error too (or DTS002, the property-after-subnode case dtdma accepts on purpose).
 */
class DtcDifferentialTest {
    private static final List<String[]> CASES = List.of(
            new String[] {"merge order", """
                    /dts-v1/;
                    / { a; b; n1 {}; n2 {}; };
                    / { /delete-property/ a; /delete-node/ n1; };
                    / { c; a = <1>; n3 {}; n1 { x; }; };
                    """},
            new String[] {"phandle order", """
                    /dts-v1/;
                    / { a { p = <&c &b>; }; b: b { phandle = <1>; }; c: c { }; d: d { phandle = <&d>; }; e: e { }; };
                    """},
            new String[] {"path references", """
                    /dts-v1/;
                    / { a: n { p = <1>; }; n2 { r = <&a>, "s", &a; q = &a, &a; t = &{/n}; u = <&{/n2}>; }; };
                    """},
            new String[] {"labels everywhere", """
                    /dts-v1/;
                    / { l1: n { l2: p = l3: <l4: 1 l5: 2 l6:>, l7: "x" l8:, [l9: 01 l10: 02]; }; };
                    """},
            new String[] {"bits and chars", """
                    /dts-v1/;
                    / { a = /bits/ 8 <'a' 0x12 (-1)>; b = /bits/ 16 <0xffff 7>; c = /bits/ 64 <0x123456789abcdef0>;
                        d = <'\\n' '\\x41' '\\101'>; e = "a\\tb\\"c\\x01\\101"; f = [000012345678]; g = <>; h = []; i = ""; };
                    """},
            new String[] {"expressions", """
                    /dts-v1/;
                    / { p = <(1 << 2 + 1) (1 | 2 == 2) (2 - 1 - 1) (1 ? 2 : 0 ? 3 : 4) (-7 / 2) ((-1) >> 28) (5 % 3)
                        (~0) (!0) (3 && 0) (0 || 4) (6 ^ 3) (6 & 3) (1 < 2) (2 <= 2) (3 > 4) (4 >= 4) (1 != 1) (010)>; };
                    """},
            new String[] {"deleted labels reused", """
                    /dts-v1/;
                    / { a: n { }; };
                    /delete-node/ &a;
                    / { a: m { }; x { p = <&a>; }; };
                    """},
            new String[] {"omit if no ref", """
                    /dts-v1/;
                    / { /omit-if-no-ref/ used: u { }; /omit-if-no-ref/ unused: v { }; w { p = <&used>; }; };
                    /omit-if-no-ref/ &w;
                    """},
            new String[] {"memreserve and names", """
                    /dts-v1/;
                    /memreserve/ 0x10000000 0x4000;
                    m: /memreserve/ 0x20000000 (0x1000 * 2);
                    / { #address-cells = <1>; linux,code = <1>; +-.,_? = <2>; cpu@0 { reg = <0>; }; ethernet@0,1 { }; };
                    """},
            new String[] {"label on top-level reference and path extension", """
                    /dts-v1/;
                    / { s: spi { }; };
                    alias: &s { status = "okay"; dev@0 { reg = <0>; }; };
                    &{/spi/dev@0} { x = <&alias>; };
                    """},
            new String[] {"plugin", """
                    /dts-v1/;
                    /plugin/;
                    &foo { a = <1>; };
                    / { x: node { b = <&x>; c = <&bar>; d = <&x &bar>; }; };
                    &x { e = <2>; };
                    &{/node} { f; };
                    """},
            new String[] {"name property", """
                    /dts-v1/;
                    / { n { name = "n"; p; }; };
                    """},
            new String[] {"revive deleted node", """
                    /dts-v1/;
                    / { a: n { p; q; }; m { }; };
                    / { /delete-node/ n; };
                    / { n { r; }; };
                    """},
            // dtc rejects these
            new String[] {"error: unresolved reference", """
                    /dts-v1/;
                    / { p = <&nowhere>; };
                    """},
            new String[] {"error: label not yet defined", """
                    /dts-v1/;
                    &later { q; };
                    / { later: l { }; };
                    """},
            new String[] {"error: duplicate label", """
                    /dts-v1/;
                    / { x: a { }; x: b { }; };
                    """},
            new String[] {"error: duplicate node", """
                    /dts-v1/;
                    / { a { }; a { }; };
                    """},
            new String[] {"error: duplicate property", """
                    /dts-v1/;
                    / { p = <1>; p = <2>; };
                    """},
            new String[] {"error: out of range", """
                    /dts-v1/;
                    / { p = /bits/ 8 <256>; };
                    """},
            new String[] {"error: division by zero", """
                    /dts-v1/;
                    / { p = <(0 ? (1/0) : 2)>; };
                    """},
            new String[] {"error: bad phandle", """
                    /dts-v1/;
                    / { a { phandle = <0>; }; };
                    """},
            new String[] {"error: duplicated phandle", """
                    /dts-v1/;
                    / { a { phandle = <1>; }; b { phandle = <1>; }; };
                    """},
            new String[] {"error: property after subnode", """
                    /dts-v1/;
                    / { n { }; p; };
                    """},
            new String[] {"error: missing semicolon", """
                    /dts-v1/;
                    / { p = <1> };
                    """},
            new String[] {"error: header mismatch", """
                    /dts-v1/;
                    /plugin/;
                    /dts-v1/;
                    / { };
                    """},
            new String[] {"error: bad node name", """
                    /dts-v1/;
                    / { a#b { }; x@1@2 { }; };
                    """},
            new String[] {"error: reference in 16-bit cells", """
                    /dts-v1/;
                    / { a: n { }; p = /bits/ 16 <&a>; };
                    """},
            new String[] {"error: wrong name property", """
                    /dts-v1/;
                    / { n { name = "m"; }; };
                    """},
            new String[] {"error: no header", """
                    / { };
                    """});

    @TestFactory
    Stream<DynamicTest> agreesWithDtc() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dtc")), "dtc not installed");
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c[0], () -> compare(c[1])));
    }

    private static void compare(String source) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dtdma-diff");
        Path src = dir.resolve("case.dts");
        Path dtb = dir.resolve("case.dtb");
        Path dumped = dir.resolve("dump.dts");
        Path dtb2 = dir.resolve("dump.dtb");
        try {
            Files.writeString(src, source);
            int rc = dtc(src, dtb);
            BoardResult r = new Boards(List.of(), false).load(src);
            List<Diagnostic> errors = r.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR || d.code() == Code.DTS002).toList();
            if (rc != 0) {
                assertFalse(errors.isEmpty(), "dtc rejects this source but dtdma reports no error");
                return;
            }
            assertEquals(List.of(), errors, "dtc accepts this source but dtdma reports errors");
            Files.writeString(dumped, DtsWriter.write(r.tree()));
            assertEquals(0, dtc(dumped, dtb2), "dtdma's dump does not compile:\n" + Files.readString(dumped));
            assertArrayEquals(Files.readAllBytes(dtb), Files.readAllBytes(dtb2),
                    "dtdma's tree differs from dtc's; dump:\n" + Files.readString(dumped));
        } finally {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static int dtc(Path in, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "dtc hung");
        return p.exitValue();
    }
}
