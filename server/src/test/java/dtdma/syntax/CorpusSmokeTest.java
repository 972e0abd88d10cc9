package dtdma.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every arm/arm64 board of a real kernel tree through GCC's cpp (as the kernel build does) and then
 * through {@link SyntaxParser#parseText}: no board may produce a syntax error. Skipped when the kernel
 * tree ({@code ~/.cache/dtdma/linux-source-6.1}) or cpp is missing. cpp output is cached under target/.
 */
class CorpusSmokeTest {
    private static final Path KERNEL = dtdma.testing.Kernel.path();
    private static final Pattern MARKER = Pattern.compile("(?m)^#(?: \\d+| ?line \\d+) \"[^\n]*$");

    @Test
    void everyArmBoardParsesWithoutSyntaxErrors() throws Exception {
        assumeTrue(Files.isDirectory(KERNEL.resolve("arch/arm64/boot/dts")), "no kernel tree at " + KERNEL);
        assumeTrue(cppAvailable(), "cpp not installed");
        List<Path> boards = new ArrayList<>();
        for (String dir : List.of("arch/arm/boot/dts", "arch/arm64/boot/dts")) {
            try (Stream<Path> s = Files.walk(KERNEL.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".dts")).sorted().forEach(boards::add);
            }
        }
        Path cache = Path.of("target/cpp-cache");
        SyntaxParser parser = new SyntaxParser();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> cppFailures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Path board : boards) {
            jobs.add(pool.submit(() -> {
                String text = preprocess(board, cache);
                if (text == null) {
                    cppFailures.add(KERNEL.relativize(board).toString());
                    return null;
                }
                ParseResult r = parser.parseText(new SourceFile(0, board, text));
                List<Diagnostic> errs = r.diagnostics().stream().filter(d -> d.code() == Code.DTS001 || d.code() == Code.DTS003 || d.code() == Code.DTS005
                        || d.code() == Code.DTS004 && !text.contains("/include/")).collect(Collectors.toList());
                if (!errs.isEmpty()) {
                    Diagnostic d = errs.get(0);
                    var loc = new SourceFile(0, board, text).lines().location(d.span().start());
                    failures.add(KERNEL.relativize(board) + ":" + loc.line1() + ":" + loc.column1() + " " + d.code() + " "
                            + d.message());
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        int parsed = boards.size() - cppFailures.size();
        System.err.printf("corpus: %d passed, %d failed (%d boards, %d skipped because cpp failed) in %.1f s%n",
                parsed - failures.size(), failures.size(), boards.size(), cppFailures.size(), (System.nanoTime() - t0) / 1e9);
        Collections.sort(failures);
        failures.stream().limit(20).forEach(f -> System.err.println("  " + f));
        cppFailures.stream().limit(5).forEach(f -> System.err.println("  cpp failed: " + f));
        assertEquals(List.of(), failures.subList(0, Math.min(20, failures.size())));
        speed(parser, cache);
    }

    /** Reports the warm parse time of the imx8mp-evk board (the brief's speed target: well under 30 ms). */
    private static void speed(SyntaxParser parser, Path cache) throws Exception {
        Path board = KERNEL.resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");
        if (!Files.exists(board)) {
            return;
        }
        String text = preprocess(board, cache);
        if (text == null) {
            return;
        }
        SourceFile f = new SourceFile(0, board, text);
        for (int i = 0; i < 30; i++) {
            parser.parseText(f);
        }
        long[] t = new long[30];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            parser.parseText(f);
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.err.printf("imx8mp-evk: %d lines, warm parse median %.2f ms, min %.2f ms%n", f.lines().lineCount(),
                t[t.length / 2] / 1e6, t[0] / 1e6);
    }

    private static boolean cppAvailable() {
        try {
            Process p = new ProcessBuilder("cpp", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** cpp output with line markers blanked (kept as empty lines), cached; null when cpp fails. */
    private static String preprocess(Path board, Path cache) throws IOException, InterruptedException {
        Path out = cache.resolve(KERNEL.relativize(board) + ".pp");
        if (Files.exists(out)) {
            return Files.readString(out, StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder("cpp", "-nostdinc", "-I", KERNEL.resolve("scripts/dtc/include-prefixes").toString(),
                "-undef", "-D__DTS__", "-x", "assembler-with-cpp", board.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            return null;
        }
        String text = MARKER.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
        return text;
    }
}
