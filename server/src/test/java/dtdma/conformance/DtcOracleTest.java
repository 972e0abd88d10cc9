package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.fdt.Fdt;
import dtdma.fdt.FdtNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtcOracleTest {
    @TempDir
    Path tmp;
    Path kernel;
    Path cache;
    Path board;

    @BeforeEach
    void fakeKernel() throws Exception {
        kernel = tmp.resolve("kernel");
        cache = tmp.resolve("cache");
        Path bindings = kernel.resolve("scripts/dtc/include-prefixes/dt-bindings/acme");
        Files.createDirectories(bindings);
        Files.writeString(bindings.resolve("dma.h"), "#define ACME_DMA_RX 7\n");
        Path dir = kernel.resolve("arch/arm64/boot/dts/acme");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("soc.dtsi"), """
                / { soc { dma: dma@1000 { #dma-cells = <1>; }; }; };
                """);
        Files.writeString(dir.resolve("extra.dtsi"), "/ { extra = <1>; };\n");
        board = dir.resolve("board.dts");
        Files.writeString(board, """
                // a comment cpp removes
                /dts-v1/;
                #include <dt-bindings/acme/dma.h>
                #include "soc.dtsi"
                /include/ "extra.dtsi"
                / {
                    #address-cells = <1>;
                    linux,code = <1>;
                    uart { dmas = <&dma ACME_DMA_RX>; };
                };
                """);
    }

    private DtcOracle oracle() {
        return DtcTestSupport.oracle(kernel, cache);
    }

    @Test
    void compilesWithTheKernelsFlagsAndCaches() throws Exception {
        DtcOracle o = oracle();
        assertTrue(o.dtcVersion().contains("DTC"), o.dtcVersion());
        OracleResult r = o.compile(board);
        assertTrue(r.ok(), r.stderr());
        assertEquals("dtc", r.stage());
        assertFalse(r.fromCache());
        FdtNode root = Fdt.parse(r.dtb()).root();
        // -undef keeps "linux" from turning into 1; the macro from dt-bindings expanded
        assertNotNull(root.prop("linux,code"));
        assertEquals(7, root.resolve("/uart").prop("dmas").cellAt(4));
        assertNotNull(root.prop("extra"));

        OracleResult again = o.compile(board);
        assertTrue(again.fromCache());
        assertTrue(again.ok());
        assertEquals(r.dtb().length, again.dtb().length);

        // an edit to a header cpp reads changes the key
        Files.writeString(kernel.resolve("scripts/dtc/include-prefixes/dt-bindings/acme/dma.h"), "#define ACME_DMA_RX 8\n");
        OracleResult edited = o.compile(board);
        assertFalse(edited.fromCache());
        assertEquals(8, Fdt.parse(edited.dtb()).root().resolve("/uart").prop("dmas").cellAt(4));

        // and so does an edit to a file only dtc's /include/ reads
        Files.writeString(board.resolveSibling("extra.dtsi"), "/ { extra = <2>; };\n");
        OracleResult edited2 = o.compile(board);
        assertFalse(edited2.fromCache());
        assertEquals(2, Fdt.parse(edited2.dtb()).root().prop("extra").cellAt(0));
    }

    @Test
    void dtcRejection() throws Exception {
        Files.writeString(board, "/dts-v1/;\n/ { uart { dmas = <&nowhere 1>; }; };\n");
        OracleResult r = oracle().compile(board);
        assertFalse(r.ok());
        assertNotEquals(0, r.exitCode());
        assertNull(r.dtb());
        assertEquals("dtc", r.stage());
        assertTrue(r.stderr().contains("nowhere"), r.stderr());
        // rejections are cached too
        assertTrue(oracle().compile(board).fromCache());
    }

    @Test
    void cppRejection() throws Exception {
        Files.writeString(board, "/dts-v1/;\n#include \"missing.dtsi\"\n/ { };\n");
        OracleResult r = oracle().compile(board);
        assertFalse(r.ok());
        assertEquals("cpp", r.stage());
        assertTrue(r.stderr().contains("missing.dtsi"), r.stderr());
    }

    @Test
    void withoutCache() throws Exception {
        DtcOracle o = new DtcOracle(kernel, null, "cpp", "dtc", Duration.ofSeconds(30));
        assertFalse(o.compile(board).fromCache());
        assertFalse(o.compile(board).fromCache());
        assertFalse(Files.exists(cache));
    }

    @Test
    void missingToolsAreNamed() {
        OracleUnavailableException e = assertThrows(OracleUnavailableException.class,
                () -> new DtcOracle(kernel, cache, "cpp", "dtc-that-does-not-exist", Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("dtc not found"), e.getMessage());
        assertTrue(e.getMessage().contains("device-tree-compiler"), e.getMessage());
        OracleUnavailableException e2 = assertThrows(OracleUnavailableException.class,
                () -> new DtcOracle(kernel, cache, "/nonexistent/cpp", "dtc", Duration.ofSeconds(5)));
        assertTrue(e2.getMessage().contains("cpp not found"), e2.getMessage());
    }

    @Test
    void realKernelBoard() throws Exception {
        Path k = KernelCorpus.path();
        Assumptions.assumeTrue(k != null, KernelCorpus.SKIP_MESSAGE);
        Path b = k.resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");
        DtcOracle o = DtcTestSupport.oracle(k, tmp.resolve("real-cache"));
        OracleResult r = o.compile(b);
        assertTrue(r.ok(), r.stderr());
        FdtNode root = Fdt.parse(r.dtb()).root();
        assertTrue(new String(root.prop("compatible").value()).contains("fsl,imx8mp-evk"));
        assertNotNull(root.resolve("/soc@0"));
    }
}
