package dtdma.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.syntax.SyntaxParser;
import dtdma.text.SourceRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merge semantics, checked against what dtc 1.6.1 produces for the same input (see the comments). */
class TreeBuilderTest {
    private final SourceRegistry sources = new SourceRegistry();

    private DeviceTree tree(String dts) {
        var f = sources.register(Path.of("test.dts"), dts);
        return TreeBuilder.build(new SyntaxParser().parseText(f), null);
    }

    private static List<String> names(List<?> xs) {
        return xs.stream().map(x -> x instanceof Node n ? n.name() : ((Property) x).name()).toList();
    }

    private static List<Code> codes(DeviceTree t) {
        return t.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void laterBodiesMergeInPlaceAndDeletionsApplyToEarlierContent() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { a; b; n1 {}; n2 {}; };
                / { /delete-property/ a; /delete-node/ n1; };
                / { c; a = <1>; n3 {}; n1 { x; }; };
                """);
        assertEquals(List.of(), codes(t));
        assertEquals(List.of("a", "b", "c"), names(t.root().properties()));
        assertArrayEquals(new byte[] {0, 0, 0, 1}, t.root().property("a").value().bytes());
        assertEquals(List.of("n1", "n2", "n3"), names(t.root().children()));
        assertEquals(List.of("x"), names(t.root().child("n1").properties()));
    }

    @Test
    void phandlesFollowDtcOrderExplicitValuesFirstThenReferenceOrder() {
        // dts-syntax.md 4.4: b=1 (explicit), c=2, d=3 (self reference), e none
        DeviceTree t = tree("""
                /dts-v1/;
                / {
                    a { p = <&c &b>; };
                    b: b { phandle = <1>; };
                    c: c { };
                    d: d { phandle = <&d>; };
                    e: e { };
                };
                """);
        assertEquals(List.of(), codes(t));
        Node root = t.root();
        assertEquals(1, root.child("b").phandle());
        assertEquals(2, root.child("c").phandle());
        assertEquals(3, root.child("d").phandle());
        assertEquals(0, root.child("e").phandle());
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0, 0, 0, 1}, root.child("a").property("p").value().bytes());
        assertEquals(List.of("phandle"), names(root.child("c").properties()));
        assertEquals(List.of("phandle"), names(root.child("d").properties()));
    }

    @Test
    void referencesOutsideCellsBecomePathStrings() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { a: n { p = <1>; }; n2 { r = <&a>, "s", &a; q = &a, &a; }; };
                """);
        assertEquals(List.of(), codes(t));
        Property r = t.root().child("n2").property("r");
        byte[] expected = "\0\0\0\1s\0/n\0".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected, r.value().bytes());
        assertEquals(List.of("/n", "/n"), t.root().child("n2").property("q").value().strings());
    }

    @Test
    void deletedLabelsStopResolvingAndMayBeReused() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { a: n { }; };
                /delete-node/ &a;
                / { a: m { }; x { p = <&a>; }; };
                """);
        assertEquals(List.of(), codes(t));
        assertNull(t.root().child("n"));
        assertEquals("/m", t.labelled("a").path());
        assertEquals(1, t.root().child("m").phandle());
    }

    @Test
    void duplicateLabelOnTwoNodesIsAnError() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { x: a { }; x: b { }; };
                """);
        assertEquals(List.of(Code.TR003), codes(t));
    }

    @Test
    void sameLabelTwiceOnOneNodeIsFine() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { x: a { }; };
                x: &x { p; };
                """);
        assertEquals(List.of(), codes(t));
        assertEquals(List.of("x"), t.root().child("a").labels());
    }

    @Test
    void omitIfNoRefDropsOnlyUnreferencedNodes() {
        DeviceTree t = tree("""
                /dts-v1/;
                / {
                    /omit-if-no-ref/ used: u { };
                    /omit-if-no-ref/ unused: v { };
                    w { p = <&used>; };
                };
                """);
        assertEquals(List.of(), codes(t));
        assertEquals(List.of("u", "w"), names(t.root().children()));
    }

    @Test
    void valueOutOfRangeIsAnErrorButSignExtensionIsNot() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { ok = /bits/ 8 <(-128) 0xff>; bad = /bits/ 8 <0x1ff>; };
                """);
        assertEquals(List.of(Code.TR006), codes(t));
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0xff}, t.root().property("ok").value().bytes());
    }

    @Test
    void expressionsAreUnsigned64BitWithCPrecedence() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { p = /bits/ 64 <(1 << 2 + 1) (1 | 2 == 2) (2 - 1 - 1) (1 ? 2 : 0 ? 3 : 4) (-7 / 2) ((-1) >> 60) (1 << 64)>; };
                """);
        assertEquals(List.of(), codes(t));
        long[] expected = {8, 1, 0, 2, 0x7ffffffffffffffcL, 15, 0};
        byte[] b = t.root().property("p").value().bytes();
        for (int i = 0; i < expected.length; i++) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (b[i * 8 + k] & 0xff);
            }
            assertEquals(expected[i], v, "element " + i);
        }
    }

    @Test
    void divisionByZeroIsReportedEvenInTheUnusedArm() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { p = <(0 ? (1/0) : 2)>; };
                """);
        assertEquals(List.of(Code.TR005), codes(t));
    }

    @Test
    void unresolvedReferencesAreReportedAtTheReference() {
        String src = """
                /dts-v1/;
                / { p = <&nowhere>; };
                &later { q; };
                / { later: l { }; };
                """;
        DeviceTree t = tree(src);
        assertEquals(List.of(Code.TR001, Code.TR001), codes(t).stream().sorted().toList());
        for (Diagnostic d : t.diagnostics()) {
            String at = src.substring(d.span().start(), d.span().end());
            assertTrue(at.equals("&nowhere") || at.equals("&later"), at);
        }
    }

    @Test
    void headerFlagsMustMatch() {
        DeviceTree t = tree("""
                /dts-v1/;
                /plugin/;
                /dts-v1/;
                / { };
                """);
        assertEquals(List.of(Code.TR015), codes(t));
    }

    @Test
    void pluginsGetFragmentsAndFixupsAsDtcBuildsThem() {
        // the same source through dtc 1.6.1 -O dts gives exactly this structure
        DeviceTree t = tree("""
                /dts-v1/;
                /plugin/;
                &foo { a = <1>; };
                / { x: node { b = <&x>; c = <&bar>; d = <&x &bar>; }; };
                &x { e = <2>; };
                &{/node} { f; };
                """);
        assertEquals(List.of(), codes(t));
        Node root = t.root();
        assertEquals(List.of("fragment@0", "node", "fragment@1", "__fixups__", "__local_fixups__"),
                names(root.children()));
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, root.child("fragment@0").property("target").value().bytes());
        assertEquals(List.of("a"), names(root.child("fragment@0").child("__overlay__").properties()));
        assertEquals(List.of("b", "c", "d", "e", "phandle"), names(root.child("node").properties()));
        assertEquals("/node", root.child("fragment@1").property("target-path").value().string());
        assertEquals(List.of("/fragment@0:target:0"), root.child("__fixups__").property("foo").value().strings());
        assertEquals(List.of("/node:c:0", "/node:d:4"), root.child("__fixups__").property("bar").value().strings());
        Node lf = root.child("__local_fixups__").child("node");
        assertNotNull(lf);
        assertArrayEquals(new byte[] {0, 0, 0, 0}, lf.property("b").value().bytes());
        assertArrayEquals(new byte[] {0, 0, 0, 0}, lf.property("d").value().bytes());
    }

    @Test
    void historyRecordsEveryPlaceANodeWasDefinedOrChanged() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { u: uart { status = "disabled"; }; };
                &u { status = "okay"; };
                """);
        Node u = t.root().child("uart");
        assertEquals(2, u.history().size());
        assertEquals(History.Kind.CHANGED, u.history().get(1).kind());
        assertEquals("okay", u.status());
        assertEquals(2, u.property("status").history().size());
    }

    @Test
    void deletingWhatIsNotThereIsAWarning() {
        DeviceTree t = tree("""
                /dts-v1/;
                / { n { }; };
                / { n { /delete-property/ nope; }; /delete-node/ gone; };
                """);
        assertEquals(List.of(Code.TR004, Code.TR004), codes(t));
    }
}
