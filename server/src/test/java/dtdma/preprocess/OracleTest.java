package dtdma.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.source.IncludeResolver;
import dtdma.source.KernelTree;
import dtdma.source.SourceLoader;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Compares the preprocessor with GCC's cpp on real kernel boards (skipped without the tree or cpp). */
class OracleTest {
    static final Path KERNEL = dtdma.testing.Kernel.path();

    static boolean haveCpp() {
        try {
            Process p = new ProcessBuilder("cpp", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static List<Path> boards() throws IOException {
        List<Path> out = new ArrayList<>();
        Path fsl = KERNEL.resolve("arch/arm64/boot/dts/freescale");
        try (Stream<Path> s = Files.list(fsl)) {
            s.filter(p -> p.getFileName().toString().matches("imx8mp.*\\.dts")).sorted().forEach(out::add);
        }
        String[][] dirs = {
            {"arch/arm/boot/dts", "imx6q.*\\.dts", "8"},
            {"arch/arm64/boot/dts/qcom", ".*\\.dts", "5"},
            {"arch/arm64/boot/dts/rockchip", ".*\\.dts", "5"},
            {"arch/arm64/boot/dts/ti", ".*\\.dts", "4"},
            {"arch/arm/boot/dts", "sun.*\\.dts", "4"},
            {"arch/arm64/boot/dts/allwinner", ".*\\.dts", "3"},
            {"arch/arm64/boot/dts/exynos", ".*\\.dts", "4"},
            {"arch/arm/boot/dts", "exynos.*\\.dts", "3"},
            {"arch/arm64/boot/dts/apple", ".*\\.dts", "2"},
        };
        for (String[] d : dirs) {
            Path dir = KERNEL.resolve(d[0]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> all;
            try (Stream<Path> s = Files.list(dir)) {
                all = s.filter(p -> p.getFileName().toString().matches(d[1])).sorted().toList();
            }
            int want = Integer.parseInt(d[2]);
            for (int i = 0; i < want && !all.isEmpty(); i++) {
                out.add(all.get((int) ((long) i * all.size() / want)));
            }
        }
        return out;
    }

    static String cpp(Path board) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("cpp", "-nostdinc", "-I", KERNEL.resolve("scripts/dtc/include-prefixes").toString(),
                "-undef", "-D__DTS__", "-x", "assembler-with-cpp", board.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] b = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new String(b, StandardCharsets.UTF_8);
    }

    static String normalise(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.matches("# \\d+ \".*")) {
                continue;
            }
            sb.append(t.replaceAll("\\s+", " ")).append('\n');
        }
        return sb.toString();
    }

    /** The cpp view of a unit: dtc /include/ directives kept as text, not inlined. */
    static String cppView(PpUnit u) {
        StringBuilder sb = new StringBuilder();
        for (PpUnit.Piece p : u.pieces()) {
            if (p instanceof PpUnit.Text t) {
                sb.append(t.text());
            } else if (p instanceof PpUnit.Include inc) {
                if (inc.raw()) {
                    sb.append("/include/ ").append(inc.spelled());
                } else if (inc.unit() != null) {
                    sb.append('\n').append(cppView(inc.unit())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void boardsMatchCpp() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(KERNEL.resolve("scripts/dtc/include-prefixes")), "no kernel tree");
        Assumptions.assumeTrue(haveCpp(), "no cpp");
        List<Path> boards = boards();
        assertTrue(boards.size() >= 40, "sample has " + boards.size() + " boards");
        SourceRegistry reg = new SourceRegistry();
        SourceLoader loader = new SourceLoader(reg);
        PpCache cache = new PpCache();
        int passed = 0;
        List<String> failed = new ArrayList<>();
        for (Path b : boards) {
            KernelTree kt = KernelTree.detect(b).orElseThrow();
            Preprocessor pp = new Preprocessor(loader, new IncludeResolver(kt.includePaths()), cache);
            SourceFile f = loader.load(b).file();
            PpUnit u = pp.preprocess(f, Map.of());
            List<Diagnostic> ds = new ArrayList<>();
            u.collectDiagnostics(ds);
            String mine = normalise(cppView(u));
            String theirs = normalise(cpp(b));
            boolean errors = ds.stream().anyMatch(d -> d.severity() == Severity.ERROR);
            if (mine.equals(theirs) && !errors) {
                passed++;
            } else {
                failed.add(b + (errors ? " diagnostics " + ds : "") + "\n" + firstDiff(mine, theirs));
            }
        }
        System.out.println("oracle: " + passed + " passed, " + failed.size() + " failed");
        failed.forEach(s -> System.out.println("FAILED " + s));
        assertEquals(List.of(), failed);
    }

    static String firstDiff(String a, String b) {
        String[] x = a.split("\n");
        String[] y = b.split("\n");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<eof>";
            String r = i < y.length ? y[i] : "<eof>";
            if (!l.equals(r)) {
                return "  line " + i + "\n  mine: " + l + "\n  cpp:  " + r;
            }
        }
        return "  (same text)";
    }

    @Test
    void sourceMapPointsIntoOriginalFiles() throws Exception {
        Path b = KERNEL.resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");
        Assumptions.assumeTrue(Files.isRegularFile(b), "no kernel tree");
        SourceRegistry reg = new SourceRegistry();
        SourceLoader loader = new SourceLoader(reg);
        Preprocessor pp = new Preprocessor(loader, new IncludeResolver(KernelTree.detect(b).orElseThrow().includePaths()), new PpCache());
        SourceFile f = loader.load(b).file();
        Flattened fl = Flattened.of(pp.preprocess(f, Map.of()));
        String text = fl.text();
        // a label defined in the board file
        int at = text.indexOf("reg_can1_stby: regulator-can1-stby");
        assertTrue(at >= 0);
        Span s = fl.toOriginal(at, at + "reg_can1_stby".length());
        assertNotNull(s);
        assertEquals(f.id(), s.fileId());
        assertEquals("reg_can1_stby", f.text().substring(s.start(), s.end()));
        // a pinctrl macro invocation in the board file maps to the invocation
        int m = f.text().indexOf("MX8MP_IOMUXC_");
        LineIndex.Location loc = f.lines().location(m);
        int me = m;
        while (Character.isLetterOrDigit(f.text().charAt(me)) || f.text().charAt(me) == '_') {
            me++;
        }
        String name = f.text().substring(m, me);
        boolean found = false;
        for (int i = 0; i < text.length() && !found; i++) {
            SourceMap.Expansion e = fl.expansionAt(i);
            if (e != null && e.macro().equals(name)) {
                Span sp = fl.toOriginal(i, i + 1);
                LineIndex.Location l2 = f.lines().location(sp.start());
                assertEquals(loc, l2);
                assertEquals(f.id(), sp.fileId());
                assertNotNull(e.definition());
                found = true;
            }
        }
        assertTrue(found, "expansion of " + name + " found");
    }
}
