package dtdma.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dtc's checks on whole boards: prerequisites, where findings sit, related locations, what they carry. */
class DtcChecksTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<Diagnostic> dc(BoardResult r, Code code) {
        return r.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    private static final String SOC = """
            / {
            	#address-cells = <1>;
            	#size-cells = <1>;
            	soc {
            		compatible = "simple-bus";
            		#address-cells = <1>;
            		#size-cells = <1>;
            		ranges;
            		uart: serial@100 {
            			reg = <0x100 0x10>;
            		};
            		timer@300 {
            			reg = <0x200 0x10>;
            		};
            	};
            };
            """;

    /** As in dtc, a malformed reg anywhere skips simple_bus_reg for the whole board. */
    @Test
    void aFailedPrerequisiteSkipsTheCheckForTheWholeBoard() throws IOException {
        write("soc.dtsi", SOC);
        Path ok = write("ok.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n");
        Path bad = write("bad.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n&uart { reg = <0x100 0x10 0x1>; };\n");
        Boards b = new Boards(List.of(), false, null, DtcWarnings.of("W=1"));
        BoardResult r = b.load(ok);
        assertEquals(1, dc(r, Code.DC022).size(), r.diagnostics().toString());
        assertTrue(dc(r, Code.DC022).get(0).message().contains("expected \"200\""));
        BoardResult r2 = b.load(bad);
        assertEquals(1, dc(r2, Code.DC013).size(), r2.diagnostics().toString());
        assertEquals(0, dc(r2, Code.DC022).size(), "reg_format failed, so dtc skips simple_bus_reg");
        // and at the kernel's default level simple_bus_reg is off
        assertEquals(0, dc(new Boards(List.of(), false).load(ok), Code.DC022).size());
    }

    /** The finding sits on the value where it was last written: the board's override, not the .dtsi. */
    @Test
    void findingsSitWhereTheValueWasLastWritten() throws IOException {
        write("soc.dtsi", SOC);
        Path bad = write("bad.dts", "/dts-v1/;\n#include \"soc.dtsi\"\n&uart { reg = <0x100 0x10 0x1>; };\n");
        Boards b = new Boards(List.of(), false);
        BoardResult r = b.load(bad);
        Diagnostic d = dc(r, Code.DC013).get(0);
        SourceFile f = b.sources().get(d.span().fileId());
        assertEquals("bad.dts", f.path().getFileName().toString());
        assertEquals("reg", f.text().substring(d.span().start(), d.span().end()));
        assertEquals(new Diagnostic.Subject("/soc/serial@100", "reg", "reg_format"), d.subject());
        assertTrue(d.message().contains("property has invalid length (12 bytes) (#address-cells == 1, #size-cells == 1)"),
                d.message());
        assertTrue(d.message().endsWith("[dtc reg_format]"), d.message());
        assertEquals(Code.DC013.severity(), d.severity());
    }

    @Test
    void duplicateUnitAddressesLinkTheOtherNode() throws IOException {
        Path p = write("dup.dts", """
                /dts-v1/;
                / {
                	#address-cells = <1>;
                	#size-cells = <1>;
                	a@10 { reg = <0x10 4>; };
                	b@10 { reg = <0x10 4>; };
                };
                """);
        Boards b = new Boards(List.of(), false, null, DtcWarnings.of("W=1"));
        BoardResult r = b.load(p);
        List<Diagnostic> ds = dc(r, Code.DC029);
        assertEquals(1, ds.size(), r.diagnostics().toString());
        Diagnostic d = ds.get(0);
        assertEquals("/a@10", d.subject().nodePath());
        SourceFile f = b.sources().get(d.span().fileId());
        assertEquals("a@10", f.text().substring(d.span().start(), d.span().end()));
        assertEquals(1, d.related().size());
        assertEquals("b@10", f.text().substring(d.related().get(0).span().start(), d.related().get(0).span().end()));
    }

    /** dtc's dmas_property and DT007 see the same short specifier: one finding, which names dtc's check. */
    @Test
    void dmasPropertyAndDt007AreOneFinding() throws IOException {
        Path p = write("dma.dts", """
                /dts-v1/;
                / {
                	dma: dma-controller {
                		#dma-cells = <1>;
                	};
                	dev {
                		dmas = <&dma>;
                		dma-names = "rx";
                	};
                };
                """);
        BoardResult r = new Boards(List.of(), false, null, DtcWarnings.ALL).load(p);
        assertEquals(0, dc(r, Code.DC039).size(), r.diagnostics().toString());
        List<Diagnostic> dt7 = dc(r, Code.DT007);
        assertEquals(1, dt7.size(), r.diagnostics().toString());
        assertEquals(new Diagnostic.Subject("/dev", "dmas", "dmas_property"), dt7.get(0).subject());
        // without dtc's check the DMA finding stands alone, naming no dtc check
        BoardResult none = new Boards(List.of(), false, null, DtcWarnings.NONE).load(p);
        assertEquals(null, dc(none, Code.DT007).get(0).subject());
    }

    /** Nonsense values give findings, never an internal error or a hang. */
    @Test
    void nonsenseValuesGiveFindingsNotFailures() throws IOException {
        Path p = write("junk.dts", """
                /dts-v1/;
                / {
                	#address-cells = <1>;
                	#size-cells = <1>;
                	clk: clk { #clock-cells = <0x7fffffff>; };
                	neg: neg { #clock-cells = <0xffffffff>; };
                	a { clocks = <&clk 1>, <&neg>; reg = [01 02 03]; interrupts = [01]; };
                	pci@1 { device_type = "pci"; reg = <1 1>; bus-range = [01]; ranges;
                		#address-cells = <3>; #size-cells = <2>; d@0 { reg = [00]; }; };
                	i2c@2 { reg = <2 1>; #address-cells = <1>; #size-cells = <0>; x@1 { reg = [01]; }; };
                	port { endpoint { reg = [00 00]; remote-endpoint = <&clk>; }; };
                	aliases { empty; x = [00]; };
                };
                """);
        BoardResult r = new Boards(List.of(), false, null, DtcWarnings.ALL).load(p);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code() == Code.INT001), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code() == Code.DC035), r.diagnostics().toString());
    }

    /** dtc never compiles a .dtsi alone: analysed without a board, it gets none of dtc's findings. */
    @Test
    void partialTreesGetNoDtcFindings() throws IOException {
        Path p = write("alone.dtsi", "/ { node@1 { }; };\n");
        BoardResult r = new Boards(List.of(), false, null, DtcWarnings.ALL).load(p);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.code().id().startsWith("DC")), r.diagnostics().toString());
    }

    @Test
    void levelNoneReportsNothingAndAllReportsTheStrictChecks() throws IOException {
        Path p = write("strict.dts", "/dts-v1/;\n/ { bad_name { }; };\n");
        assertTrue(new Boards(List.of(), false, null, DtcWarnings.NONE).load(p).diagnostics().isEmpty());
        BoardResult all = new Boards(List.of(), false, null, DtcWarnings.ALL).load(p);
        assertEquals(1, dc(all, Code.DC001).size(), all.diagnostics().toString());
    }
}
