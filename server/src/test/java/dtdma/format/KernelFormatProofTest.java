package dtdma.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.conformance.DtcOracle;
import dtdma.conformance.KernelCorpus;
import dtdma.conformance.OracleResult;
import dtdma.conformance.OracleUnavailableException;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import dtdma.workspace.FormatHints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The formatter's proof on every {@code .dts}, {@code .dtsi} and {@code .dtso} of the kernel tree:
 * <ul>
 *   <li>formatting twice gives the same text (idempotent) and keeps every comment (the multiset of comments);</li>
 *   <li>every board compiled through {@code cpp | dtc} from a copy of the tree holding the formatted files gives
 *       the same blob as the original tree (boards both trees make dtc reject count apart, with the same
 *       stage);</li>
 *   <li>a {@code .dtsi} no board includes gives the same dtdma merged tree (names, labels, value bytes and
 *       references) before and after.</li>
 * </ul>
 * Verdicts of passing boards are cached under {@code ${DTDMA_CACHE:-~/.cache/dtdma}/format-proof}, keyed by the
 * original and formatted contents of every file the board can include, so a rerun with an unchanged formatter
 * costs only the formatting. Prints the counts; names every failing file.
 * {@code -Ddtdma.format.proof.glob=GLOB} limits the run (a glob on the kernel-relative path).
 */
class KernelFormatProofTest {
    private static final Pattern INCLUDE = Pattern.compile(
            "^\\s*#\\s*include\\s*([<\"])([^>\"]+)[>\"]|/include/\\s*\"([^\"]+)\"", Pattern.MULTILINE);

    @Test
    void formattingKeepsEveryBoardsBlob() throws Exception {
        Path kernel = KernelCorpus.path();
        Assumptions.assumeTrue(kernel != null, KernelCorpus.SKIP_MESSAGE);
        DtcOracle oracle;
        try {
            oracle = DtcOracle.create(kernel);
        } catch (OracleUnavailableException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        String glob = System.getProperty("dtdma.format.proof.glob", "");
        long t0 = System.nanoTime();
        Path arch = kernel.resolve("arch");
        List<Path> all;
        try (Stream<Path> s = Files.walk(arch)) {
            all = s.filter(p -> p.toString().contains("/boot/dts/") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Path> sources = all.stream().filter(dtdma.text.SourceFile::isDevicetree).toList();
        java.nio.file.PathMatcher m = glob.isEmpty() ? null : kernel.getFileSystem().getPathMatcher("glob:" + glob);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());

        // 0. entry sizes of arrays from dtdma's merged trees, as `dtdma format` gets them: every board analysed,
        // each .dtsi in the first board that reads it
        Path prefixes = kernel.resolve("scripts/dtc/include-prefixes");
        Map<Path, EntryHints> hints = FormatHints.forFiles(new Boards(List.of(prefixes), false), sources, p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return null;
            }
        }, w -> failures.add("analysis: " + w));
        long withHints = sources.stream().filter(p -> hints.getOrDefault(p.toAbsolutePath().normalize(),
                EntryHints.NONE) != EntryHints.NONE).count();
        long tHints = System.nanoTime();

        // 1. format every source file; idempotence and comments
        Map<Path, String> formatted = new ConcurrentHashMap<>();
        Map<Path, String> originals = new ConcurrentHashMap<>();
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger changed = new AtomicInteger();
        parallel(sources, f -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            originals.put(f, text);
            EntryHints h = hints.getOrDefault(f.toAbsolutePath().normalize(), EntryHints.NONE);
            DtsFormatter.Result r = DtsFormatter.format(text, FormatOptions.KERNEL, h);
            String rel = kernel.relativize(f).toString();
            if (!r.ok()) {
                refused.add(rel + ":" + r.problemLine() + ": " + r.problem());
                formatted.put(f, text);
                return;
            }
            formatted.put(f, r.text());
            if (r.changed()) {
                changed.incrementAndGet();
            }
            // the hints' offsets are those of the original text: the second pass goes without them (a split value
            // stays split: its entries are already one per <...>)
            DtsFormatter.Result again = DtsFormatter.format(r.text(), FormatOptions.KERNEL);
            if (!again.ok() || !again.text().equals(r.text())) {
                failures.add(rel + ": not idempotent" + (again.ok() ? "" : " (" + again.problem() + ")"));
            }
            List<String> before = new ArrayList<>(Comments.of(text));
            List<String> after = new ArrayList<>(Comments.of(r.text()));
            Collections.sort(before);
            Collections.sort(after);
            if (!before.equals(after)) {
                failures.add(rel + ": comments differ (" + before.size() + " before, " + after.size() + " after)");
            }
        });
        long tFormat = System.nanoTime();
        String imx = imxChanges(kernel, sources, originals, formatted);

        // 2. a copy of the tree with the formatted files (unchanged files are links to the originals)
        Path shadow = Path.of("target", "format-proof", "tree").toAbsolutePath();
        deleteTree(shadow);
        for (Path f : all) {
            Path rel = kernel.relativize(f);
            Path dst = shadow.resolve(rel.toString());
            Files.createDirectories(dst.getParent());
            String fmt = formatted.get(f);
            if (fmt != null && !fmt.equals(originals.get(f))) {
                Files.writeString(dst, fmt, StandardCharsets.UTF_8);
            } else {
                Files.createSymbolicLink(dst, f.toAbsolutePath());
            }
        }
        Files.createSymbolicLink(shadow.resolve("include"), kernel.resolve("include").toAbsolutePath());
        Path shadowPrefixes = shadow.resolve("scripts/dtc/include-prefixes");
        Files.createDirectories(shadowPrefixes);
        try (Stream<Path> s = Files.list(prefixes)) {
            for (Path p : s.toList()) {
                Files.createSymbolicLink(shadowPrefixes.resolve(p.getFileName().toString()), Files.readSymbolicLink(p));
            }
        }
        DtcOracle shadowOracle = new DtcOracle(shadow, DtcOracle.defaultCacheDir(), "cpp", "dtc",
                java.time.Duration.ofSeconds(60));

        // 3. every board through cpp | dtc, both trees
        Path cacheDir = DtcOracle.defaultCacheDir().getParent().resolve("format-proof");
        Files.createDirectories(cacheDir);
        Includes inc = new Includes(kernel, originals, formatted);
        List<Path> boards = sources.stream().filter(p -> !p.toString().endsWith(".dtsi"))
                .filter(p -> m == null || m.matches(kernel.relativize(p))).toList();
        AtomicInteger same = new AtomicInteger();
        AtomicInteger bothRejected = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        Set<Path> reached = ConcurrentHashMap.newKeySet();
        parallel(boards, b -> {
            Set<Path> closure = inc.closure(b);
            reached.addAll(closure);
            String key = inc.key(b, closure);
            Path verdict = cacheDir.resolve(key);
            String rel = kernel.relativize(b).toString();
            if (Files.isRegularFile(verdict)) {
                String v = Files.readString(verdict);
                cached.incrementAndGet();
                (v.equals("rejected") ? bothRejected : same).incrementAndGet();
                return;
            }
            OracleResult a = oracle.compile(b);
            OracleResult f = shadowOracle.compile(shadow.resolve(rel));
            if (a.dtb() != null && f.dtb() != null && Arrays.equals(a.dtb(), f.dtb())) {
                same.incrementAndGet();
                Files.writeString(verdict, "same");
            } else if (a.dtb() == null && f.dtb() == null && a.stage().equals(f.stage())) {
                bothRejected.incrementAndGet();
                Files.writeString(verdict, "rejected");
            } else {
                failures.add(rel + ": blobs differ (original " + describe(a) + ", formatted " + describe(f) + ")");
            }
        });
        long tBoards = System.nanoTime();

        // 4. a .dtsi no board includes: dtdma's merged tree of the file alone, before and after
        List<Path> lone = sources.stream().filter(p -> p.toString().endsWith(".dtsi") && !reached.contains(p))
                .filter(p -> m == null || m.matches(kernel.relativize(p))).toList();
        AtomicInteger loneSame = new AtomicInteger();
        Boards before = new Boards(List.of(prefixes), false);
        Boards after = new Boards(List.of(shadowPrefixes), false);
        parallel(lone, f -> {
            String rel = kernel.relativize(f).toString();
            BoardResult x = before.load(f);
            BoardResult y = after.load(shadow.resolve(rel));
            String dx = canonical(x.tree());
            String dy = canonical(y.tree());
            if (dx.equals(dy)) {
                loneSame.incrementAndGet();
            } else {
                failures.add(rel + ": dtdma's merged trees differ");
            }
        });
        long tEnd = System.nanoTime();

        System.out.printf("format proof: %d sources (%d .dts, %d .dtsi, %d .dtso), %d changed by the formatter, "
                        + "%d left as they are%n", sources.size(), count(sources, ".dts"), count(sources, ".dtsi"),
                count(sources, ".dtso"), changed.get(), refused.size());
        System.out.printf("boards: %d same blob, %d rejected by dtc before and after (%d verdicts from the cache); "
                + "lone .dtsi: %d of %d same merged tree%n", same.get(), bothRejected.get(), cached.get(),
                loneSame.get(), lone.size());
        System.out.printf("entry sizes from a board's merged tree for %d of %d files%n", withHints, sources.size());
        System.out.printf("time: entry sizes %.1f s, format %.1f s, boards %.1f s, lone .dtsi %.1f s%n",
                (tHints - t0) / 1e9, (tFormat - tHints) / 1e9, (tBoards - tFormat) / 1e9, (tEnd - tBoards) / 1e9);
        System.out.println(imx);
        refused.stream().sorted().forEach(r -> System.out.println("LEFT AS IT IS " + r));
        failures.stream().sorted().forEach(r -> System.out.println("FAIL " + r));
        assertEquals(List.of(), failures.stream().sorted().toList());
        assertEquals(boards.size(), same.get() + bothRejected.get());
        assertTrue(refused.size() * 100 < sources.size(), "the formatter refused too many files: " + refused.size());
    }

    /** How many lines the formatter changes in the kernel's i.MX files (imx*.dts, imx*.dtsi), and why. */
    private static String imxChanges(Path kernel, List<Path> sources, Map<Path, String> originals,
            Map<Path, String> formatted) {
        int files = 0;
        int lines = 0;
        int changedFiles = 0;
        Map<String, Integer> why = new TreeMap<>();
        for (Path f : sources) {
            if (!f.getFileName().toString().startsWith("imx")) {
                continue;
            }
            files++;
            List<String> a = LineDiff.lines(originals.get(f));
            List<String> b = LineDiff.lines(formatted.get(f));
            lines += a.size();
            List<LineDiff.Hunk> hunks = LineDiff.diff(a, b);
            if (!hunks.isEmpty()) {
                changedFiles++;
            }
            for (LineDiff.Hunk h : hunks) {
                List<String> del = a.subList(h.aStart(), h.aEnd());
                List<String> ins = b.subList(h.bStart(), h.bEnd());
                String k;
                if (del.isEmpty() && ins.stream().allMatch(String::isBlank)) {
                    String next = h.bEnd() < b.size() ? b.get(h.bEnd()).strip() : "";
                    k = next.startsWith("status") ? "blank line added before a trailing status"
                            : next.endsWith("{") ? "blank line added before a node" : "other blank line added";
                } else if (ins.isEmpty() && del.stream().allMatch(String::isBlank)) {
                    k = "blank line removed";
                } else if (del.size() == ins.size()) {
                    boolean ws = true;
                    boolean hex = true;
                    for (int i = 0; i < del.size(); i++) {
                        ws &= del.get(i).replaceAll("\\s+", "").equals(ins.get(i).replaceAll("\\s+", ""));
                        hex &= del.get(i).strip().equalsIgnoreCase(ins.get(i).strip());
                    }
                    k = ws ? "whitespace inside lines (indentation, alignment, spacing)" : hex ? "hex in lowercase"
                            : "other changes inside lines";
                } else {
                    k = "lines split or joined";
                }
                why.merge(k, LineDiff.changedLines(List.of(h)), Integer::sum);
            }
        }
        int total = why.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder sb = new StringBuilder(String.format("i.MX files: %d (%d lines), %d changed, %d lines changed"
                + " (removed + added)", files, lines, changedFiles, total));
        why.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append(String.format("%n  %6d %s", e.getValue(), e.getKey())));
        return sb.toString();
    }

    /**
     * The tree as dtc would store it: node paths, labels, property names, value bytes and the references and labels
     * inside values (not how the source grouped its cells: {@code <a b>, <c d>} is {@code <a b c d>}).
     */
    static String canonical(dtdma.tree.DeviceTree t) {
        StringBuilder sb = new StringBuilder();
        for (long[] r : t.memReserves()) {
            sb.append("/memreserve/ ").append(Arrays.toString(r)).append('\n');
        }
        dump(t.root(), sb);
        return sb.toString();
    }

    private static void dump(dtdma.tree.Node n, StringBuilder sb) {
        sb.append(n.path()).append(' ').append(n.labels()).append('\n');
        for (dtdma.tree.Property p : n.properties()) {
            sb.append("  ").append(p.name()).append(' ').append(p.labels()).append(' ')
                    .append(HexFormat.of().formatHex(p.value().bytes()));
            for (dtdma.tree.Marker mk : p.value().markers()) {
                if (!mk.kind().isType()) {
                    sb.append(' ').append(mk.offset()).append(mk.kind()).append(mk.ref());
                }
            }
            sb.append('\n');
        }
        for (dtdma.tree.Node c : n.children()) {
            dump(c, sb);
        }
    }

    private static long count(List<Path> l, String ext) {
        return l.stream().filter(p -> p.toString().endsWith(ext)).count();
    }

    private static String describe(OracleResult r) {
        return r.dtb() != null ? r.dtb().length + " bytes" : "rejected by " + r.stage();
    }

    interface Job {
        void run(Path p) throws Exception;
    }

    private static void parallel(List<Path> items, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (Path p : items) {
                fs.add(pool.submit(() -> {
                    job.run(p);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Every file a board may include (all branches of #if), for the cache key. */
    private static final class Includes {
        private final Path kernel;
        private final Path prefixes;
        private final Map<Path, String> originals;
        private final Map<Path, String> formatted;
        private final Map<Path, List<Path>> direct = new ConcurrentHashMap<>();
        private final Map<Path, String> hashes = new ConcurrentHashMap<>();

        Includes(Path kernel, Map<Path, String> originals, Map<Path, String> formatted) {
            this.kernel = kernel;
            this.prefixes = kernel.resolve("scripts/dtc/include-prefixes");
            this.originals = originals;
            this.formatted = formatted;
        }

        Set<Path> closure(Path board) {
            Set<Path> seen = new LinkedHashSet<>();
            List<Path> todo = new ArrayList<>(List.of(board));
            while (!todo.isEmpty()) {
                Path f = todo.remove(todo.size() - 1);
                if (seen.add(f)) {
                    todo.addAll(direct.computeIfAbsent(f, this::scan));
                }
            }
            return seen;
        }

        private List<Path> scan(Path f) {
            List<Path> out = new ArrayList<>();
            String text;
            try {
                text = originals.containsKey(f) ? originals.get(f) : Files.readString(f, StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return out;
            }
            Matcher mm = INCLUDE.matcher(text);
            while (mm.find()) {
                String name = mm.group(2) != null ? mm.group(2) : mm.group(3);
                boolean quoted = mm.group(2) == null || mm.group(1).equals("\"");
                List<Path> dirs = quoted ? List.of(f.getParent(), prefixes) : List.of(prefixes);
                for (Path d : dirs) {
                    Path c = d.resolve(name).normalize();
                    if (Files.isRegularFile(c)) {
                        try {
                            c = c.toRealPath();
                        } catch (IOException e) {
                            continue;
                        }
                        out.add(c);
                        break;
                    }
                }
            }
            return out;
        }

        String key(Path board, Set<Path> closure) throws Exception {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("format-proof 1\n" + kernel.relativize(board) + "\n").getBytes(StandardCharsets.UTF_8));
            Map<String, String> sorted = new TreeMap<>();
            for (Path p : closure) {
                sorted.put(p.toString(), hashes.computeIfAbsent(p, this::hash));
            }
            sorted.forEach((k, v) -> md.update((k + "\0" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        }

        private String hash(Path p) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                String o = originals.get(p);
                String f = formatted.get(p);
                md.update(o != null ? o.getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(p));
                md.update((byte) 0);
                if (f != null) {
                    md.update(f.getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (Exception e) {
                return "unreadable";
            }
        }
    }
}
