package dtdma.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dtc conformance details: NUL bytes inside string literals (dtc's tests {@code embedded_nul.dts} and
 * {@code nul-in-escape.dts}), {@code &{/path}} in a plugin's cells, and {@code __fixups__} /
 * {@code __local_fixups__} nodes already written in a plugin's source. Compared with the real dtc where it agrees.
 */
class DtcDetailsTest {
    @TempDir
    Path dir;

    private BoardResult load(String name, byte[] src) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, src);
        return new Boards(List.of(), false).load(f);
    }

    private static List<Diagnostic> errors(BoardResult r) {
        return r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /** dtdma's tree, written back and compiled by dtc, gives dtc's own blob of the source. */
    private void sameBlobAsDtc(String name, byte[] src, BoardResult r) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dtc")), "dtc not installed");
        Path in = dir.resolve(name);
        Path dtb = dir.resolve(name + ".dtb");
        Path dumped = dir.resolve(name + ".dump.dts");
        Path dtb2 = dir.resolve(name + ".dump.dtb");
        assertEquals(0, dtc(in, dtb), "dtc accepts " + name);
        Files.writeString(dumped, DtsWriter.write(r.tree()));
        assertEquals(0, dtc(dumped, dtb2), Files.readString(dumped));
        assertArrayEquals(Files.readAllBytes(dtb), Files.readAllBytes(dtb2), Files.readString(dumped));
    }

    @Test
    void nulBytesInsideStringsAreAccepted() throws Exception {
        // a raw NUL inside a string, and a raw NUL right after a backslash
        byte[] src = "/dts-v1/;\n/ {\n\tprop = \"a\0b\";\n\tp2 = \"x\\\0y\";\n\tp3 = \"a\\0b\", \"c\";\n};\n"
                .getBytes(StandardCharsets.UTF_8);
        BoardResult r = load("nul.dts", src);
        assertEquals(List.of(), errors(r));
        Node root = r.tree().root();
        assertArrayEquals("a\0b\0".getBytes(StandardCharsets.UTF_8), root.property("prop").value().bytes());
        assertArrayEquals("x\0y\0".getBytes(StandardCharsets.UTF_8), root.property("p2").value().bytes());
        // one literal with an embedded NUL is written back as one literal, as dtc does
        String dump = DtsWriter.write(r.tree());
        assertTrue(dump.contains("p3 = \"a\\x00b\", \"c\";"), dump);
        sameBlobAsDtc("nul.dts", src, r);
    }

    @Test
    void binaryFilesAreStillRefused() throws IOException {
        byte[] src = "/dts-v1/;\n/ { };\n\0\0\0\1junk".getBytes(StandardCharsets.UTF_8);
        BoardResult r = load("junk.dts", src);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == Code.PP008 && d.message().contains("binary")),
                r.diagnostics().toString());
        // a NUL in a comment is outside a string: binary as well
        BoardResult c = load("comment.dts", "/dts-v1/;\n// x\0y\n/ { };\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.code() == Code.PP008), c.diagnostics().toString());
    }

    @Test
    void pathReferenceInPluginCellsIsAnError() throws IOException {
        String src = "/dts-v1/;\n/plugin/;\n/ { a { p = <&{/soc/x}>; q = <&lbl>; }; };\n";
        BoardResult r = load("ov.dtso", src.getBytes(StandardCharsets.UTF_8));
        List<Diagnostic> e = errors(r);
        assertEquals(1, e.size(), r.diagnostics().toString());
        assertEquals(Code.TR002, e.get(0).code());
        assertTrue(e.get(0).message().startsWith("can't generate fixup for reference to path &{/soc/x}"),
                e.get(0).message());
        // a label reference outside the overlay is a fixup, not an error; a path inside the overlay resolves
        BoardResult ok = load("ok.dtso", "/dts-v1/;\n/plugin/;\n/ { a { p = <&{/a}>; q = <&lbl>; }; };\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), errors(ok));
    }

    @Test
    void existingFixupNodesAreKeptAndMerged() throws Exception {
        byte[] src = ("/dts-v1/;\n/plugin/;\n/ {\n\t__fixups__ { foo = \"/a:q:0\"; };\n"
                + "\t__local_fixups__ { a { z = <0>; }; };\n\ta { p = <&foo &bar>; z = <&{/a}>; };\n};\n")
                .getBytes(StandardCharsets.UTF_8);
        BoardResult r = load("fx.dtso", src);
        assertEquals(List.of(), errors(r));
        Node fx = r.tree().root().child("__fixups__");
        assertEquals(List.of("/a:q:0", "/a:p:0"), fx.property("foo").value().strings());
        assertEquals(List.of("/a:p:4"), fx.property("bar").value().strings());
        assertEquals(1, r.tree().root().children().stream().filter(n -> n.name().equals("__fixups__")).count());
        assertEquals(8, r.tree().root().child("__local_fixups__").child("a").property("z").value().length());
        // dtc's blob of the source is dtdma's tree (a dump cannot be recompiled for this: dtc would merge the
        // generated entries a second time)
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dtc")), "dtc not installed");
        Path dtb = dir.resolve("fx.dtb");
        assertEquals(0, dtc(dir.resolve("fx.dtso"), dtb));
        var cmp = dtdma.conformance.TreeComparator.compare(r.tree(), dtdma.fdt.Fdt.parse(Files.readAllBytes(dtb)));
        assertTrue(cmp.equal(), cmp.differences().toString());
    }

    private static int dtc(Path in, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "dtc hung");
        return p.exitValue();
    }
}
