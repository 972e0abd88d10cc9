package dtdma.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaChecks;
import dtdma.devlink.DevlinkModel;
import dtdma.devlink.DevlinkSettings;
import dtdma.dma.DmaModel;
import dtdma.dtc.DtcChecks;
import dtdma.dtc.DtcWarnings;
import dtdma.preprocess.Flattened;
import dtdma.preprocess.PpCache;
import dtdma.preprocess.PpUnit;
import dtdma.preprocess.Preprocessor;
import dtdma.sdma.SdmaModel;
import dtdma.source.IncludeResolver;
import dtdma.source.SourceLoader;
import dtdma.syntax.ParseResult;
import dtdma.syntax.SyntaxParser;
import dtdma.text.Cancel;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cancel signal reaches inside every stage: a cancelled preprocessor, parser, tree builder or check run
 * stops at the first poll after the signal fires, polls often enough that the work between two polls is small,
 * leaves no partial result in the shared caches, and an uncancelled run gives exactly what a run without a
 * signal gives.
 */
class PipelineCancelTest {
    private static final int NODES = 3000;

    /** Counts its polls and fires from poll {@code fireAt + 1} on. */
    private static final class Counting implements Cancel {
        final long fireAt;
        long polls;

        Counting(long fireAt) {
            this.fireAt = fireAt;
        }

        @Override
        public boolean isCancelled() {
            return ++polls > fireAt;
        }
    }

    @TempDir
    Path dir;
    SourceRegistry reg;
    SourceLoader loader;
    SourceFile board;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("inc"));
        Files.writeString(dir.resolve("inc/cells.h"), "#define CELL(a, b) ((a) + (b))\n#define TWICE(x) CELL(x, x)\n");
        StringBuilder soc = new StringBuilder("#include <cells.h>\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n");
        for (int i = 0; i < NODES; i++) {
            soc.append("\tn").append(i).append(": node@").append(Integer.toHexString(i * 16)).append(" {\n")
                    .append("\t\tcompatible = \"vendor,dev\";\n\t\treg = <TWICE(").append(i * 8).append(") 0x10>;\n")
                    .append("\t\tstatus = \"disabled\";\n\t};\n");
        }
        soc.append("};\n");
        Files.writeString(dir.resolve("soc.dtsi"), soc.toString());
        StringBuilder b = new StringBuilder("/dts-v1/;\n#include \"soc.dtsi\"\n/ { model = \"m\"; compatible = \"v,b\";\n")
                .append("\tlink { ref = <&n1 &n2>; path = &n3; };\n};\n");
        for (int i = 0; i < NODES; i += 3) {
            b.append("&n").append(i).append(" { status = \"okay\"; id = <CELL(").append(i).append(", 1)>; };\n");
        }
        Files.writeString(dir.resolve("board.dts"), b.toString());
        reg = new SourceRegistry();
        loader = new SourceLoader(reg);
        board = loader.load(dir.resolve("board.dts")).file();
    }

    private Preprocessor pp(PpCache cache) {
        return new Preprocessor(loader, new IncludeResolver(List.of(dir.resolve("inc"))), cache);
    }

    private static List<String> show(List<Diagnostic> ds) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : ds) {
            out.add(d.code() + " " + d.span() + " " + d.message());
        }
        return out;
    }

    private static List<String> diags(PpUnit u) {
        List<Diagnostic> d = new ArrayList<>();
        u.collectDiagnostics(d);
        return show(d);
    }

    // ---------------------------------------------------------------- preprocessor

    @Test
    void cancelledPreprocessorStopsAtTheFirstPollAndCachesNothing() {
        PpCache cache = new PpCache();
        Counting c = new Counting(20);
        assertThrows(CancellationException.class, () -> pp(cache).run(board, Map.of(), c));
        assertEquals(21, c.polls, "stopped at the first poll after the signal fired");

        // the interrupted run left nothing partial behind: the same cache gives what a fresh one gives
        PpUnit again = pp(cache).run(board, Map.of(), Cancel.NONE).unit();
        PpUnit fresh = pp(new PpCache()).preprocess(board, Map.of());
        assertEquals(Flattened.of(fresh).text(), Flattened.of(again).text());
        assertEquals(diags(fresh), diags(again));
    }

    @Test
    void preprocessorPollsThroughoutAndAnUncancelledRunIsUnchanged() {
        Counting never = new Counting(Long.MAX_VALUE);
        PpUnit polled = pp(new PpCache()).run(board, Map.of(), never).unit();
        PpUnit plain = pp(new PpCache()).preprocess(board, Map.of());
        assertEquals(Flattened.of(plain).text(), Flattened.of(polled).text());
        assertEquals(diags(plain), diags(polled));
        // about 20 tokens per node in soc.dtsi, polled every 256 tokens or macro arguments at most
        assertTrue(never.polls >= NODES * 20 / 256, "polls: " + never.polls);
    }

    @Test
    void cancelFiringLateInTheBoardStillStops() {
        Counting all = new Counting(Long.MAX_VALUE);
        pp(new PpCache()).run(board, Map.of(), all);
        Counting late = new Counting(all.polls - 2);
        assertThrows(CancellationException.class, () -> pp(new PpCache()).run(board, Map.of(), late));
        assertEquals(all.polls - 1, late.polls);
    }

    // ---------------------------------------------------------------- parser

    @Test
    void cancelledParserStopsAtTheFirstPollAndMemoisesNothing() {
        PpUnit unit = pp(new PpCache()).preprocess(board, Map.of());
        SyntaxParser parser = new SyntaxParser();
        for (long fireAt : new long[] {0, 5, 200, 5000}) {
            Counting c = new Counting(fireAt);
            assertThrows(CancellationException.class, () -> parser.parse(unit, true, c), "fire at " + fireAt);
            assertEquals(fireAt + 1, c.polls);
        }
        ParseResult again = parser.parse(unit);
        ParseResult fresh = new SyntaxParser().parse(pp(new PpCache()).preprocess(board, Map.of()));
        assertEquals(show(fresh.diagnostics()), show(again.diagnostics()));
        assertEquals(DtsWriter.write(TreeBuilder.build(fresh, null)), DtsWriter.write(TreeBuilder.build(again, null)));
    }

    @Test
    void parserPollsAtEveryRuleAndAnUncancelledParseIsUnchanged() {
        PpUnit unit = pp(new PpCache()).preprocess(board, Map.of());
        Counting never = new Counting(Long.MAX_VALUE);
        ParseResult polled = new SyntaxParser().parse(unit, true, never);
        ParseResult plain = new SyntaxParser().parse(pp(new PpCache()).preprocess(board, Map.of()));
        assertEquals(plain.items().size(), polled.items().size());
        assertEquals(show(plain.diagnostics()), show(polled.diagnostics()));
        assertEquals(DtsWriter.write(TreeBuilder.build(plain, null)), DtsWriter.write(TreeBuilder.build(polled, null)));
        assertTrue(never.polls >= NODES * 4L, "a poll per rule at least: " + never.polls);
    }

    @Test
    void parserWithSyntaxErrorsIsCancelledDuringRecoveryToo() {
        SourceFile bad = reg.register(dir.resolve("bad.dts"), "/dts-v1/;\n/ {\n" + "\ta { b = <1 2; c; };\n".repeat(2000) + "};\n");
        PpUnit unit = SyntaxParser.unitOf(bad);
        Counting all = new Counting(Long.MAX_VALUE);
        ParseResult r = new SyntaxParser().parse(unit, true, all);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == Code.DTS001));
        Counting late = new Counting(all.polls - 3);
        assertThrows(CancellationException.class, () -> new SyntaxParser().parse(unit, true, late));
        assertEquals(all.polls - 2, late.polls);
    }

    // ---------------------------------------------------------------- tree builder

    @Test
    void cancelledTreeBuilderStopsAtTheFirstPoll() {
        ParseResult parsed = new SyntaxParser().parse(pp(new PpCache()).preprocess(board, Map.of()));
        Counting all = new Counting(Long.MAX_VALUE);
        DeviceTree polled = TreeBuilder.build(parsed, null, false, all);
        DeviceTree plain = TreeBuilder.build(parsed, null, false);
        assertEquals(DtsWriter.write(plain), DtsWriter.write(polled));
        assertEquals(show(plain.diagnostics()), show(polled.diagnostics()));
        assertTrue(all.polls >= NODES * 3L, "a poll per node and stage: " + all.polls);
        for (long fireAt : new long[] {0, NODES, all.polls - 2}) {
            Counting c = new Counting(fireAt);
            assertThrows(CancellationException.class, () -> TreeBuilder.build(parsed, null, false, c));
            assertEquals(fireAt + 1, c.polls);
        }
    }

    // ---------------------------------------------------------------- checks

    @Test
    void cancelledChecksStopAndAreNotReportedAsFailures() {
        ParseResult parsed = new SyntaxParser().parse(pp(new PpCache()).preprocess(board, Map.of()));
        DeviceTree tree = TreeBuilder.build(parsed, null);
        Span where = Span.at(board.id(), 0);
        DtcWarnings all = DtcWarnings.ALL;

        List<Diagnostic> plain = new ArrayList<>();
        DtcChecks.run(tree, all, where, plain);
        List<Diagnostic> polledOut = new ArrayList<>();
        Counting never = new Counting(Long.MAX_VALUE);
        DtcChecks.run(tree, all, where, polledOut, never);
        assertEquals(show(plain), show(polledOut));
        assertTrue(never.polls >= NODES * 10L, "a poll per node a check visits: " + never.polls);

        for (long fireAt : new long[] {0, 100, never.polls / 2}) {
            Counting c = new Counting(fireAt);
            List<Diagnostic> out = new ArrayList<>();
            assertThrows(CancellationException.class, () -> DtcChecks.run(tree, all, where, out, c));
            assertEquals(fireAt + 1, c.polls);
            assertTrue(out.stream().noneMatch(d -> d.code() == Code.INT001), "a cancellation is not a failing check");
        }

        DmaModel dma = DmaModel.of(tree);
        List<Diagnostic> out = new ArrayList<>();
        Counting c = new Counting(1);
        assertThrows(CancellationException.class, () -> Check.runAll(DmaChecks.all(), dma, out, where, c));
        assertTrue(out.stream().noneMatch(d -> d.code() == Code.INT001));
        List<Diagnostic> a = new ArrayList<>();
        List<Diagnostic> b = new ArrayList<>();
        Check.runAll(DmaChecks.all(), dma, a, where);
        Check.runAll(DmaChecks.all(), dma, b, where, new Counting(Long.MAX_VALUE));
        assertEquals(show(a), show(b));
    }

    @Test
    void cancelledDevlinkBootStopsAtTheFirstPoll() {
        ParseResult parsed = new SyntaxParser().parse(pp(new PpCache()).preprocess(board, Map.of()));
        DmaModel dma = DmaModel.of(TreeBuilder.build(parsed, null));
        SdmaModel sdma = SdmaModel.of(dma);
        DevlinkSettings settings = DevlinkSettings.parse("mode=felsch-v2");
        Counting never = new Counting(Long.MAX_VALUE);
        DevlinkModel polled = DevlinkModel.boot(dma, sdma, settings, never);
        DevlinkModel plain = DevlinkModel.boot(dma, sdma, settings);
        assertEquals(plain.simulation().findings().toString(), polled.simulation().findings().toString());
        // the board enables every third node: one device each
        assertTrue(never.polls >= NODES / 3, "a poll per device probed: " + never.polls);
        for (long fireAt : new long[] {0, NODES / 6}) {
            Counting c = new Counting(fireAt);
            assertThrows(CancellationException.class, () -> DevlinkModel.boot(dma, sdma, settings, c));
            assertEquals(fireAt + 1, c.polls);
        }
    }
}
