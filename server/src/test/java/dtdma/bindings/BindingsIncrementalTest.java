package dtdma.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.testing.Kernel;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental binding validation: the per-node cache re-validates exactly the nodes whose inputs changed, and
 * its results are those of a validation without it (findings, the nodes they sit on, their places).
 */
class BindingsIncrementalTest {
    @TempDir
    Path tmp;

    private BindingSet set;

    private static final String BOARD = """
            /dts-v1/;
            %s
            / {
                compatible = "vendor,bnd-board"; model = "m"; #address-cells = <1>; #size-cells = <%s>;
                interrupt-parent = <&intc>;
                intc: interrupt-controller@800 { reg = <0x800 4>; interrupt-controller; #interrupt-cells = <1>; };
                ccm: clock-controller@1000 { reg = <0x1000 4>; #clock-cells = <1>; };
                edma: dma-controller@3000 { reg = <0x3000 4>; #dma-cells = <%s>; };
                serial@2000 {
                    compatible = "vendor,bnd-uart";
                    reg = <0x2000 0x100>;
                    interrupts = <5>;
                    clocks = <&ccm 1>, <&ccm 2>;
                    dmas = <&edma 1>, <&edma 2>;
                    dma-names = %s;
                };
            };
            """;

    @BeforeEach
    void load() throws IOException {
        Path p = BindingSources.dtSchemaDir(null).orElse(null);
        Assumptions.assumeTrue(p != null, "dt-schema not installed (scripts/setup-corpus.sh installs it)");
        set = BindingSet.load(Kernel.repo().resolve("fixtures/bindings"), p, tmp.resolve("cache"), null);
    }

    private DeviceTree tree(String comment, String sizeCells, String dmaCells, String names) throws IOException {
        Path f = tmp.resolve("board.dts");
        Files.writeString(f, BOARD.formatted(comment, sizeCells, dmaCells, names));
        return new Boards(List.of(), false).analyse(f, () -> false).result().tree();
    }

    private DeviceTree base() throws IOException {
        return tree("", "1", "1", "\"tx\", \"rx\"");
    }

    /** Everything of the findings, places included, as text. */
    private static List<String> show(List<BindingFinding> fs) {
        BindingResults r = new BindingResults(Path.of("board.dts"), null, null, fs, null);
        return fs.stream().map(f -> f.kind() + " " + f.node().path() + " " + f.validated().path() + " " + f.property()
                + " " + f.path() + " " + f.keyword() + " " + f.schemaPath() + " " + f.binding().id() + " " + f.detail()
                + " " + f.disabled() + " " + f.node().property("dma-names") + " @" + spanOf(r, f)).toList();
    }

    private static String spanOf(BindingResults r, BindingFinding f) {
        Diagnostic d = BindingChecks.diagnostic(r, f, Code.BND003);
        return d == null ? "-" : d.span().start() + "-" + d.span().end() + " " + d.message();
    }

    private static int nodes(Node n) {
        int k = n.name().startsWith("__") && !n.isRoot() ? 0 : 1;
        for (Node c : n.children()) {
            k += nodes(c);
        }
        return k;
    }

    private List<BindingFinding> cached(DeviceTree t, ValidationCache cache) {
        List<BindingFinding> got = BindingValidator.validate(t, set, () -> false, cache);
        assertEquals(show(BindingValidator.validate(t, set, () -> false, null)), show(got),
                "the cache changes no result");
        return got;
    }

    @Test
    void anEditRevalidatesOnlyTheEditedNodeAndItsAncestors() throws IOException {
        ValidationCache cache = new ValidationCache(1000);
        DeviceTree first = base();
        List<BindingFinding> before = cached(first, cache);
        assertFalse(before.isEmpty(), "the base board has findings (dma-names in the wrong order)");
        int all = nodes(first.root());
        assertEquals(all, cache.misses());
        assertEquals(0, cache.hits());

        DeviceTree edited = tree("", "1", "1", "\"rx\", \"tx\"");
        long misses = cache.misses();
        List<BindingFinding> after = cached(edited, cache);
        assertEquals(2, cache.misses() - misses, "the serial node and the root");
        assertEquals(all - 2, cache.hits());
        assertTrue(after.stream().noneMatch(f -> f.keyword().equals("const")), after.toString());
    }

    @Test
    void movedTextIsNotRevalidatedAndCachedFindingsSitOnTheCurrentNodes() throws IOException {
        ValidationCache cache = new ValidationCache(1000);
        DeviceTree first = base();
        cached(first, cache);
        long misses = cache.misses();
        DeviceTree moved = tree("/* three\n lines\n */", "1", "1", "\"tx\", \"rx\"");
        List<BindingFinding> after = cached(moved, cache);
        assertEquals(misses, cache.misses(), "nothing the validation reads changed");
        assertFalse(after.isEmpty());
        for (BindingFinding f : after) {
            Node n = moved.root();
            for (String part : f.node().path().substring(1).split("/")) {
                n = part.isEmpty() ? n : n.child(part);
            }
            assertSame(n, f.node(), "a cached finding is attached to the current tree");
        }
    }

    @Test
    void cellSizesTheSplittingReadsAreInTheKey() throws IOException {
        ValidationCache cache = new ValidationCache(1000);
        cached(base(), cache);
        // the provider's #dma-cells changes how the consumer's dmas are split: the consumer is validated again
        long misses = cache.misses();
        List<BindingFinding> wider = cached(tree("", "1", "2", "\"tx\", \"rx\""), cache);
        assertEquals(3, cache.misses() - misses, "the provider, the consumer and the root");
        assertTrue(wider.stream().anyMatch(f -> f.node().path().equals("/serial@2000")), wider.toString());
        // the root's #size-cells changes how every child's reg is split
        misses = cache.misses();
        cached(tree("", "0", "1", "\"tx\", \"rx\""), cache);
        assertEquals(nodes(base().root()), cache.misses() - misses, "every node with a reg, and the root");
    }

    @Test
    void theWidthsIntegersWereWrittenInAreInTheKey() throws IOException {
        ValidationCache cache = new ValidationCache(1000);
        List<BindingFinding> bytes = cached(tree("", "1", "1", "\"tx\", \"rx\"; vendor,thresholds = /bits/ 8 <1 2 3 4>"), cache);
        assertTrue(bytes.stream().noneMatch(f -> f.keyword().equals("typeSize")), bytes.toString());
        // the same numbers as 32-bit cells: only the width differs, and typeSize reports it
        List<BindingFinding> wide = cached(tree("", "1", "1", "\"tx\", \"rx\"; vendor,thresholds = <1 2 3 4>"), cache);
        assertTrue(wide.stream().anyMatch(f -> f.keyword().equals("typeSize")), wide.toString());
    }

    @Test
    void theCacheIsBoundedAndEvictsTheLeastRecentlyUsed() throws IOException {
        ValidationCache cache = new ValidationCache(3);
        DeviceTree t = base();
        cached(t, cache);
        assertEquals(3, cache.size());
        long misses = cache.misses();
        cached(t, cache);
        assertEquals(nodes(t.root()), cache.misses() - misses, "a tree larger than the cache is validated again");
        assertTrue(cache.size() <= 3);
    }
}
