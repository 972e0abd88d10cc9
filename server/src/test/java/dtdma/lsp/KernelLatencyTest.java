package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Zero-configuration use in a kernel checkout: the server indexes the i.MX arm64 boards, analyses
 * {@code imx8mp.dtsi} in its first board, and re-publishes after an edit. Prints the timings; skipped without
 * the unpacked kernel.
 */
class KernelLatencyTest {
    static final Path FSL = dtdma.testing.Kernel.path().resolve("arch/arm64/boot/dts/freescale");

    @Test
    void dtsiInAKernelTree() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FSL), "kernel sources not unpacked");
        RecordingClient client = new RecordingClient();
        DtdmaLanguageServer server = new DtdmaLanguageServer(c -> { });
        server.connect(client);
        InitializeParams ip = new InitializeParams();
        ip.setWorkspaceFolders(List.of(new WorkspaceFolder(FSL.toUri().toString(), "fsl")));
        server.initialize(ip).join();
        long t0 = System.nanoTime();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        long scanMs = (System.nanoTime() - t0) / 1_000_000;
        Path dtsi = FSL.resolve("imx8mp.dtsi");
        List<Path> ctx = server.ws().contexts(dtsi);
        assertTrue(ctx.size() > 5, ctx.toString());
        String uri = dtsi.toUri().toString();
        t0 = System.nanoTime();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "dts", 1, Files.readString(dtsi))));
        server.awaitIdle();
        long openMs = (System.nanoTime() - t0) / 1_000_000;
        assertNotNull(client.last(uri));
        long[] edits = new long[5];
        for (int i = 0; i < edits.length; i++) {
            t0 = System.nanoTime();
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 2 + i), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(0, 0), new Position(0, 0)), "/* edit */ "))));
            server.awaitIdle();
            edits[i] = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(2 + i, client.last(uri).getVersion());
        }
        System.err.printf("kernel: indexed %d boards in %d ms; imx8mp.dtsi in %d contexts (active %s); "
                + "open->publish %d ms; edit->publish %s ms%n", server.ws().index().boards().size(), scanMs,
                ctx.size(), ctx.get(0).getFileName(), openMs, java.util.Arrays.toString(edits));
        server.shutdown().join();
    }

    /**
     * A hover right after each edit of a kernel board: answered from the last finished analysis while the edit's
     * runs (prints how many hovers were answered before their edit's diagnostics were published, and the times).
     */
    @Test
    void hoverRightAfterAnEditOfAKernelBoard() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FSL), "kernel sources not unpacked");
        RecordingClient client = new RecordingClient();
        DtdmaLanguageServer server = new DtdmaLanguageServer(c -> { });
        server.connect(client);
        InitializeParams ip = new InitializeParams();
        ip.setWorkspaceFolders(List.of(new WorkspaceFolder(FSL.toUri().toString(), "fsl")));
        server.initialize(ip).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        Path board = FSL.resolve("imx8mp-evk.dts");
        String uri = board.toUri().toString();
        String text = Files.readString(board);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dts", 1, text)));
        server.awaitIdle();
        int ref = text.indexOf("\n&") + 2;
        dtdma.text.LineIndex.Location l = new dtdma.text.LineIndex(text).location(ref);
        int rounds = 40;
        int before = 0;
        long[] us = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            boolean insert = i % 2 == 0;
            server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, 2 + i), List.of(new TextDocumentContentChangeEvent(
                            new Range(new Position(0, 0), new Position(0, insert ? 0 : 1)), insert ? " " : ""))));
            long t0 = System.nanoTime();
            var h = server.getTextDocumentService().hover(new org.eclipse.lsp4j.HoverParams(
                    new org.eclipse.lsp4j.TextDocumentIdentifier(uri), new Position(l.line0(), l.column0()))).get();
            us[i] = (System.nanoTime() - t0) / 1000;
            var published = client.last(uri);
            if (published == null || published.getVersion() < 2 + i) {
                before++;
            }
            assertNotNull(h);
            assertEquals(l.line0(), h.getRange().getStart().getLine(), "the range is in the current text");
            server.awaitIdle();
        }
        java.util.Arrays.sort(us);
        System.err.printf("kernel: hover right after an edit of %s: %d of %d answered before the edit's diagnostics;"
                + " p50 %.1f ms, p95 %.1f ms%n", board.getFileName(), before, rounds, us[rounds / 2] / 1000.0,
                us[(int) Math.ceil(rounds * 0.95) - 1] / 1000.0);
        server.shutdown().join();
    }

    /** The case a user met: imx8mp.dtsi opened after imx8mp-evk.dts is analysed in the evk, not in imx8mp-ab2.dts. */
    @Test
    void dtsiOpenedAfterItsBoardIsAnalysedInThatBoard() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(FSL), "kernel sources not unpacked");
        RecordingClient client = new RecordingClient();
        DtdmaLanguageServer server = new DtdmaLanguageServer(c -> { });
        server.connect(client);
        InitializeParams ip = new InitializeParams();
        ip.setWorkspaceFolders(List.of(new WorkspaceFolder(FSL.toUri().toString(), "fsl")));
        server.initialize(ip).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
        Path dtsi = FSL.resolve("imx8mp.dtsi");
        Path evk = FSL.resolve("imx8mp-evk.dts");
        Path first = server.ws().contexts(dtsi).get(0);
        assertTrue(!first.equals(evk), "the sorted-order default is another board: " + first);
        for (Path p : List.of(evk, dtsi)) {
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(p.toUri().toString(), "dts", 1, Files.readString(p))));
        }
        server.awaitIdle();
        assertEquals(evk, server.ws().activeContext(dtsi));
        assertNotNull(client.last(dtsi.toUri().toString()));
        assertTrue(client.publishedFor(first.toUri().toString()).stream().allMatch(d -> d.getDiagnostics().isEmpty()),
                "nothing published for " + first.getFileName() + ", which the user never opened");
        server.shutdown().join();
    }
}
