package dtdma.robust;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dtdma} in a child JVM, as a user would, with a heap limit ({@code -Xmx}) and a wall-clock
 * ceiling: a case that takes longer fails the test instead of hanging it.
 */
final class Cli {
    record Result(int exit, String out, String err, double seconds) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(Path work, String xmx, int ceilingSeconds, String... args) throws Exception {
        return run(work, xmx, List.of(), ceilingSeconds, args);
    }

    static Result run(Path work, String xmx, List<String> jvmArgs, int ceilingSeconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dtdma.cli.Main");
        cmd.addAll(List.of(args));
        File out = Files.createTempFile(work, "out", ".txt").toFile();
        File err = Files.createTempFile(work, "err", ".txt").toFile();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(ceilingSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("dtdma " + String.join(" ", args) + " did not finish within " + ceilingSeconds + " s");
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), s);
    }
}
