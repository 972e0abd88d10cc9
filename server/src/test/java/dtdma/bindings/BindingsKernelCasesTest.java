package dtdma.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtdma.testing.Kernel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differences the every-board run against dt-validate showed, each reduced to the nodes of the board that
 * showed it and validated against the kernel's own bindings (compared in the differential test's form).
 */
class BindingsKernelCasesTest {
    private static BindingSet set;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        Path kernel = Kernel.tree();
        Path dtSchema = BindingSources.dtSchemaDir(null).orElse(null);
        Assumptions.assumeTrue(dtSchema != null, "dt-schema not installed (scripts/setup-corpus.sh installs it)");
        set = BindingSet.load(kernel.resolve("Documentation/devicetree/bindings"), dtSchema,
                BindingSources.defaultCacheDir(), null);
    }

    private List<String> keys(String body, String nodeName) throws IOException {
        Path f = tmp.resolve("board.dts");
        Files.writeString(f, "/dts-v1/;\n/ {\n\tcompatible = \"vendor,board\";\n\tmodel = \"m\";\n"
                + "\t#address-cells = <1>;\n\t#size-cells = <1>;\n" + body + "};\n");
        Boards boards = new Boards(List.of(), false);
        boards.setBindings(set);
        Analysis a = boards.analyse(f, () -> false);
        return a.bindings().findings().stream().filter(x -> x.validated().name().equals(nodeName))
                .map(x -> DtValidateOracle.key(x).toString()).sorted().toList();
    }

    /**
     * imx6dl-aristainetos2_4's lg,lg4573 panel: its display-timings child is named {@code 480x800p57}, which
     * display-timings.yaml (through panel-common.yaml) rejects, and the panel binding is closed by
     * {@code unevaluatedProperties: false}. dt-validate reports the child name once on the panel (the property
     * whose subschema failed is also "unevaluated", an echo it reports in the same line as the others).
     */
    @Test
    void displayTimingsChildNameIsReportedOnce() throws IOException {
        String panel = """
                \tdisplay@0 {
                \t\tcompatible = "lg,lg4573";
                \t\treg = <0>;
                \t\tspi-max-frequency = <10000000>;
                \t\tpower-on-delay = <10>;
                \t\tdisplay-timings {
                \t\t\t480x800p57 {
                \t\t\t\tclock-frequency = <27000027>;
                \t\t\t\thactive = <480>; vactive = <800>;
                \t\t\t\thfront-porch = <10>; hback-porch = <59>; hsync-len = <10>;
                \t\t\t\tvback-porch = <15>; vfront-porch = <15>; vsync-len = <15>;
                \t\t\t};
                \t\t};
                \t};
                """;
        assertEquals(List.of("display@0: display-timings [UNEXPECTED]", "display@0: power-on-delay [UNEXPECTED]"),
                keys(panel, "display@0"));
        assertEquals(List.of("display-timings: 480x800p57 [UNEXPECTED]"), keys(panel, "display-timings"));
    }

    /**
     * imx6dl-b1x5pv2.dtsi's simple-audio-card: widgets and routing are string lists (simple-card.yaml's
     * definitions are non-unique-string-array), so dtdma has nothing to say about their type. dt-validate 2022.08
     * reports "is not of type 'string'" on them because it decodes the blob without a type for them; those lines
     * are not compared (see DtValidateOracle.parse).
     */
    @Test
    void simpleAudioCardStringListsAreStrings() throws IOException {
        String sound = """
                	sound {
                		compatible = "simple-audio-card";
                		simple-audio-card,name = "audio-card";
                		simple-audio-card,format = "i2s";
                		simple-audio-card,widgets = "Speaker", "Ext Spk";
                		simple-audio-card,routing = "Ext Spk", "LINE";
                		simple-audio-card,cpu { sound-dai = <&ssi1>; };
                		simple-audio-card,codec { sound-dai = <&codec>; };
                	};
                	ssi1: ssi { #sound-dai-cells = <0>; };
                	codec: codec { #sound-dai-cells = <0>; };
                """;
        assertEquals(List.of(), keys(sound, "sound"));
        // a widgets value that is not strings is still a type finding
        assertEquals(List.of("sound: simple-audio-card,widgets [TYPE]"),
                keys(sound.replace("\"Speaker\", \"Ext Spk\"", "<1 2>"), "sound"));
    }

    /** panel-lvds.yaml refers to {@code /schemas/display/lvds.yaml/#}: dt-validate applies it, so must dtdma. */
    @Test
    void aRefWithATrailingSlashNamesTheSchema() throws IOException {
        org.junit.jupiter.api.Assertions.assertNotNull(
                set.compiled(set.byId(BindingSet.BASE + "display/panel/panel-lvds.yaml#")));
        // dt-validate on a board's bare "panel-lvds" node: compatible too short (and not one of the panels)
        String panel = "\tpanel-lvds {\n\t\tcompatible = \"panel-lvds\";\n\t};\n";
        List<String> k = keys(panel, "panel-lvds");
        org.junit.jupiter.api.Assertions.assertTrue(k.contains("panel-lvds: compatible [COUNT]"), k.toString());
    }

    /**
     * imx6q-evi's SPI EEPROM {@code m95m02@1} (atmel,at25): at25.yaml's {@code $nodename} is an {@code anyOf} of
     * two patterns with a {@code {1,2}} quantifier. The finding's message quotes them; it used to go through the
     * validator library's MessageFormat, which read "{1,2}" as a format element and failed the whole board.
     */
    @Test
    void aMessageQuotingARegexWithBracesIsKeptAsWritten() throws IOException {
        String spi = """
                	spi@2000 {
                		compatible = "fsl,imx51-ecspi";
                		reg = <0x2000 0x4000>;
                		#address-cells = <1>;
                		#size-cells = <0>;
                		m95m02@1 {
                			compatible = "st,m95m02", "atmel,at25";
                			size = <262144>;
                			pagesize = <256>;
                			address-width = <24>;
                			spi-max-frequency = <5000000>;
                			reg = <1>;
                		};
                	};
                """;
        assertEquals(List.of("m95m02@1: $nodename [CONDITION]"), keys(spi, "m95m02@1"));
        Path f = tmp.resolve("board.dts");
        Boards boards = new Boards(List.of(), false);
        boards.setBindings(set);
        List<String> all = boards.analyse(f, () -> false).result().diagnostics().stream()
                .filter(d -> d.code() == dtdma.check.Code.BND006).map(dtdma.check.Diagnostic::message).toList();
        List<String> messages = all.stream().filter(m -> m.startsWith("node name")).toList();
        // a rule failing on the node itself (the bus's oneOf here) reads without the empty instance location
        org.junit.jupiter.api.Assertions.assertTrue(all.contains("must be valid to one and only one schema, but 0 "
                + "are valid (binding `spi/fsl-imx-cspi.yaml`)"), all.toString());
        assertEquals(List.of("node name: none of the 2 alternatives holds: does not match the regex pattern "
                + "^eeprom@[0-9a-f]{1,2}$; does not match the regex pattern ^fram@[0-9a-f]{1,2}$ (binding "
                + "`eeprom/at25.yaml`)"), messages);
    }

    /**
     * fsl-ls1028a.dtsi's {@code syscon@1e60000} is only {@code "syscon"}: syscon.yaml's {@code anyOf} fails on an
     * item (not in the enum) and on the list (fewer than 2 items). One failing {@code anyOf}, as dt-validate says.
     */
    @Test
    void anAnyOfFailingOnAnItemAndOnTheListIsOneFinding() throws IOException {
        String syscon = "\tsyscon@1e60000 {\n\t\tcompatible = \"syscon\";\n\t\treg = <0x1e60000 0x10000>;\n\t};\n";
        assertEquals(List.of("syscon@1e60000: compatible [CONDITION]"), keys(syscon, "syscon@1e60000"));
    }

    @Test
    void dtValidatesUndecodedStringListsAreNotCompared() {
        String report = """
                BOARD.dtb: sound: simple-audio-card,widgets:0: [1399874913, 1801810432, 1165521952, 1399876352] is not of type 'string'
                	From schema: Documentation/devicetree/bindings/sound/simple-card.yaml
                BOARD.dtb: sound: simple-audio-card,routing: b'Headphone Jack\\x00TPA6130A2 HPLEFT\\x00' is not of type 'array'
                BOARD.dtb: sound: simple-audio-card,widgets:0: [1, 2] is not of type 'string'
                """;
        // "Speaker\0Ext Spk\0" read as cells is not compared; cells that are no strings are a type finding
        assertEquals(List.of("sound: simple-audio-card,widgets [TYPE]"),
                DtValidateOracle.parse(report).stream().map(Object::toString).toList());
        assertEquals(true, DtValidateOracle.misdecodedStrings(
                "[1399874913, 1801810432, 1165521952, 1399876352] is not of type 'string'"));
        assertEquals(false, DtValidateOracle.misdecodedStrings("[1, 2] is not of type 'string'"));
    }
}
