package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd and hostile DMA bindings each get a clear diagnostic (or a clean decode), never an exception. */
class DmaBadInputTest {
    @TempDir
    Path dir;

    private static final String SOC = """
            /dts-v1/;
            #define EV(x) ((x) + 20)
            / {
                #address-cells = <1>;
                #size-cells = <1>;
                sdma1: dma-controller@30bd0000 {
                    compatible = "fsl,imx8mp-sdma", "fsl,imx8mq-sdma";
                    reg = <0x30bd0000 0x10000>;
                    #dma-cells = <3>;
                    fsl,sdma-ram-script-name = "imx/sdma/sdma-imx7d.bin";
                };
                consumer@1000 {
                    reg = <0x1000 0x100>;
                    %s
                };
            };
            """;

    private Set<String> codes(String consumerBody) throws IOException {
        Path f = dir.resolve("board.dts");
        Files.writeString(f, SOC.formatted(consumerBody));
        BoardResult r = new Boards(List.of(), false).load(f);
        Set<String> out = new TreeSet<>();
        for (Diagnostic d : r.diagnostics()) {
            out.add(d.code().id());
        }
        return out;
    }

    @Test
    void negativeAndHugeCellsAreOutOfRange() throws IOException {
        assertEquals(Set.of("SD002"), codes("dmas = <&sdma1 (-1) 4 0>; dma-names = \"rx\";"));
        assertEquals(Set.of("SD002", "SD003", "SD006"),
                codes("dmas = <&sdma1 0xffffffff 0xffffffff 0xffffffff>; dma-names = \"rx\";"));
    }

    @Test
    void expressionsAndMacrosInCellsDecode() throws IOException {
        assertEquals(Set.of(), codes("dmas = <&sdma1 (20 + 2) (2 * 2) 0>, <&sdma1 EV(3) 4 (1 - 1)>; dma-names = \"rx\", \"tx\";"));
    }

    @Test
    void stringsBytesAndOtherSizesAreNotSpecifiers() throws IOException {
        assertEquals(Set.of("DT007"), codes("dmas = \"sdma1\"; dma-names = \"rx\";"));
        assertEquals(Set.of("DT007"), codes("dmas = [01 02 03 04]; dma-names = \"rx\";"));
        assertEquals(Set.of("DT007"), codes("dmas = /bits/ 16 <1 2>; dma-names = \"rx\";"));
        assertEquals(Set.of("DT007"), codes("dmas = <&sdma1 1 4 0>, \"x\"; dma-names = \"rx\";"));
    }

    @Test
    void emptyPropertiesAreReported() throws IOException {
        assertEquals(Set.of("DT002"), codes("dmas = <&sdma1 1 4 0>; dma-names;"));
        assertEquals(Set.of("DT003"), codes("dmas; dma-names = \"rx\";"));
        assertEquals(Set.of("DT001"), codes("dma-names = \"rx\";"));
    }

    @Test
    void selfReferencesAndRouterLoopsDoNotThrow() throws IOException {
        Path f = dir.resolve("loop.dts");
        Files.writeString(f, """
                /dts-v1/;
                / {
                    a: dma-router@1 { #dma-cells = <1>; dma-masters = <&b>; dmas = <&a 1>; dma-names = "rx"; };
                    b: dma-router@2 { #dma-cells = <1>; dma-masters = <&a>; dmas = <&b 2 &a>; dma-names = "tx"; };
                };
                """);
        BoardResult r = new Boards(List.of(), false).load(f);
        DmaModel m = DmaModel.of(r.tree());
        assertEquals(2, m.providers().size());
        assertTrue(m.providers().stream().allMatch(DmaProvider::router));
        assertEquals(List.of(Code.DT007), r.diagnostics().stream().map(Diagnostic::code).toList(),
                "b's second entry is truncated; nothing else is wrong");
        // following a -> b -> a stops at the repeat: there is no real controller behind the loop
        assertEquals(List.of(), m.realControllers(m.consumers().get(0).specifiers().get(0)));
    }

    @Test
    void routersResolveThroughToTheirMasters() throws IOException {
        Path f = dir.resolve("router.dts");
        Files.writeString(f, """
                /dts-v1/;
                / {
                    edma: dma-controller@1 { #dma-cells = <1>; };
                    sdma: dma-controller@2 { #dma-cells = <1>; };
                    xbar: dma-router@3 { #dma-cells = <1>; dma-masters = <&edma>; };
                    xbar2: dma-router@4 { #dma-cells = <1>; dma-masters = <&xbar &sdma>; };
                    uart@5 { dmas = <&xbar 10>, <&xbar2 11>; dma-names = "rx", "tx"; };
                };
                """);
        BoardResult r = new Boards(List.of(), false).load(f);
        DmaModel m = DmaModel.of(r.tree());
        DmaConsumer uart = m.consumers().get(0);
        assertEquals(List.of("/dma-controller@1"),
                m.realControllers(uart.specifiers().get(0)).stream().map(n -> n.path()).toList());
        assertEquals(List.of("/dma-controller@1", "/dma-controller@2"),
                m.realControllers(uart.specifiers().get(1)).stream().map(n -> n.path()).toList());
    }
}
