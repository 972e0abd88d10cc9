package dtdma.robust;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Budgets;
import dtdma.grammar.DtsLexer;
import dtdma.preprocess.Flattened;
import dtdma.testing.Kernel;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * Measures, over every arm and arm64 board of Linux 6.1, the largest value of each quantity a budget in
 * {@link Budgets} bounds, prints them (docs/robustness.md quotes them) and asserts that every real board is at
 * least four times below each budget, so no budget ever fires on a real board.
 */
class BudgetCorpusTest {
    private final ConcurrentMap<String, long[]> max = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> where = new ConcurrentHashMap<>();

    private void record(String what, long v, Path board) {
        long[] m = max.computeIfAbsent(what, k -> new long[1]);
        synchronized (m) {
            if (v > m[0]) {
                m[0] = v;
                where.put(what, board.getFileName().toString());
            }
        }
    }

    @Test
    void everyRealBoardIsWellInsideEveryBudget() throws Exception {
        Path k = Kernel.tree();
        List<Path> boards = new ArrayList<>();
        for (String arch : List.of("arm", "arm64")) {
            try (Stream<Path> s = Files.walk(k.resolve("arch/" + arch + "/boot/dts"))) {
                s.filter(p -> p.toString().endsWith(".dts")).sorted().forEach(boards::add);
            }
        }
        assertTrue(boards.size() > 2000, "boards: " + boards.size());
        Boards b = new Boards(List.of(), true);
        boards.parallelStream().forEach(board -> {
            try {
                measure(b, board);
            } catch (Exception e) {
                throw new IllegalStateException(board.toString(), e);
            }
        });
        StringBuilder report = new StringBuilder("largest values over " + boards.size() + " boards:\n");
        max.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> report.append(
                String.format("  %-24s %,12d  (%s)%n", e.getKey(), e.getValue()[0], where.get(e.getKey()))));
        System.out.print(report);
        check(report, "nesting", Budgets.MAX_NESTING);
        check(report, "tokens per board", Budgets.MAX_TOKENS_PER_FILE);
        check(report, "labels per node", Budgets.MAX_LABELS_PER_NODE);
        check(report, "bytes per property", Budgets.MAX_PROPERTY_BYTES);
        check(report, "nodes per tree", Budgets.MAX_NODES_PER_TREE);
                check(report, "source file chars", Budgets.MAX_DOCUMENT_CHARS);
    }

    private void check(StringBuilder report, String what, long budget) {
        long m = max.getOrDefault(what, new long[1])[0];
        assertTrue(m * 4 <= budget, what + ": largest real value " + m + " is not 4 times below the budget " + budget
                + "\n" + report);
    }

    private void measure(Boards b, Path board) throws Exception {
        Analysis a = b.analyse(board, () -> false);
        for (var f : a.files().values()) {
            record("source file chars", f.text().length(), board);
            int line = 0;
            for (int i = 0; i < f.text().length(); i++) {
                if (f.text().charAt(i) == '\n') {
                    line = 0;
                } else {
                    record("line chars", ++line, board);
                }
            }
        }
        if (a.unit() == null) {
            return;
        }
        String text = Flattened.of(a.unit()).text();
        record("preprocessed chars", text.length(), board);
        DtsLexer lx = new DtsLexer(CharStreams.fromString(text));
        lx.removeErrorListeners();
        long tokens = 0;
        int depth = 0;
        for (Token t = lx.nextToken(); t.getType() != Token.EOF; t = lx.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            tokens++;
            int ty = t.getType();
            if (ty == DtsLexer.LBRACE || ty == DtsLexer.LPAREN) {
                record("nesting", ++depth, board);
            } else if ((ty == DtsLexer.RBRACE || ty == DtsLexer.RPAREN) && depth > 0) {
                depth--;
            }
        }
        record("tokens per board", tokens, board);
        long[] nodes = {0};
        walk(a.result().tree().root(), n -> {
            nodes[0]++;
            record("labels per node", n.labels().size(), board);
            record("properties per node", n.properties().size(), board);
            record("children per node", n.children().size(), board);
            for (Property p : n.properties()) {
                record("bytes per property", p.value().length(), board);
                if (p.name().equals("dmas")) {
                    record("dmas specifiers", p.value().markers().stream()
                            .filter(m -> m.kind() == dtdma.tree.Marker.Kind.REF_PHANDLE).count(), board);
                }
            }
        });
        record("nodes per tree", nodes[0], board);
    }

    private static void walk(Node n, java.util.function.Consumer<Node> f) {
        f.accept(n);
        for (Node c : n.children()) {
            walk(c, f);
        }
    }
}
