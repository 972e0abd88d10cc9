package dtdma.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dtdma format} and {@code dtdma check --style} as CI users meet them. */
class FormatCommandTest {
    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static final String MESSY = "/dts-v1/;\n/ {\n\tmodel=\"x\";\n};\n";
    static final String CLEAN = "/dts-v1/;\n\n/ {\n\tmodel = \"x\";\n};\n";

    @Test
    void checkListsFilesThatWouldChangeAndExitsOne(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.dts"), MESSY);
        Files.createDirectories(dir.resolve("sub"));
        Path b = Files.writeString(dir.resolve("sub/b.dtsi"), CLEAN);
        Run r = run("format", "--check", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(a + "\n", r.out());
        assertTrue(r.err().contains("1 of 2 file(s) would be reformatted"), r.err());
        assertEquals(MESSY, Files.readString(a));
        assertEquals(0, run("format", "--check", b.toString()).code());
    }

    @Test
    void diffPrintsAUnifiedDiff(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.dts"), MESSY);
        Run r = run("format", "--diff", a.toString());
        assertEquals(0, r.code());
        assertEquals("--- a/" + a + "\n+++ b/" + a + "\n@@ -1,4 +1,5 @@\n /dts-v1/;\n+\n / {\n-\tmodel=\"x\";\n"
                + "+\tmodel = \"x\";\n };\n", r.out());
        assertEquals(MESSY, Files.readString(a));
    }

    @Test
    void rewritesInPlaceKeepingTheMode(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.dts"), MESSY);
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r-----"));
        Run r = run("format", a.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(CLEAN, Files.readString(a));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void unformattableFilesAreLeftAloneAndNamed(@TempDir Path dir) throws IOException {
        String odd = "/ {\n\tx = <1\n#ifdef A\n\t2\n#endif\n\t>;\n};\n";
        Path a = Files.writeString(dir.resolve("a.dts"), odd);
        Run r = run("format", a.toString());
        assertEquals(0, r.code());
        assertTrue(r.err().contains(a + ":3: left as it is: preprocessor directive inside a property value"), r.err());
        assertEquals(odd, Files.readString(a));
        assertEquals(2, run("format", dir.resolve("missing.dts").toString()).code());
        assertEquals(2, run("format").code());
        assertEquals(2, run("format", "--bogus", a.toString()).code());
        assertTrue(run("format", "--help").out().contains("--check"));
    }

    @Test
    void checkStyleReportsStyleFindings(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(dir.resolve("a.dts"), "/dts-v1/;\n/ {\n\tn {\n\t\tstatus = \"okay\";\n"
                + "\t\tcompatible = \"x\";\n\t};\n};\n");
        Run plain = run("check", "--no-kernel-detect", a.toString());
        assertTrue(!plain.out().contains("STY"), plain.out());
        Run r = run("check", "--no-kernel-detect", "--style", a.toString());
        assertTrue(r.out().contains(a + ":4:3: info: 'status' comes before 'compatible': the kernel's DTS coding style"
                + " puts status last [STY008]"), r.out());
        assertEquals(0, r.code(), "style findings are information, not failures");
    }

    static final String SOC = "/ {\n\tclk: clock-controller {\n\t\t#clock-cells = <1>;\n\t};\n\n\tn {\n"
            + "\t\tclocks = <&clk 1 &clk 2>;\n\t};\n};\n";

    @Test
    void aDtsiTakesItsEntrySizesFromABoardThatIncludesIt(@TempDir Path dir) throws IOException {
        Path soc = Files.writeString(dir.resolve("soc.dtsi"), SOC);
        Files.writeString(dir.resolve("board.dts"), "/dts-v1/;\n\n#include \"soc.dtsi\"\n");
        String split = SOC.replace("<&clk 1 &clk 2>", "<&clk 1>, <&clk 2>");
        // the .dtsi alone: its board is found in its directory
        Run r = run("format", "--diff", soc.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("+\t\tclocks = <&clk 1>, <&clk 2>;\n"), r.out());
        // --as-written: no analysis, no sizes, nothing to change
        Run w = run("format", "--check", "--as-written", soc.toString());
        assertEquals(0, w.code(), w.out() + w.err());
        // the directory: the board explains the .dtsi
        Run d = run("format", dir.toString());
        assertEquals(0, d.code(), d.err());
        assertEquals(split, Files.readString(soc));
        // a .dtsi no board includes gets no sizes
        Path lone = Files.writeString(dir.resolve("sub-lone.dtsi"), SOC);
        assertEquals(0, run("format", "--check", lone.toString()).code());
    }

    @Test
    void checkStyleAcceptsOverridesInTheOrderOfTheDtsi(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("soc.dtsi"), "/ {\n\tuart: serial {\n\t};\n\n\ti2c: i2c {\n\t};\n};\n");
        String board = "/dts-v1/;\n\n#include \"soc.dtsi\"\n\n/ {\n\tmodel = \"x\";\n};\n\n&uart {\n\tstatus = \"okay\";\n};\n\n"
                + "&i2c {\n\tstatus = \"okay\";\n};\n";
        Path b = Files.writeString(dir.resolve("board.dts"), board);
        // &uart before &i2c: not alphanumeric, but the order of the .dtsi
        Run r = run("check", "--no-kernel-detect", "--style", b.toString());
        assertTrue(!r.out().contains("STY007"), r.out());
        // a third override out of both orders
        Files.writeString(b, board.replace("&uart {", "&i2c {\n};\n\n&uart {"));
        Run bad = run("check", "--no-kernel-detect", "--style", b.toString());
        assertTrue(bad.out().contains("[STY007]"), bad.out());
    }
}
