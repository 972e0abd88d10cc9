package dtdma.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.source.IncludeResolver;
import dtdma.source.KernelTree;
import dtdma.source.SourceLoader;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Re-preprocessing a board, or an edited copy of it, takes every include from the cache: nothing included
 * is preprocessed again. (How fast that is lives in the benchmark, docs/benchmarks.md, not in a test.)
 */
class CacheReuseTest {
    @Test
    void anEditedBoardReusesEveryIncludedFile() {
        Path b = OracleTest.KERNEL.resolve("arch/arm64/boot/dts/freescale/imx8mp-evk.dts");
        Assumptions.assumeTrue(Files.isRegularFile(b), "no kernel tree");
        SourceLoader loader = new SourceLoader(new SourceRegistry());
        PpCache cache = new PpCache();
        Preprocessor pp = new Preprocessor(loader, new IncludeResolver(KernelTree.detect(b).orElseThrow().includePaths()), cache);
        SourceFile f = loader.load(b).file();
        PpUnit first = pp.preprocess(f, Map.of());
        long misses = cache.misses();
        assertTrue(misses > 10, "the board includes many files, each missed once: " + misses);

        PpUnit second = pp.preprocess(f, Map.of());
        assertEquals(misses, cache.misses(), "nothing is preprocessed twice");
        assertTrue(cache.hits() > 0);
        assertSame(firstInclude(first), firstInclude(second), "the included unit is shared, not rebuilt");

        loader.setOverlay(b, f.text() + "\n/* an edit */\n");
        pp.preprocess(loader.load(b).file(), Map.of());
        assertEquals(misses + 1, cache.misses(), "an edit to the board redoes only the board (one miss, itself)");
        loader.setOverlay(b, null);
    }

    private static PpUnit firstInclude(PpUnit u) {
        for (PpUnit.Piece p : u.pieces()) {
            if (p instanceof PpUnit.Include inc && inc.unit() != null) {
                return inc.unit();
            }
        }
        throw new AssertionError("no include in " + u.file());
    }
}
