package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.dma.DmaConsumer;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hover and the dma map print cells in the base they were written in and name SDMA types as the kernel does. */
class CellTextTest {
    @TempDir
    Path dir;

    @Test
    void hexStaysHexAndTypesCarryTheirKernelNames() throws IOException {
        Path f = dir.resolve("b.dts");
        Files.writeString(f, """
                /dts-v1/;
                #define SAI_TYPE 25
                / {
                    chosen { stdout-path = &uart2; };
                    sdma: dma-controller@30bd0000 {
                        compatible = "fsl,imx8mq-sdma";
                        reg = <0x30bd0000 0x10000>;
                        #dma-cells = <3>;
                    };
                    micfil@30080000 {
                        compatible = "fsl,imx8mp-micfil";
                        reg = <0x30080000 0x10000>;
                        dmas = <&sdma 24 SAI_TYPE 0x80000000>;
                        dma-names = "rx";
                    };
                    uart2: serial@30890000 {
                        compatible = "fsl,imx8mq-uart", "fsl,imx6q-uart";
                        reg = <0x30890000 0x10000>;
                        dmas = <&sdma 0x16 4 0>, <&sdma 23 4 0>;
                        dma-names = "rx", "tx";
                    };
                };
                """);
        Analysis a = new Boards(List.of(), false).analyse(f, () -> false);
        DmaConsumer micfil = a.dma().consumers().get(0);
        assertEquals("24 25 0x80000000", CellText.args(a, micfil, micfil.specifiers().get(0)));
        String md = HoverFeature.specifier(a, micfil, micfil.specifiers().get(0));
        assertTrue(md.contains("cells: `<24 25 0x80000000>`"), md);
        assertTrue(md.contains("`IMX_DMATYPE_MULTI_SAI (25)` Multi SAI"), md);
        assertTrue(md.contains("priority: 0x80000000"), md);
        assertTrue(md.contains("`fsl-micfil` requests it at probe"), md);
        DmaConsumer uart = a.dma().consumers().get(1);
        assertEquals("0x16 4 0", CellText.args(a, uart, uart.specifiers().get(0)));
        String u = HoverFeature.specifier(a, uart, uart.specifiers().get(0));
        assertTrue(u.contains("this is the console port"), u);
        assertTrue(u.contains("predicted channel: none held after boot"), u);
    }
}
