package dtdma.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzing run: {@code -Ddtdma.fuzz.seconds} (60 by default) of generated and mutated inputs through
 * {@link Fuzzer}, seeded from examples/, fixtures/ and (when unpacked) i.MX boards of the kernel tree.
 * {@code -Ddtdma.fuzz.seed} repeats a run; under CI the seed is fixed ({@link #ciSeed()}). A failing input is minimised and written to
 * {@code server/target/fuzz-failures/}; with {@code -Ddtdma.fuzz.save=true} also to {@code fixtures/fuzz/},
 * where {@link FuzzRegressionTest} keeps it as a regression test. See docs/robustness.md.
 */
class FuzzTest {
    @TempDir
    Path work;

    static List<Path> seedFiles() throws Exception {
        List<Path> out = new ArrayList<>();
        Path repo = Kernel.repo();
        for (String d : List.of("examples", "fixtures/checks", "fixtures/fuzz")) {
            Path dir = repo.resolve(d);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(p -> p.toString().matches(".*\\.(dts|dtsi|dtso)$")).sorted().forEach(out::add);
                }
            }
        }
        Path k = Kernel.path().resolve("arch/arm/boot/dts");
        if (Files.isDirectory(k)) {
            try (Stream<Path> s = Files.list(k)) {
                s.filter(p -> p.getFileName().toString().matches("imx6(q|ul|sx)-.*\\.dtsi?")).sorted().limit(40).forEach(out::add);
            }
        }
        return out;
    }

    static List<Path> includeDirs() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Kernel.repo().resolve("examples/include"));
        dirs.add(Kernel.repo().resolve("examples/imx-demo"));
        Path k = Kernel.path();
        if (Files.isDirectory(k.resolve("include"))) {
            dirs.add(k.resolve("arch/arm/boot/dts"));
            dirs.add(k.resolve("include"));
        }
        return dirs;
    }

    /** The seed CI uses, so that whether a submission lands does not depend on chance. */
    static final long CI_SEED = 20261201L;

    /**
     * Under CI ({@code CI=true}) a fixed seed: the run replays the same inputs (as many as fit in the time), so a
     * submission's result does not depend on chance. Elsewhere a new seed each run, so that developers' runs keep
     * finding new failures; the seed is printed, and {@code -Ddtdma.fuzz.seed} repeats it.
     */
    static long ciSeed() {
        return "true".equals(System.getenv("CI")) ? CI_SEED : System.nanoTime();
    }

    @Test
    void fuzzThePipeline() throws Exception {
        int seconds = Integer.getInteger("dtdma.fuzz.seconds", 60);
        long seed = Long.getLong("dtdma.fuzz.seed", ciSeed());
        boolean save = Boolean.getBoolean("dtdma.fuzz.save");
        Random rnd = new Random(seed);
        List<String> seeds = new ArrayList<>();
        for (Path p : seedFiles()) {
            seeds.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        assertTrue(seeds.size() > 10, "seeds: " + seeds.size());
        Fuzzer fz = new Fuzzer(work, includeDirs());
        long end = System.currentTimeMillis() + seconds * 1000L;
        int tried = 0;
        int generated = 0;
        List<String> failures = new ArrayList<>();
        Path out = Kernel.repo().resolve("server/target/fuzz-failures");
        try {
            while (System.currentTimeMillis() < end && fz.usable()) {
                long s = rnd.nextLong();
                Random r = new Random(s);
                String input;
                if (r.nextInt(3) == 0) {
                    input = Fuzzer.generate(r);
                    generated++;
                } else {
                    String base = seeds.get(r.nextInt(seeds.size()));
                    input = Fuzzer.mutate(r.nextInt(4) == 0 ? Fuzzer.generate(r) : base, seeds, r);
                }
                tried++;
                Fuzzer.Failure f = fz.run("input.dts", input, s);
                if (f == null && tried % 50 == 0) {
                    f = Fuzzer.heapCheck();
                }
                if (f != null) {
                    String min = f.kind().equals("timeout") || f.kind().equals("heap") ? input
                            : fz.minimise(input, f.kind(), s, 30_000);
                    String name = f.kind() + "-" + Integer.toHexString(min.hashCode()) + ".dts";
                    Files.createDirectories(out);
                    Files.writeString(out.resolve(name), min);
                    if (save) {
                        Files.writeString(Kernel.repo().resolve("fixtures/fuzz").resolve(name), min);
                    }
                    failures.add(name + ": " + f.kind() + " " + f.detail() + " (seed " + s + ")");
                }
            }
        } finally {
            fz.close();
        }
        System.out.printf("fuzz: seed %d, %d s, %d inputs tried (%d generated, %d mutated), %d failures%n", seed, seconds,
                tried, generated, tried - generated, failures.size());
        assertTrue(tried > 0, "no input was tried");
        assertTrue(failures.isEmpty(), "fuzzing found failures (inputs in " + out + "):\n" + String.join("\n", failures));
    }
}
