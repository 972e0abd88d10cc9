package dtdma.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Severity;
import dtdma.testing.Kernel;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The canonical DTS that {@code dtdma dump} prints compiles, with the real dtc, to exactly the blob that
 * {@code cpp | dtc} makes from the original sources.
 */
class DtsWriterTest {
    private static byte[] dtc(Path dts, Path includeDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("dtdma", ".dtb");
        try {
            List<String> cmd = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString()));
            if (includeDir != null) {
                cmd.addAll(List.of("-i", includeDir.toString()));
            }
            cmd.add(dts.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dtc hung");
            assertEquals(0, p.exitValue(), "dtc failed on " + dts + ":\n" + log);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static byte[] cppDtc(Path board, List<Path> includes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("cpp", "-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp"));
        for (Path i : includes) {
            cmd.add("-I");
            cmd.add(i.toString());
        }
        cmd.add(board.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] text = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "cpp failed on " + board);
        Path tmp = Files.createTempFile("dtdma", ".dts");
        try {
            Files.write(tmp, text);
            return dtc(tmp, board.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void roundTrip(Path board, List<Path> includes) throws IOException, InterruptedException {
        Boards boards = new Boards(includes, true);
        BoardResult r = boards.load(board);
        assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList());
        Path dumped = Files.createTempFile("dtdma-dump", ".dts");
        try {
            Files.writeString(dumped, DtsWriter.write(r.tree()));
            assertArrayEquals(cppDtc(board, includes), dtc(dumped, null), "dump of " + board + " differs");
        } finally {
            Files.deleteIfExists(dumped);
        }
    }

    private static void assumeDtc() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dtc")), "dtc not installed; scripts/setup-corpus.sh installs it");
    }

    @Test
    void exampleBoardDumpCompilesToTheSameBlob() throws Exception {
        assumeDtc();
        Path ex = Kernel.repo().resolve("examples");
        roundTrip(ex.resolve("imx-demo/demo-board.dts"), List.of(ex.resolve("include")));
    }

    @Test
    void kernelBoardsDumpCompilesToTheSameBlob() throws Exception {
        assumeDtc();
        Path k = Kernel.tree();
        Path inc = k.resolve("scripts/dtc/include-prefixes");
        for (String b : List.of("arch/arm64/boot/dts/freescale/imx8mp-evk.dts", "arch/arm/boot/dts/imx6q-sabresd.dts",
                "arch/arm64/boot/dts/freescale/imx8mm-venice-gw73xx-0x-rs232-rts.dts")) {
            Path board = k.resolve(b);
            if (Files.exists(board)) {
                roundTrip(board, List.of(inc));
            }
        }
    }
}
