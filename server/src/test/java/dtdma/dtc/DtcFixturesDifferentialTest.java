package dtdma.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.conformance.DtcWarningsDiff;
import dtdma.testing.Kernel;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixtures of dtc's checks against dtc itself: most checks never fire on the kernel's boards, so each
 * fixture (those with a {@code // dtc-warnings:} line) is compiled by {@code dtc} with every check on, and its
 * warnings, as (check, node path, property), must be exactly dtdma's findings at level {@code all}.
 */
class DtcFixturesDifferentialTest {
    @TestFactory
    Stream<DynamicTest> everyDtcFixtureAgreesWithDtc() throws IOException {
        Assumptions.assumeTrue(dtcRuns(), "dtc not installed (Debian package device-tree-compiler)");
        Path dir = Kernel.repo().resolve("fixtures/checks");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.toString().endsWith(".dts") && Files.readString(p).contains("// dtc-warnings:")) {
                    files.add(p);
                }
            }
        }
        assertTrue(files.size() >= DtcChecks.all().size(), "one fixture per check of dtc, found " + files.size());
        Boards boards = new Boards(List.of(), false, null, DtcWarnings.ALL);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Set<DtcWarningsDiff.Finding> dtc = DtcWarningsDiff.parseDtc(dtc(f));
            BoardResult r = boards.load(f);
            assertEquals(dtc.toString(), DtcWarningsDiff.mine(r.diagnostics()).toString(), "dtc vs dtdma on " + f);
        }));
    }

    private static boolean dtcRuns() {
        try {
            Process p = new ProcessBuilder("dtc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String dtc(Path f) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("dtc", "-I", "dts", "-O", "dtb", "-o", "/dev/null"));
        cmd.addAll(DtcWarningsDiff.allWarningArgs());
        cmd.add(f.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "dtc hangs on " + f);
        assertEquals(0, p.exitValue(), "dtc rejects " + f + ":\n" + out);
        return out;
    }
}
