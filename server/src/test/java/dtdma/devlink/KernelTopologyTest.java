package dtdma.devlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.cli.Main;
import dtdma.testing.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code dtdma topology} completes in every mode on two Debian 6.1 kernel boards (skipped without the tree). */
class KernelTopologyTest {
    @Test
    void everyModeOnKernelBoards() {
        Path k = Kernel.tree();
        String[] boards = {"arch/arm64/boot/dts/freescale/imx8mp-evk.dts", "arch/arm/boot/dts/imx6q-sabresd.dts"};
        String[] modes = {"none", "felsch-v1", "felsch-v2", "frank-sketch", "frank-legal", "custom", "fw_devlink-strict"};
        for (String b : boards) {
            for (String m : modes) {
                for (String fmt : new String[] {"text", "json", "dot", "mermaid"}) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int rc = Main.run(new String[] {"topology", k.resolve(b).toString(), "--mode", m,
                        "--fw-devlink-strict", "--format", fmt}, new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));
                    assertEquals(0, rc, b + " " + m + " " + fmt + ": " + err);
                    assertTrue(out.size() > 0, b + " " + m);
                }
            }
        }
    }
}
