package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The counting tool behind the before/after numbers, on two kernel boards with known findings. */
class FindingCountsTest {
    @Test
    void countsPerCodeAndSeverity() throws Exception {
        Path k = Kernel.tree();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FindingCounts.report(k, "arch/arm/boot/dts/{imx6sll-evk,imx31-lite}.dts", new String[] {"DT0", "SD0"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("boards: 2\n"), out);
        // i.MX6SLL UART3's 'dma-name' typo on a disabled node: a hint; i.MX31 NAND type 17: latent (mxc_nand)
        assertTrue(out.contains("DT002   error 0 warning 0 info 0 hint 1\n"), out);
        assertTrue(out.contains("SD003   error 0 warning 1 info 0 hint 0\n"), out);
        assertTrue(out.contains("i.MX error-level findings: 0\n"), out);
    }
}
