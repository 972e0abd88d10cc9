package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.Cancel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an edit to an include, only the edited file's active context is re-checked at once; the other open
 * boards that include it wait until the user is idle or a request needs them, and their diagnostics still end up
 * those of the final text.
 */
class LazyIncludersTest {
    @TempDir
    Path dir;

    private final Map<Path, DiagnosticsEngine.FileDiagnostics> last = new ConcurrentHashMap<>();

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toAbsolutePath().normalize();
    }

    @Test
    void otherIncludersWaitForIdleOrDemandAndEndWithTheFinalText() throws Exception {
        String socText = "/ { soc { uart: serial@1000 { reg = <0x1000 0x100>; }; }; };\n";
        Path soc = write("soc.dtsi", socText);
        String boardText = "/dts-v1/;\n#include \"soc.dtsi\"\n/ { model = \"m\"; };\n";
        Path a = write("a.dts", boardText);
        Path b = write("b.dts", boardText);
        Workspace ws = new Workspace(Settings.DEFAULT, false);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        DiagnosticsEngine e = new DiagnosticsEngine(ws, fd -> last.put(fd.file(), fd));
        try {
            for (Path p : List.of(a, b)) {
                ws.open(p, 1, Files.readString(p));
                e.changed(p);
            }
            ws.open(soc, 1, socText);
            assertTrue(ws.setActiveContext(soc, a));
            e.changed(soc);
            e.awaitIdle();
            assertTrue(e.deferred().isEmpty());

            // the edit: a is the include's active context and goes at once; b waits
            ws.change(soc, 2, List.of(new Document.Change(null, socText + "&missing_one { };\n")));
            e.changed(soc);
            assertEquals(java.util.Set.of(b), e.deferred(), "the other includer waits for the user to be idle");
            e.awaitIdle(); // includes the idle delay
            assertTrue(e.deferred().isEmpty());
            Analysis ab = ws.cachedAnalysis(b);
            assertNotNull(ab, "b was re-analysed once the user was idle");
            assertEquals(2, ab.versions().get(soc), "on the final text of the include");
            assertTrue(ab.result().diagnostics().stream().anyMatch(d -> d.message().contains("missing_one")));
            assertEquals(2, last.get(soc).version());
            assertTrue(last.get(soc).diagnostics().stream().anyMatch(d -> d.message().contains("missing_one")),
                    last.get(soc).diagnostics().toString());

            // another edit, then a request on b's file: b is needed now, not after the idle delay
            ws.change(soc, 3, List.of(new Document.Change(null, socText + "&missing_two { };\n")));
            e.changed(soc);
            assertTrue(e.deferred().contains(b));
            ws.view(b, Cancel.NONE);
            assertFalse(e.deferred().contains(b), "a request on one of its files takes it out of the idle queue");
            e.awaitIdle();
            Analysis ab3 = ws.cachedAnalysis(b);
            assertNotNull(ab3);
            assertEquals(3, ab3.versions().get(soc));
            assertTrue(ab3.result().diagnostics().stream().anyMatch(d -> d.message().contains("missing_two")));
            assertFalse(last.get(soc).diagnostics().stream().anyMatch(d -> d.message().contains("missing_one")),
                    "the published diagnostics are the final text's: " + last.get(soc).diagnostics());
        } finally {
            e.shutdown();
        }
    }

    @Test
    void idleWorkOnAnIncluderYieldsToTheNextEditAndWaitsForTheNextIdlePeriod() throws Exception {
        String socText = "/ { soc { uart: serial@1000 { reg = <0x1000 0x100>; }; }; };\n";
        Path soc = write("soc.dtsi", socText);
        Path a = write("a.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n/ { model = \"a\"; };\n");
        StringBuilder big = new StringBuilder("/dts-v1/;\n#include \"soc.dtsi\"\n/ {\n");
        for (int i = 0; i < 12000; i++) {
            big.append("\tn").append(i).append(": node-").append(i).append(" { link = <&n").append((i + 1) % 12000)
                    .append(">; };\n");
        }
        Path b = write("b.dts", big.append("};\n").toString()); // slow to analyse
        Workspace ws = new Workspace(Settings.DEFAULT, false);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        DiagnosticsEngine e = new DiagnosticsEngine(ws, fd -> last.put(fd.file(), fd));
        try {
            for (Path p : List.of(a, b)) {
                ws.open(p, 1, Files.readString(p));
                e.changed(p);
            }
            ws.open(soc, 1, socText);
            assertTrue(ws.setActiveContext(soc, a));
            e.changed(soc);
            e.awaitIdle();

            ws.change(soc, 2, List.of(new Document.Change(null, socText + "&missing_one { };\n")));
            e.changed(soc);
            assertTrue(e.deferred().contains(b));
            long end = System.nanoTime() + 30_000_000_000L;
            while (!e.deferred().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(2); // the idle period passes: b's analysis starts
            }
            assertTrue(e.deferred().isEmpty());
            // an edit of a, which b does not read: b's analysis in flight yields and waits for idle again
            String aText = ws.document(a).text();
            ws.change(a, 2, List.of(new Document.Change(null, aText + "/ { x = <1>; };\n")));
            e.changed(a);
            while (!e.deferred().contains(b) && System.nanoTime() < end) {
                Thread.sleep(2);
            }
            assertTrue(e.deferred().contains(b), "the idle work on b stopped for the edit and was put back");
            assertTrue(ws.cachedAnalysis(b) == null, "b's analysis did not run to the end");
            e.awaitIdle();
            Analysis ab = ws.cachedAnalysis(b);
            assertNotNull(ab);
            assertEquals(2, ab.versions().get(soc));
            assertTrue(ab.result().diagnostics().stream().anyMatch(d -> d.message().contains("missing_one")));
        } finally {
            e.shutdown();
        }
    }
}
