package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The severity policy of docs/diagnostics.md, finding by finding, on small boards. */
class SeverityPolicyTest {
    @TempDir
    Path dir;

    private static final String SOC = """
            /dts-v1/;
            / {
                #address-cells = <1>;
                #size-cells = <1>;
                chosen { stdout-path = "serial0:115200n8"; };
                aliases { serial0 = &uart1; };
                sdma1: dma-controller@30bd0000 {
                    compatible = "fsl,imx8mq-sdma";
                    reg = <0x30bd0000 0x10000>;
                    #dma-cells = <3>;
                    fsl,sdma-ram-script-name = "imx/sdma/sdma-imx7d.bin";
                };
                %s
            };
            """;

    private List<Diagnostic> diags(String nodes, Code code) throws IOException {
        Path f = dir.resolve("board.dts");
        Files.writeString(f, SOC.formatted(nodes));
        return new Boards(List.of(), false).load(f).diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private Diagnostic one(String nodes, Code code) throws IOException {
        List<Diagnostic> ds = diags(nodes, code);
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void dmasWithoutNamesIsAnErrorOnlyWithoutAFallback() throws IOException {
        // gpmi-nand: acquire_dma_channels fails the probe (gpmi-nand.c:1238)
        Diagnostic nand = one("nand@1000 { compatible = \"fsl,imx7d-gpmi-nand\"; reg = <0x1000 0x10>;"
                + " dmas = <&sdma1 0 4 0>; };", Code.DT002);
        assertEquals(Severity.ERROR, nand.severity());
        assertTrue(nand.message().contains("the gpmi-nand probe fails"), nand.message());
        // imx-uart falls back to PIO: a warning that says so
        Diagnostic uart = one("serial@2000 { compatible = \"fsl,imx6q-uart\"; reg = <0x2000 0x10>;"
                + " dmas = <&sdma1 0 4 0>; };", Code.DT002);
        assertEquals(Severity.WARNING, uart.severity());
        assertTrue(uart.message().contains("the imx-uart driver falls back to PIO"), uart.message());
        // an unknown driver: a warning about the binding
        Diagnostic unknown = one("foo@3000 { compatible = \"acme,foo\"; reg = <0x3000 0x10>;"
                + " dmas = <&sdma1 0 4 0>; };", Code.DT002);
        assertEquals(Severity.WARNING, unknown.severity());
        assertTrue(unknown.message().contains("does not know this node's driver"), unknown.message());
        // a driver that never requests DMA: latent
        Diagnostic tcon = one("tcon@4000 { compatible = \"allwinner,sun4i-a10-tcon\"; reg = <0x4000 0x10>;"
                + " dmas = <&sdma1 0 4 0>; };", Code.DT002);
        assertEquals(Severity.WARNING, tcon.severity());
        assertTrue(tcon.message().contains("latent: the sun4i-tcon driver never requests DMA"), tcon.message());
    }

    @Test
    void findingsOnDisabledNodesAreHints() throws IOException {
        Diagnostic own = one("nand@1000 { compatible = \"fsl,imx7d-gpmi-nand\"; reg = <0x1000 0x10>;"
                + " dmas = <&sdma1 0 4 0>; status = \"disabled\"; };", Code.DT002);
        assertEquals(Severity.HINT, own.severity());
        assertTrue(own.message().contains("latent: the node has status \"disabled\""), own.message());
        // disabled by an ancestor: no device is created for the child either
        Diagnostic child = one("bus@5000 { compatible = \"simple-bus\"; reg = <0x5000 0x1000>; status = \"disabled\";"
                + " #address-cells = <1>; #size-cells = <1>; ranges;"
                + " nand@5000 { compatible = \"fsl,imx7d-gpmi-nand\"; reg = <0x5000 0x10>; dmas = <&sdma1 0 4 0>; }; };",
                Code.DT002);
        assertEquals(Severity.HINT, child.severity());
        assertTrue(child.message().contains("/bus@5000 has status \"disabled\""), child.message());
        // SD003 (a value wrong whatever the status) on a disabled node: a hint too
        Diagnostic sd = one("spi@6000 { compatible = \"fsl,imx51-ecspi\"; reg = <0x6000 0x10>; status = \"disabled\";"
                + " dmas = <&sdma1 0 17 0>, <&sdma1 1 7 0>; dma-names = \"rx\", \"tx\"; };", Code.SD003);
        assertEquals(Severity.HINT, sd.severity());
    }

    @Test
    void aChannelTheDriverNeverRequestsIsALatentWarning() throws IOException {
        // spi-imx requests only "tx" and "rx"; an unsupported type on an extra channel is latent
        Diagnostic extra = one("spi@6000 { compatible = \"fsl,imx51-ecspi\"; reg = <0x6000 0x10>;"
                + " dmas = <&sdma1 0 7 1>, <&sdma1 1 7 2>, <&sdma1 2 17 0>; dma-names = \"rx\", \"tx\", \"aux\"; };",
                Code.SD003);
        assertEquals(Severity.WARNING, extra.severity());
        assertTrue(extra.message().contains("latent: the spi-imx driver never requests \"aux\""), extra.message());
        // the console port of imx-uart gets no DMA (imx_uart_startup): latent too
        Diagnostic console = one("uart1: serial@2000 { compatible = \"fsl,imx6q-uart\"; reg = <0x2000 0x10>;"
                + " dmas = <&sdma1 0 17 0>, <&sdma1 1 4 0>; dma-names = \"rx\", \"tx\"; };", Code.SD003);
        assertEquals(Severity.WARNING, console.severity());
        assertTrue(console.message().contains("console port"), console.message());
        // the same on a UART that is not the console stays an error
        Diagnostic other = one("uart1: serial@2000 { compatible = \"fsl,imx6q-uart\"; reg = <0x2000 0x10>; };"
                + " serial@2100 { compatible = \"fsl,imx6q-uart\"; reg = <0x2100 0x10>;"
                + " dmas = <&sdma1 0 17 0>, <&sdma1 1 4 0>; dma-names = \"rx\", \"tx\"; };", Code.SD003);
        assertEquals(Severity.ERROR, other.severity());
    }

    @Test
    void cellCountMismatchNamesTheEntry() throws IOException {
        Diagnostic d = one("spi@6000 { compatible = \"fsl,imx51-ecspi\"; reg = <0x6000 0x10>;"
                + " dmas = <&sdma1 0 7 1>, <&sdma1 1 7>, <&sdma1 2 7 1>; dma-names = \"rx\", \"tx\", \"x\"; };",
                Code.DT007);
        assertTrue(d.message().startsWith("entry 2 of 3 (tx) has 2 argument cells, #dma-cells of &sdma1 is 3"),
                d.message());
    }

    @Test
    void requestedNameMissingSkipsOptionalNamesAndTheConsole() throws IOException {
        // a one-direction SAI: the generic dmaengine PCM asks for "rx" too, and that is normal
        assertEquals(List.of(), diags("sai@7000 { compatible = \"fsl,imx8mq-sai\"; reg = <0x7000 0x10>;"
                + " dmas = <&sdma1 8 24 0>; dma-names = \"tx\"; };", Code.DT009));
        Diagnostic spi = one("spi@6000 { compatible = \"fsl,imx51-ecspi\"; reg = <0x6000 0x10>;"
                + " dmas = <&sdma1 0 7 1>; dma-names = \"rx\"; };", Code.DT009);
        assertTrue(spi.message().contains("requests \"tx\" at probe") && spi.message().contains("falls back to PIO"),
                spi.message());
    }
}
