package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.conformance.TreeComparator.Difference;
import dtdma.conformance.TreeComparator.Kind;
import dtdma.conformance.TreeComparator.Result;
import dtdma.fdt.Fdt;
import dtdma.fdt.FdtNode;
import dtdma.fdt.FdtProp;
import dtdma.tree.DeviceTree;
import dtdma.tree.Marker;
import dtdma.tree.Node;
import dtdma.tree.PropValue;
import dtdma.tree.Property;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeComparatorTest {
    // ---- builders -------------------------------------------------------------------------------

    private static byte[] cells(long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4);
        for (long x : v) {
            b.putInt((int) x);
        }
        return b.array();
    }

    private static byte[] str(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static Node node(String name, Object... propsThenKids) {
        Node n = new Node(name);
        for (Object o : propsThenKids) {
            if (o instanceof Property p) {
                n.properties().add(p);
            } else {
                n.addChild((Node) o);
            }
        }
        return n;
    }

    private static Property prop(String name, byte[] v, Marker... markers) {
        return new Property(name, new PropValue(v, List.of(markers)), null);
    }

    private static Marker ref(int offset, String label) {
        return new Marker(offset, Marker.Kind.REF_PHANDLE, label, null);
    }

    private static FdtNode fnode(String name, Object... propsThenKids) {
        List<FdtProp> props = new ArrayList<>();
        List<FdtNode> kids = new ArrayList<>();
        for (Object o : propsThenKids) {
            if (o instanceof FdtProp p) {
                props.add(p);
            } else {
                kids.add((FdtNode) o);
            }
        }
        return new FdtNode(name, props, kids);
    }

    private static FdtProp fprop(String name, byte[] v) {
        return new FdtProp(name, v);
    }

    private static Result cmp(Node root, FdtNode froot) {
        return TreeComparator.compare(new DeviceTree(root, false), froot, List.of(), 50);
    }

    /** A dtdma tree where /uart references /dma (phandle {@code ph}). */
    private static Node dtdmaTree(long ph, String refTarget) {
        Node dma = node("dma@1000", prop("reg", cells(0x1000, 0x100)), prop("phandle", cells(ph)));
        dma.setPhandle(ph);
        Node other = node("other", prop("phandle", cells(ph + 1)));
        other.setPhandle(ph + 1);
        long target = refTarget.equals("dma") ? ph : ph + 1;
        Node uart = node("uart@2000", prop("compatible", str("acme,uart")),
                prop("dmas", cells(target, 5, 0), ref(0, refTarget)));
        return node("", prop("model", str("Acme")), node("soc", dma, other, uart));
    }

    /** The matching dtc tree with different phandle numbering: dma = 7, other = 9. */
    private static FdtNode dtcTree() {
        return fnode("", fprop("model", str("Acme")),
                fnode("soc",
                        fnode("dma@1000", fprop("reg", cells(0x1000, 0x100)), fprop("phandle", cells(7))),
                        fnode("other", fprop("phandle", cells(9))),
                        fnode("uart@2000", fprop("compatible", str("acme,uart")), fprop("dmas", cells(7, 5, 0)))));
    }

    // ---- tests ----------------------------------------------------------------------------------

    @Test
    void equalTreesWithDifferentPhandleNumbering() {
        Result r = cmp(dtdmaTree(1, "dma"), dtcTree());
        assertTrue(r.equal(), () -> r.differences().toString());
        assertEquals(5, r.nodesCompared());
        assertEquals(4, r.propertiesCompared()); // model, reg, compatible, dmas; phandles excluded
    }

    @Test
    void referenceToTheWrongNode() {
        Result r = cmp(dtdmaTree(1, "other"), dtcTree());
        Difference d = r.first();
        assertEquals(Kind.REFERENCE_TARGET, d.kind());
        assertEquals("/soc/uart@2000", d.path());
        assertEquals("dmas", d.property());
        assertTrue(d.detail().contains("&other at byte offset 0"), d.detail());
        assertTrue(d.detail().contains("dtdma points at /soc/other (phandle 0x2)"), d.detail());
        assertTrue(d.detail().contains("dtc at /soc/dma@1000 (phandle 0x7)"), d.detail());
    }

    @Test
    void unmarkedPhandleCellsAreComparedAsBytes() {
        Node mine = dtdmaTree(1, "dma");
        Property dmas = mine.child("soc").child("uart@2000").property("dmas");
        mine.child("soc").child("uart@2000").properties().set(1, prop("dmas", dmas.value().bytes()));
        Difference d = cmp(mine, dtcTree()).first();
        assertEquals(Kind.VALUE_BYTES, d.kind());
        assertTrue(d.detail().contains("offset 3: dtdma 0x00000001, dtc 0x00000007"), d.detail());
    }

    @Test
    void byteDifferenceNamesOffsetAndBothValues() {
        Node mine = node("", prop("reg", cells(1, 2, 3)));
        FdtNode theirs = fnode("", fprop("reg", cells(1, 2, 4)));
        Difference d = cmp(mine, theirs).first();
        assertEquals(Kind.VALUE_BYTES, d.kind());
        assertEquals("/", d.path());
        assertEquals("reg", d.property());
        assertTrue(d.detail().startsWith("bytes differ at offset 11: dtdma 0x00000003, dtc 0x00000004 at [8, 12)"),
                d.detail());
        assertEquals("/ property reg: " + d.detail(), d.toString());
    }

    @Test
    void stringDifferenceIsShownAsStrings() {
        Difference d = cmp(node("", prop("status", str("okay"))), fnode("", fprop("status", str("disabled")))).first();
        assertEquals(Kind.VALUE_LENGTH, d.kind());
        assertTrue(d.detail().contains("dtdma \"okay\", dtc \"disabled\""), d.detail());
    }

    @Test
    void missingExtraAndReorderedProperties() {
        Node mine = node("", prop("a", cells(1)), prop("c", cells(3)), prop("x", cells(0)));
        FdtNode theirs = fnode("", fprop("c", cells(3)), fprop("a", cells(1)), fprop("b", cells(2)));
        List<Difference> ds = cmp(mine, theirs).differences();
        assertEquals(Kind.MISSING_PROPERTY, ds.get(0).kind());
        assertEquals("b", ds.get(0).property());
        assertEquals(Kind.EXTRA_PROPERTY, ds.get(1).kind());
        assertEquals("x", ds.get(1).property());
        assertEquals(Kind.PROPERTY_ORDER, ds.get(2).kind());
        assertTrue(ds.get(2).detail().contains("position 0: dtdma has 'a', dtc has 'c'"), ds.get(2).detail());
        assertEquals(3, ds.size());
    }

    @Test
    void missingExtraAndReorderedNodes() {
        Node mine = node("", node("soc", node("b"), node("a"), node("z@1")));
        FdtNode theirs = fnode("", fnode("soc", fnode("a"), fnode("b"), fnode("y@2")));
        List<Difference> ds = cmp(mine, theirs).differences();
        assertEquals(Kind.MISSING_NODE, ds.get(0).kind());
        assertEquals("/soc/y@2", ds.get(0).path());
        assertEquals(Kind.EXTRA_NODE, ds.get(1).kind());
        assertEquals("/soc/z@1", ds.get(1).path());
        assertEquals(Kind.NODE_ORDER, ds.get(2).kind());
        assertEquals("/soc", ds.get(2).path());
    }

    @Test
    void phandlePropertiesComparedByPresenceOnly() {
        // dtdma keeps the phandle only as a node field: counts as "phandle" appended last
        Node dma = node("dma", prop("reg", cells(1)));
        dma.setPhandle(3);
        Node mine = node("", dma, node("u", prop("dmas", cells(3), ref(0, "dma"))));
        FdtNode theirs = fnode("", fnode("dma", fprop("reg", cells(1)), fprop("phandle", cells(1))),
                fnode("u", fprop("dmas", cells(1))));
        assertTrue(cmp(mine, theirs).equal(), () -> cmp(mine, theirs).differences().toString());

        // dtc generated a phandle dtdma did not
        Node mine2 = node("", node("dma", prop("reg", cells(1))));
        FdtNode theirs2 = fnode("", fnode("dma", fprop("reg", cells(1)), fprop("phandle", cells(1))));
        Difference d = cmp(mine2, theirs2).first();
        assertEquals(Kind.MISSING_PROPERTY, d.kind());
        assertEquals("/dma", d.path());
        assertEquals("phandle", d.property());

        // linux,phandle in the source is kept as is by both
        Node lp = node("dma", prop("linux,phandle", cells(5)));
        lp.setPhandle(5);
        assertTrue(cmp(node("", lp), fnode("", fnode("dma", fprop("linux,phandle", cells(5))))).equal());
    }

    @Test
    void unresolvedReferencesOnBothSidesAreEqual() {
        Node mine = node("", node("u", prop("dmas", cells(0xffffffffL), ref(0, "missing"))));
        FdtNode theirs = fnode("", fnode("u", fprop("dmas", cells(0xffffffffL))));
        assertTrue(cmp(mine, theirs).equal());
    }

    @Test
    void memreserves() {
        DeviceTree t = new DeviceTree(node(""), false);
        t.memReserves().add(new long[] {0x1000, 0x10});
        Result same = TreeComparator.compare(t, fnode(""), List.of(new Fdt.MemReserve(0x1000, 0x10)), 10);
        assertTrue(same.equal());
        Result r = TreeComparator.compare(t, fnode(""), List.of(new Fdt.MemReserve(0x1000, 0x20),
                new Fdt.MemReserve(0x2000, 1)), 10);
        assertEquals(Kind.MEMRESERVE, r.first().kind());
        assertTrue(r.first().detail().contains("entry 0: dtdma <0x1000 0x10>, dtc <0x1000 0x20>"), r.first().detail());
    }

    @Test
    void stopsAtTheLimit() {
        Node mine = node("");
        List<FdtNode> kids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            kids.add(fnode("n" + i));
        }
        Result r = TreeComparator.compare(new DeviceTree(mine, false), new FdtNode("", List.of(), kids), List.of(), 3);
        assertEquals(3, r.differences().size());
        assertTrue(r.truncated());
        assertFalse(r.equal());
    }

    @Test
    void endToEndAgainstRealDtc() throws Exception {
        Fdt f = DtcTestSupport.fdt("""
                /dts-v1/;
                /memreserve/ 0x80000000 0x1000;
                / {
                    model = "Acme";
                    soc {
                        dma: dma@1000 { reg = <0x1000 0x100>; };
                        other: other { };
                        uart@2000 { compatible = "acme,uart"; dmas = <&other 1>, <&dma 5>; };
                    };
                };
                """);
        Node dma = node("dma@1000", prop("reg", cells(0x1000, 0x100)));
        Node other = node("other");
        // dtdma numbers them in the opposite order from dtc: still equal
        dma.setPhandle(20);
        other.setPhandle(10);
        Node uart = node("uart@2000", prop("compatible", str("acme,uart")),
                prop("dmas", cells(10, 1, 20, 5), ref(0, "other"), ref(8, "dma")));
        Node root = node("", prop("model", str("Acme")), node("soc", dma, other, uart));
        DeviceTree t = new DeviceTree(root, false);
        t.memReserves().add(new long[] {0x80000000L, 0x1000});
        Result r = TreeComparator.compare(t, f);
        assertTrue(r.equal(), () -> r.differences().toString());

        // swapping the two references is caught at the second cell's node
        uart.properties().set(1, prop("dmas", cells(20, 1, 10, 5), ref(0, "dma"), ref(8, "other")));
        Difference d = TreeComparator.compare(t, f).first();
        assertEquals(Kind.REFERENCE_TARGET, d.kind());
        assertTrue(d.detail().contains("dtdma points at /soc/dma@1000"), d.detail());
        assertTrue(d.detail().contains("dtc at /soc/other"), d.detail());
    }

    /** dtc's own tree, rebuilt as a DeviceTree, compares equal to itself: no false differences on a real board. */
    @Test
    void realBoardAgainstItself(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path k = KernelCorpus.path();
        org.junit.jupiter.api.Assumptions.assumeTrue(k != null, KernelCorpus.SKIP_MESSAGE);
        OracleResult r = DtcTestSupport.oracle(k, tmp).compile(k.resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts"));
        Fdt f = Fdt.parse(r.dtb());
        DeviceTree t = new DeviceTree(toTree(f.root()), false);
        for (Fdt.MemReserve m : f.memReserves()) {
            t.memReserves().add(new long[] {m.address(), m.size()});
        }
        Result res = TreeComparator.compare(t, f);
        assertTrue(res.equal(), () -> res.differences().toString());
        assertTrue(res.nodesCompared() > 100, "nodes " + res.nodesCompared());
    }

    private static Node toTree(FdtNode f) {
        Node n = new Node(f.name());
        for (FdtProp p : f.props()) {
            n.properties().add(prop(p.name(), p.value()));
            if (p.name().equals("phandle")) {
                n.setPhandle(p.cellAt(0));
            }
        }
        for (FdtNode c : f.children()) {
            n.addChild(toTree(c));
        }
        return n;
    }
}
