package dtdma.conformance;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.fdt.Fdt;
import dtdma.fdt.FdtException;
import dtdma.workspace.BoardResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Runs dtdma and the dtc oracle over many boards and judges each one.
 *
 * <p>Policy: a board dtc compiles must give a dtdma tree with no front-end ERROR diagnostic (syntax,
 * preprocessor, merged tree; DMA findings go beyond what dtc checks) and no difference from dtc's blob
 * ({@link TreeComparator}); a board dtc (or cpp) rejects must give at least one ERROR diagnostic.
 * With no loader (oracle-only mode) a board passes when dtc compiles it and {@link Fdt} reads the blob.
 */
public final class ConformanceRun {
    /** The dtdma front end under test; normally {@code dtdma.workspace.Boards::load}. */
    @FunctionalInterface
    public interface Loader {
        BoardResult load(Path board, List<Path> includeDirs) throws Exception;
    }

    /** Sees what both tools made of each board (called from the worker threads). */
    @FunctionalInterface
    public interface Observer {
        void board(String board, OracleResult dtc, BoardResult mine);
    }

    /** The verdict on one board; {@code board} is relative to the kernel tree. */
    public record BoardOutcome(String board, boolean passed, String reason, long oracleNanos, long dtdmaNanos,
                               boolean oracleCached) {
    }

    /** All verdicts, in board order, and the wall time. */
    public record Summary(List<BoardOutcome> outcomes, long wallNanos) {
        public long passed() {
            return outcomes.stream().filter(BoardOutcome::passed).count();
        }

        public long failed() {
            return outcomes.size() - passed();
        }

        public List<BoardOutcome> failures() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }

        /** The line CI reads: {@code N passed, N failed}. */
        public String countLine() {
            return passed() + " passed, " + failed() + " failed";
        }

        public double oracleSeconds() {
            return outcomes.stream().mapToLong(BoardOutcome::oracleNanos).sum() / 1e9;
        }

        public double dtdmaSeconds() {
            return outcomes.stream().mapToLong(BoardOutcome::dtdmaNanos).sum() / 1e9;
        }

        public long oracleCacheHits() {
            return outcomes.stream().filter(BoardOutcome::oracleCached).count();
        }
    }

    private ConformanceRun() {
    }

    /**
     * Every {@code .dts} under {@code arch/arm/boot/dts} and {@code arch/arm64/boot/dts} (recursively), sorted,
     * optionally filtered by a glob on the kernel-relative path ({@code arch/arm64/boot/dts/freescale/*.dts}).
     */
    public static List<Path> enumerate(Path kernel, String glob) throws IOException {
        PathMatcher m = glob == null || glob.isBlank() ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> out = new ArrayList<>();
        for (String arch : List.of("arch/arm/boot/dts", "arch/arm64/boot/dts")) {
            Path dir = kernel.resolve(arch);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".dts") && Files.isRegularFile(p))
                        .filter(p -> m == null || m.matches(kernel.relativize(p)))
                        .forEach(out::add);
            }
        }
        out.sort(Comparator.comparing(p -> kernel.relativize(p).toString()));
        return out;
    }

    /** The kernel's preprocessor include directories: {@code scripts/dtc/include-prefixes}. */
    public static List<Path> includeDirs(Path kernel) {
        return List.of(kernel.resolve("scripts/dtc/include-prefixes"));
    }

    /**
     * Judges every board with {@code threads} workers. An {@link UnsupportedOperationException} from the loader
     * is not a verdict: it is rethrown (the front end is not available).
     */
    public static Summary run(Path kernel, List<Path> boards, DtcOracle oracle, Loader loader, int threads) {
        return run(kernel, boards, oracle, loader, threads, null);
    }

    /** As {@link #run(Path, List, DtcOracle, Loader, int)}, showing every board to {@code observer} (may be null). */
    public static Summary run(Path kernel, List<Path> boards, DtcOracle oracle, Loader loader, int threads,
            Observer observer) {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<BoardOutcome>> fs = new ArrayList<>();
            for (Path b : boards) {
                fs.add(pool.submit(() -> check(kernel, b, oracle, loader, observer)));
            }
            List<BoardOutcome> out = new ArrayList<>();
            for (Future<BoardOutcome> f : fs) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnsupportedOperationException u) {
                        throw u;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return new Summary(out, System.nanoTime() - t0);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Judges one board. */
    public static BoardOutcome check(Path kernel, Path board, DtcOracle oracle, Loader loader) {
        return check(kernel, board, oracle, loader, null);
    }

    static BoardOutcome check(Path kernel, Path board, DtcOracle oracle, Loader loader, Observer observer) {
        String rel = kernel.relativize(board).toString();
        long t0 = System.nanoTime();
        OracleResult r;
        try {
            r = oracle.compile(board);
        } catch (IOException e) {
            return new BoardOutcome(rel, false, "oracle failed to run: " + e, System.nanoTime() - t0, 0, false);
        }
        long oracleNanos = System.nanoTime() - t0;
        Fdt fdt = null;
        String blobError = null;
        if (r.ok()) {
            try {
                fdt = Fdt.parse(r.dtb());
            } catch (FdtException e) {
                blobError = "cannot read dtc's blob: " + e.getMessage();
            }
        }
        if (loader == null) {
            String why = !r.ok() ? "dtc rejected the board (" + r.stage() + " exit " + r.exitCode() + "): "
                    + firstLine(r.stderr()) : blobError;
            return new BoardOutcome(rel, why == null, why, oracleNanos, 0, r.fromCache());
        }
        long t1 = System.nanoTime();
        BoardResult mine;
        try {
            mine = loader.load(board, includeDirs(kernel));
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return new BoardOutcome(rel, false, "dtdma threw " + e, oracleNanos, System.nanoTime() - t1, r.fromCache());
        }
        long dtdmaNanos = System.nanoTime() - t1;
        if (observer != null) {
            observer.board(rel, r, mine);
        }
        String why = judge(r, fdt, blobError, mine);
        return new BoardOutcome(rel, why == null, why, oracleNanos, dtdmaNanos, r.fromCache());
    }

    /**
     * Whether a diagnostic is one of the front end's (syntax, preprocessor, merged tree): the findings dtc
     * itself could make. DMA and SDMA findings go beyond what dtc checks, so a board dtc accepts may have them.
     */
    static boolean frontEnd(Diagnostic d) {
        String id = d.code().id();
        return id.startsWith("DTS") || id.startsWith("PP") || id.startsWith("TR") || id.startsWith("INT");
    }

    /** The reason a board fails, or null when it passes. */
    static String judge(OracleResult r, Fdt fdt, String blobError, BoardResult mine) {
        List<Diagnostic> errors = new ArrayList<>();
        if (mine != null) {
            for (Diagnostic d : mine.diagnostics()) {
                if (d.severity() == Severity.ERROR && frontEnd(d)) {
                    errors.add(d);
                }
            }
            if (mine.tree() != null) {
                for (Diagnostic d : mine.tree().diagnostics()) {
                    if (d.severity() == Severity.ERROR && frontEnd(d) && !errors.contains(d)) {
                        errors.add(d);
                    }
                }
            }
        }
        if (!r.ok()) {
            // DTS002 (a property after a subnode) is a warning on purpose, but it is what dtc rejects such files for
            boolean propertyAfterSubnode = mine != null && mine.diagnostics().stream().anyMatch(d -> d.code() == Code.DTS002);
            return errors.isEmpty() && !propertyAfterSubnode ? "dtc rejects the board (" + r.stage() + " exit " + r.exitCode() + ": "
                    + firstLine(r.stderr()) + ") but dtdma reported no error" : null;
        }
        if (blobError != null) {
            return blobError;
        }
        if (!errors.isEmpty()) {
            Diagnostic d = errors.get(0);
            return "dtc accepts the board but dtdma reported " + errors.size() + " error(s), first " + d.code().id()
                    + " " + d.message() + (d.span() == null ? "" : " at " + d.span());
        }
        if (mine == null || mine.tree() == null) {
            return "dtdma produced no tree";
        }
        TreeComparator.Result c = TreeComparator.compare(mine.tree(), fdt);
        if (c.equal()) {
            return null;
        }
        int more = c.differences().size() - 1;
        return c.first() + (more > 0 ? " (and " + more + (c.truncated() ? "+" : "") + " more)" : "");
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    /** Writes the full report: header lines, then one line per board. */
    public static void writeReport(Path file, List<String> header, Summary s) {
        List<String> lines = new ArrayList<>(header);
        lines.add(s.countLine());
        lines.add("");
        for (BoardOutcome o : s.outcomes()) {
            lines.add(o.passed() ? "PASS " + o.board() : "FAIL " + o.board() + ": " + o.reason());
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
