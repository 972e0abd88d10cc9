package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.dtc.DtcWarnings;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick fixes of dtc's checks: applied in the editor, the finding goes away. */
class DtcFixesTest {
    private static Workspace ws(Path dir, String board) throws Exception {
        Files.writeString(dir.resolve("b.dts"), board);
        Settings s = new Settings(List.of(), null, null, null, DtcWarnings.of("W=1"));
        Workspace ws = new Workspace(s, false);
        ws.scan(List.of(dir), () -> false, (x, y) -> { });
        return ws;
    }

    private static final String HEAD = "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n";

    @Test
    void unitAddressIsAddedFromRegOrRemoved(@TempDir Path dir) throws Exception {
        Workspace w = ws(dir, HEAD + "\tserial {\n\t\treg = <0x1f00 0x10>;\n\t};\n\ttimer@200 { };\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = EditingFeaturesTest.fixAndReanalyse(w, b, b, "DC016");
        after = EditingFeaturesTest.fixAndReanalyse(w, b, b, "DC016");
        assertFalse(EditingFeaturesTest.has(after, "DC016"), after.toString());
        String text = w.document(b).text();
        assertTrue(text.contains("\tserial@1f00 {") && text.contains("\ttimer { };"), text);
    }

    @Test
    void unitAddressFormatDropsHexPrefixAndLeadingZeros(@TempDir Path dir) throws Exception {
        Workspace w = ws(dir, HEAD + "\tdev@0x0200 {\n\t\treg = <0x200 0x10>;\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = EditingFeaturesTest.fixAndReanalyse(w, b, b, "DC017");
        assertFalse(EditingFeaturesTest.has(after, "DC017"), after.toString());
        assertTrue(w.document(b).text().contains("\tdev@200 {"), w.document(b).text());
    }

    @Test
    void simpleBusChildGetsTheLowercaseAddressDtcExpects(@TempDir Path dir) throws Exception {
        Workspace w = ws(dir, HEAD + "\tsoc {\n\t\tcompatible = \"simple-bus\";\n\t\t#address-cells = <1>;\n"
                + "\t\t#size-cells = <1>;\n\t\tranges;\n\t\tuart@0ABC {\n\t\t\treg = <0xabc 0x10>;\n\t\t};\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = EditingFeaturesTest.fixAndReanalyse(w, b, b, "DC022");
        assertFalse(EditingFeaturesTest.has(after, "DC022"), after.toString());
        assertTrue(w.document(b).text().contains("\t\tuart@abc {"), w.document(b).text());
    }

    @Test
    void unnecessaryCellSizesAreRemoved(@TempDir Path dir) throws Exception {
        Workspace w = ws(dir, HEAD + "\tleds {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <0>;\n\t\tled-0 {\n"
                + "\t\t\tlabel = \"power\";\n\t\t};\n\t};\n};\n");
        Path b = dir.resolve("b.dts");
        List<Diagnostic> after = EditingFeaturesTest.fixAndReanalyse(w, b, b, "DC028");
        assertFalse(EditingFeaturesTest.has(after, "DC028"), after.toString());
        assertTrue(w.document(b).text().contains("\tleds {\n\t\tled-0 {"), w.document(b).text());
    }
}
