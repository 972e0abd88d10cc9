package dtdma.robust;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every input under fixtures/fuzz/ (minimised fuzzing failures and the review's cases) passes the fuzz oracle. */
class FuzzRegressionTest {
    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> everyKeptInputPasses() throws Exception {
        Path dir = Kernel.repo().resolve("fixtures/fuzz");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().matches(".*\\.dtsi?$")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "fixtures/fuzz has " + files.size() + " inputs");
        Fuzzer fz = new Fuzzer(work, FuzzTest.includeDirs());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            assertNull(fz.run("input.dts", text, 1), p.toString());
        }));
    }
}
