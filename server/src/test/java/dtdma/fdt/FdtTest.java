package dtdma.fdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dtdma.conformance.DtcTestSupport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FdtTest {
    private static final String SAMPLE = """
            /dts-v1/;
            /memreserve/ 0x10000000 0x4000;
            /memreserve/ 0x20000000 0x100;
            / {
                #address-cells = <1>;
                compatible = "acme,board", "acme,soc";
                soc {
                    dma: dma-controller@1000 {
                        reg = <0x1000 0x100>;
                        #dma-cells = <3>;
                    };
                    uart@2000 {
                        reg = <0x2000 0x100>;
                        dmas = <&dma 1 2 0>, <&dma 2 2 0>;
                        bytes = [01 02 03];
                        empty;
                    };
                };
                chosen { };
            };
            """;

    @Test
    void readsWhatDtcWrites() throws Exception {
        Fdt f = DtcTestSupport.fdt(SAMPLE);
        assertEquals(17, f.version());
        assertEquals(List.of(new Fdt.MemReserve(0x10000000L, 0x4000), new Fdt.MemReserve(0x20000000L, 0x100)),
                f.memReserves());
        FdtNode root = f.root();
        assertEquals("", root.name());
        assertEquals(List.of("#address-cells", "compatible"), root.props().stream().map(FdtProp::name).toList());
        assertArrayEquals("acme,board\0acme,soc\0".getBytes(StandardCharsets.US_ASCII), root.prop("compatible").value());
        assertEquals(List.of("soc", "chosen"), root.children().stream().map(FdtNode::name).toList());
        FdtNode dma = root.resolve("/soc/dma-controller@1000");
        assertNotNull(dma);
        // dtc appends the generated phandle last
        assertEquals(List.of("reg", "#dma-cells", "phandle"), dma.props().stream().map(FdtProp::name).toList());
        long ph = dma.prop("phandle").cellAt(0);
        FdtNode uart = root.resolve("/soc/uart@2000");
        FdtProp dmas = uart.prop("dmas");
        assertEquals(32, dmas.length());
        assertEquals(ph, dmas.cellAt(0));
        assertEquals(1, dmas.cellAt(4));
        assertEquals(ph, dmas.cellAt(16));
        assertEquals(3, uart.prop("bytes").length());
        assertEquals(0, uart.prop("empty").length());
        assertTrue(root.child("chosen").props().isEmpty());
        assertNull(root.resolve("/soc/nope"));
    }

    @Test
    void readsVersion16() throws Exception {
        byte[] b = DtcTestSupport.dtb("/dts-v1/; / { a = <1>; n { b = \"x\"; }; };");
        // dtc 1.6.1 writes version 17; downgrade the header the way a v16 writer would (no size_dt_struct)
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(20, 16);
        bb.putInt(24, 16);
        bb.putInt(36, 0);
        Fdt f = Fdt.parse(b);
        assertEquals(16, f.version());
        assertEquals("x\0", new String(f.root().child("n").prop("b").value(), StandardCharsets.US_ASCII));
    }

    @Test
    void rejectsBadMagic() throws Exception {
        byte[] b = DtcTestSupport.dtb("/dts-v1/; / { };");
        b[0] = 0;
        FdtException e = assertThrows(FdtException.class, () -> Fdt.parse(b));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    }

    @Test
    void rejectsShortAndNull() {
        assertTrue(assertThrows(FdtException.class, () -> Fdt.parse(new byte[10])).getMessage().contains("truncated header"));
        assertThrows(FdtException.class, () -> Fdt.parse(null));
    }

    @Test
    void rejectsTruncation() throws Exception {
        byte[] b = DtcTestSupport.dtb(SAMPLE);
        FdtException e = assertThrows(FdtException.class, () -> Fdt.parse(Arrays.copyOf(b, b.length / 2)));
        assertTrue(e.getMessage().contains("truncated blob"), e.getMessage());
    }

    @Test
    void hugeDeclaredSizesDoNotAllocate() throws Exception {
        byte[] b = DtcTestSupport.dtb(SAMPLE);
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(4, 0x7fffffff);
        assertThrows(FdtException.class, () -> Fdt.parse(b));
        byte[] c = DtcTestSupport.dtb(SAMPLE);
        ByteBuffer cb = ByteBuffer.wrap(c);
        cb.putInt(36, 0xfffffff0); // size_dt_struct
        assertTrue(assertThrows(FdtException.class, () -> Fdt.parse(c)).getMessage().contains("structure block"));
        // a property claiming 2 GB of value
        byte[] d = DtcTestSupport.dtb(SAMPLE);
        ByteBuffer db = ByteBuffer.wrap(d);
        int off = db.getInt(8);
        int propAt = -1;
        for (int p = off; p < d.length - 4; p += 4) {
            if (db.getInt(p) == 3) {
                propAt = p;
                break;
            }
        }
        db.putInt(propAt + 4, 0x7ffffff0);
        FdtException e = assertThrows(FdtException.class, () -> Fdt.parse(d));
        assertTrue(e.getMessage().contains("runs past the structure block"), e.getMessage());
        // and a name offset beyond the strings block
        byte[] g = DtcTestSupport.dtb(SAMPLE);
        ByteBuffer.wrap(g).putInt(propAt + 8, 0x10000);
        assertTrue(assertThrows(FdtException.class, () -> Fdt.parse(g)).getMessage().contains("strings block"));
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        int depth = Fdt.MAX_DEPTH + 10;
        int structSize = depth * 8 * 2 + 4;
        int total = 40 + 16 + structSize;
        ByteBuffer bb = ByteBuffer.allocate(total);
        bb.putInt(Fdt.MAGIC).putInt(total).putInt(56).putInt(total).putInt(40).putInt(17).putInt(16).putInt(0)
                .putInt(0).putInt(structSize);
        bb.putLong(0).putLong(0);
        for (int i = 0; i < depth; i++) {
            bb.putInt(1).putInt(0x61000000); // "a\0\0\0"
        }
        FdtException e = assertThrows(FdtException.class, () -> Fdt.parse(bb.array()));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    @Test
    void rejectsStructuralNonsense() {
        // root closed twice, unknown token, FDT_END with open node
        assertStructFails(new int[] {2, 9}, "without an open node");
        assertStructFails(new int[] {1, 0, 7, 2, 9}, "unknown token");
        assertStructFails(new int[] {1, 0, 9}, "still open");
        assertStructFails(new int[] {9}, "no root node");
        assertStructFails(new int[] {1, 0, 2, 1, 0, 2, 9}, "after the root node closed");
        assertStructFails(new int[] {3, 0, 0, 9}, "outside any node");
        assertStructFails(new int[] {1, 0, 2}, "without FDT_END");
    }

    private static void assertStructFails(int[] words, String expected) {
        int structSize = words.length * 4;
        int total = 40 + 16 + structSize + 4;
        ByteBuffer bb = ByteBuffer.allocate(total);
        bb.putInt(Fdt.MAGIC).putInt(total).putInt(56).putInt(56 + structSize).putInt(40).putInt(17).putInt(16)
                .putInt(0).putInt(4).putInt(structSize);
        bb.putLong(0).putLong(0);
        for (int w : words) {
            bb.putInt(w);
        }
        bb.put("x\0\0\0".getBytes(StandardCharsets.US_ASCII));
        FdtException e = assertThrows(FdtException.class, () -> Fdt.parse(bb.array()));
        assertTrue(e.getMessage().contains(expected), e.getMessage() + " (wanted: " + expected + ")");
    }

    @Test
    void everyPrefixAndRandomCorruptionFailsCleanly() throws Exception {
        byte[] good = DtcTestSupport.dtb(SAMPLE);
        for (int n = 0; n < good.length; n++) {
            byte[] b = Arrays.copyOf(good, n);
            assertThrows(FdtException.class, () -> Fdt.parse(b), "prefix of " + n + " bytes");
        }
        Random rnd = new Random(42);
        for (int i = 0; i < 20000; i++) {
            byte[] b = good.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int k = 0; k < flips; k++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            try {
                Fdt.parse(b);
            } catch (FdtException e) {
                assertNotNull(e.getMessage());
            } catch (RuntimeException e) {
                fail("corruption " + i + " escaped as " + e, e);
            }
        }
    }
}
