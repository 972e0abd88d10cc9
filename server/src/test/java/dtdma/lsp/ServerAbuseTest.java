package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language server object under a careless or hostile client: huge documents, bad edits, request storms. */
class ServerAbuseTest {
    @TempDir
    Path dir;
    RecordingClient client;
    DtdmaLanguageServer server;

    @BeforeEach
    void start() {
        client = new RecordingClient();
        server = new DtdmaLanguageServer(code -> { });
        server.connect(client);
        server.initialize(ServerAdapterTest.init(dir)).join();
        server.initialized(new InitializedParams());
        server.awaitIdle();
    }

    @AfterEach
    void stop() {
        server.shutdown().join();
    }

    private String open(String name, String text, int version) {
        String uri = dir.resolve(name).toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "dts", version, text)));
        return uri;
    }

    private void change(String uri, int version, int line, int ch, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(line, ch), new Position(line, ch)), text))));
    }

    private static String slowBoard(int props) {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n\tnode {\n");
        for (int i = 0; i < props; i++) {
            sb.append("\t\tprop-").append(i).append(" = <").append(i).append(" 0x10>;\n");
        }
        return sb.append("\t};\n};\n").toString();
    }

    @Test
    void aDocumentOverTheBudgetGetsOneDiagnosticSayingWhy() throws Exception {
        String text = "/dts-v1/;\n/ { };\n" + ("// " + "x".repeat(1020) + "\n").repeat(8300);
        assertTrue(text.length() > dtdma.check.Budgets.MAX_DOCUMENT_CHARS);
        String uri = open("huge.dts", text, 1);
        PublishDiagnosticsParams p = client.await(d -> d.getUri().equals(uri)).get(60, TimeUnit.SECONDS);
        assertEquals(1, p.getDiagnostics().size(), p.toString());
        assertEquals("LIM001", p.getDiagnostics().get(0).getCode().getLeft());
        assertTrue(p.getDiagnostics().get(0).getMessage().getLeft().contains("more than the 8388608"), p.toString());
    }

    @Test
    void editsBeyondTheEndOfALineAreClampedToTheLineEnd() throws Exception {
        String uri = open("a.dts", "/dts-v1/;\n/ {\n};\n", 1);
        Path p = dir.resolve("a.dts");
        change(uri, 2, 0, 100, " // x");
        assertEquals("/dts-v1/; // x\n/ {\n};\n", server.ws().document(p).text());
        change(uri, 3, 1, Integer.MAX_VALUE, " y");
        assertEquals("/dts-v1/; // x\n/ { y\n};\n", server.ws().document(p).text());
        change(uri, 4, 99, 0, "// end\n");
        assertEquals("/dts-v1/; // x\n/ { y\n};\n// end\n", server.ws().document(p).text());
        assertEquals(4, server.ws().document(p).version());
    }

    @Test
    void aHoverAndCancelStormKeepsTheThreadsBounded() throws Exception {
        String uri = open("slow.dts", slowBoard(20_000), 1);
        int before = Thread.activeCount();
        long requestThreadsBefore = requestThreads();
        List<CompletableFuture<Hover>> hs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            CompletableFuture<Hover> h = server.getTextDocumentService().hover(
                    new HoverParams(new TextDocumentIdentifier(uri), new Position(3 + i, 4)));
            hs.add(h);
            if (i % 2 == 0) {
                h.cancel(true);
            }
            if (i % 50 == 0) {
                change(uri, 2 + i, 0, 0, "");
            }
        }
        long requestThreads = requestThreads() - requestThreadsBefore; // other servers of this JVM keep theirs
        assertTrue(requestThreads <= DtsTextDocumentService.REQUEST_THREADS, "request threads: " + requestThreads);
        assertTrue(Thread.activeCount() - before < 30, "threads grew from " + before + " to " + Thread.activeCount());
        for (CompletableFuture<Hover> h : hs) {
            if (!h.isCancelled()) {
                h.get(120, TimeUnit.SECONDS);
            }
        }
    }

    private static long requestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("dtdma-request")).count();
    }

    @Test
    void aSlowBufferDoesNotHoldBackAnotherFilesDiagnostics() throws Exception {
        String slow = open("slow.dts", slowBoard(60_000), 1);
        assertNotNull(client.await(d -> d.getUri().equals(slow) && d.getVersion() == 1).get(120, TimeUnit.SECONDS));
        change(slow, 2, 0, 0, "// edited\n");
        String fast = open("fast.dts", "/dts-v1/;\n/ { a = <1>; a = <2>; };\n", 1);
        PublishDiagnosticsParams f = client.await(d -> d.getUri().equals(fast)).get(120, TimeUnit.SECONDS);
        assertTrue(f.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("TR008")), f.toString());
        List<PublishDiagnosticsParams> slowAfter = client.publishedFor(slow).stream()
                .filter(d -> d.getVersion() != null && d.getVersion() == 2).toList();
        assertTrue(slowAfter.isEmpty() || client.diagnostics.indexOf(f) < client.diagnostics.indexOf(slowAfter.get(0)),
                "the small file was published after the slow one");
        server.awaitIdle();
        assertTrue(Files.notExists(dir.resolve("slow.dts"))); // buffers only: nothing was written
    }
}
