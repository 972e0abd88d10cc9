package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background publisher: per-board invalidation, a flood of edits, the final text's diagnostics. */
class DiagnosticsEngineTest {
    @TempDir
    Path dir;

    private final Map<Path, DiagnosticsEngine.FileDiagnostics> last = new ConcurrentHashMap<>();
    private final Map<Path, Integer> count = new ConcurrentHashMap<>();

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toAbsolutePath().normalize();
    }

    private DiagnosticsEngine engine(Workspace ws) {
        return new DiagnosticsEngine(ws, fd -> {
            last.put(fd.file(), fd);
            count.merge(fd.file(), 1, Integer::sum);
        });
    }

    private static boolean has(DiagnosticsEngine.FileDiagnostics fd, String code) {
        return fd.diagnostics().stream().anyMatch(d -> d.code().id().equals(code));
    }

    @Test
    void aFloodOfEditsEndsWithTheFinalTextsDiagnostics() throws Exception {
        Path soc = write("soc.dtsi", "/ { soc { uart: serial@1000 { reg = <0x1000 0x100>; }; }; };\n");
        String boardText = "/dts-v1/;\n#include \"soc.dtsi\"\n/ { model = \"m\"; };\n";
        Path a = write("a.dts", boardText);
        Path b = write("b.dts", boardText);
        Workspace ws = new Workspace(Settings.DEFAULT, false);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        DiagnosticsEngine e = engine(ws);
        try {
            ws.open(a, 1, boardText);
            e.changed(a);
            ws.open(b, 1, boardText);
            e.changed(b);
            e.awaitIdle();
            assertFalse(has(last.get(a), "DTS005"));
            int version = 1;
            for (int i = 0; i < 300; i++) {
                // every other edit references an undefined label, the last one does
                String t = boardText + (i % 2 == 0 ? "&nowhere { };\n" : "/ { x = <" + i + ">; };\n");
                version++;
                ws.change(a, version, List.of(new Document.Change(null, i == 299 ? boardText + "&nowhere { };\n" : t)));
                e.changed(a);
            }
            e.awaitIdle();
            DiagnosticsEngine.FileDiagnostics fa = last.get(a);
            assertEquals(version, fa.version(), "the final version is published");
            assertTrue(fa.diagnostics().stream().anyMatch(d -> d.message().contains("nowhere")),
                    "the final text's error: " + fa.diagnostics());
            assertTrue(count.get(a) < 300, "superseded versions are not all published: " + count.get(a));
            assertFalse(last.get(b).diagnostics().stream().anyMatch(d -> d.message().contains("nowhere")),
                    "the other board is untouched");

            // an edit to the shared include: both boards' diagnostics follow it, the include's own version too
            int before = count.getOrDefault(b, 0);
            String socText = Files.readString(soc);
            ws.open(soc, 1, socText);
            e.changed(soc);
            ws.change(soc, 2, List.of(new Document.Change(null, socText + "&missing_too { };\n")));
            e.changed(soc);
            e.awaitIdle();
            assertEquals(2, last.get(soc).version());
            assertTrue(last.get(soc).diagnostics().stream().anyMatch(d -> d.message().contains("missing_too")),
                    last.get(soc).diagnostics().toString());
            assertTrue(count.get(b) > before, "the other includer is re-checked");
        } finally {
            e.shutdown();
        }
    }
}
