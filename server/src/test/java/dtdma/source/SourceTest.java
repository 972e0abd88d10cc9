package dtdma.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.SourceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTest {
    @TempDir
    Path dir;

    @Test
    void loaderReadsOverlaysAndRefusesOddFiles() throws Exception {
        SourceLoader l = new SourceLoader(new SourceRegistry(), 100);
        Path a = Files.writeString(dir.resolve("a.dts"), "disk");
        assertEquals("disk", l.load(a).file().text());
        assertSame(l.load(a).file(), l.load(a).file());
        l.setOverlay(a, "buffer");
        assertEquals("buffer", l.load(a).file().text());
        l.setOverlay(a, null);
        assertEquals("disk", l.load(a).file().text());
        assertEquals(LoadResult.Error.NOT_FOUND, l.load(dir.resolve("none")).error());
        assertEquals(LoadResult.Error.NOT_REGULAR, l.load(dir).error());
        Path big = Files.writeString(dir.resolve("big"), "x".repeat(101));
        assertEquals(LoadResult.Error.TOO_LARGE, l.load(big).error());
        Path bin = Files.write(dir.resolve("bin"), new byte[] {'a', 0, 'b'});
        assertEquals(LoadResult.Error.BINARY, l.load(bin).error());
        Path bad = Files.write(dir.resolve("bad"), new byte[] {'a', (byte) 0xff, 'b'});
        assertEquals("a\uFFFDb", l.load(bad).file().text());
    }

    @Test
    void aFileRewrittenWithinOneTimestampTickIsReadAgain() throws Exception {
        SourceLoader l = new SourceLoader(new SourceRegistry());
        Path a = Files.writeString(dir.resolve("a.dts"), "v = <1>;");
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(a);
        assertEquals("v = <1>;", l.load(a).file().text());
        // the same size and, as on a coarse or fast clock, the same modification time
        Files.writeString(a, "w = <2>;");
        Files.setLastModifiedTime(a, t);
        assertEquals("w = <2>;", l.load(a).file().text());
    }

    @Test
    void fifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("fifo");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            if (p.waitFor() != 0) {
                return;
            }
        } catch (java.io.IOException e) {
            return;
        }
        assertEquals(LoadResult.Error.NOT_REGULAR, new SourceLoader(new SourceRegistry()).load(fifo).error());
    }

    @Test
    void resolverOrder() throws Exception {
        Path inc = Files.createDirectories(dir.resolve("inc"));
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(inc.resolve("x.h"), "inc");
        Files.writeString(sub.resolve("x.h"), "sub");
        Files.writeString(inc.resolve("only.h"), "inc");
        Path from = sub.resolve("board.dts");
        IncludeResolver r = new IncludeResolver(List.of(inc));
        assertEquals(sub.resolve("x.h"), r.resolveQuoted(from, "x.h").orElseThrow());
        assertEquals(inc.resolve("x.h"), r.resolveAngled("x.h").orElseThrow());
        assertEquals(inc.resolve("only.h"), r.resolveQuoted(from, "only.h").orElseThrow());
        assertEquals(sub.resolve("x.h"), r.resolveDtc(from, "x.h").orElseThrow());
        assertFalse(r.resolveAngled("none.h").isPresent());
        assertEquals(List.of(inc), r.searchPath(IncludeResolver.Kind.ANGLED, from));
        assertEquals(dir.resolve("inc/x.h"), r.resolveQuoted(from, "../inc/x.h").orElseThrow());
    }

    @Test
    void kernelTreeDetection() throws Exception {
        Path k = dir.resolve("linux");
        Files.createDirectories(k.resolve("scripts/dtc/include-prefixes"));
        Path d = Files.createDirectories(k.resolve("arch/arm64/boot/dts/freescale"));
        Path b = Files.writeString(d.resolve("b.dts"), "");
        KernelTree t = KernelTree.detect(b).orElseThrow();
        assertEquals(k.toAbsolutePath().normalize(), t.root());
        assertEquals(List.of(k.resolve("scripts/dtc/include-prefixes").toAbsolutePath().normalize()), t.includePaths());
        assertTrue(KernelTree.detect(dir.resolve("other.dts")).isEmpty());
    }
}
