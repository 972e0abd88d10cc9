package dtdma.style;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the fixtures do not show: CRLF offsets, macro names, headers and unreadable text. */
class StyleChecksTest {
    private static List<String> run(String name, String text) {
        SourceFile f = new SourceFile(0, Path.of("/tmp", name), text);
        return StyleChecks.run(f).stream()
                .map((Diagnostic d) -> d.code().id() + " " + text.substring(d.span().start(), d.span().end())).toList();
    }

    @Test
    void spansAreRightInCrlfFiles() {
        assertEquals(List.of("STY005 0xAB"), run("a.dts", "/ {\r\n\tn {\r\n\t\tx = <0xAB>;\r\n\t};\r\n};\r\n"));
    }

    @Test
    void macroNamesAreSkipped() {
        assertEquals(List.of(), run("a.dtsi", "/ {\n\tCP_LABEL(Eth0): CP_NODE(Eth) {\n\t};\n};\n"));
    }

    @Test
    void onlySourceFilesAndReadableOnes() {
        assertEquals(List.of(), run("a.h", "/ {\n\tBad_Name {\n\t};\n};\n"));
        assertEquals(List.of(), run("a.dts", "/ {\n\tBad_Name {\n"));
    }

    @Test
    void theChecksStopWhenCancelled() {
        SourceFile f = new SourceFile(0, Path.of("/tmp", "a.dts"), "/ {\n\tBad_Name {\n\t\tx = <0xAB>;\n\t};\n};\n");
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> StyleChecks.run(f, StyleHints.NONE, () -> true));
        // after two polls: the file read, and then the first check; the rest do not run
        int[] polls = {0};
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> StyleChecks.run(f, StyleHints.NONE, () -> ++polls[0] > 2));
        assertEquals(3, polls[0]);
        assertEquals(2, StyleChecks.run(f, StyleHints.NONE, () -> false).size());
    }

    @Test
    void naturalOrder() {
        assertEquals(-1, Integer.signum(Names.natural("vdd-0v9-supply", "vdd-1v8-supply")));
        assertEquals(-1, Integer.signum(Names.natural("vdd-1v8-supply", "vdd-12v-supply")));
        assertEquals("a00,0", Names.normalUnit("0A00,00"));
    }
}
