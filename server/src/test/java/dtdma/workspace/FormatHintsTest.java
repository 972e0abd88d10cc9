package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.features.CodeActionFeature;
import dtdma.features.StyleActions;
import dtdma.features.TextEdit;
import dtdma.format.DtsFormatter;
import dtdma.format.EntryHints;
import dtdma.format.FormatOptions;
import dtdma.style.StyleChecks;
import dtdma.style.StyleHints;
import dtdma.text.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry sizes and the order of definitions a real board's merged tree gives the formatter and the style
 * checks: a SoC {@code .dtsi} with a clock, GPIO and interrupt provider and a bus, a board that includes it.
 */
class FormatHintsTest {
    static final String SOC = """
            #define TWO 1 2
            #define SPI_IRQ(n) 0 n 4
            / {
            	#address-cells = <1>;
            	#size-cells = <1>;

            	gic: interrupt-controller@1000 {
            		reg = <0x1000 0x100>;
            		#interrupt-cells = <3>;
            		interrupt-controller;
            	};

            	clk: clock-controller@2000 {
            		reg = <0x2000 0x100>;
            		#clock-cells = <1>;
            	};

            	osc: oscillator {
            		#clock-cells = <0>;
            	};

            	gpio1: gpio@3000 {
            		reg = <0x3000 0x100>;
            		#gpio-cells = <2>;
            	};

            	soc {
            		interrupt-parent = <&gic>;
            		#address-cells = <1>;
            		#size-cells = <1>;
            		ranges = <0x0 0x10000 0x1000 0x2000 0x20000 0x1000>;

            		uart1: serial@0 {
            			reg = <0x0 0x100 0x800 0x100>;
            			interrupts = <0 10 4 SPI_IRQ(11)>;
            			clocks = <&clk 1 &osc &clk 2>;
            			reset-gpios = <&gpio1 3 0 &gpio1 4 1>;
            			other = <1 2 3 4>;
            		};

            		uart2: serial@2000 {
            			reg = <TWO 0x2100 0x100>;
            		};
            	};
            };
            """;

    static final String BOARD = """
            /dts-v1/;
            #include "soc.dtsi"

            / {
            	model = "board";
            };

            &uart2 {
            	status = "okay";
            };

            &uart1 {
            	status = "okay";
            };
            """;

    private static Map<Path, EntryHints> hints(Path dir) throws IOException {
        Path soc = dir.resolve("soc.dtsi");
        Path board = dir.resolve("board.dts");
        Files.writeString(soc, SOC);
        Files.writeString(board, BOARD);
        return FormatHints.forFiles(new Boards(List.of(), false), List.of(board, soc), p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                return null;
            }
        }, w -> {
            throw new AssertionError(w);
        });
    }

    @Test
    void theSocDtsiIsSplitWithTheSizesOfItsBoard(@TempDir Path dir) throws IOException {
        Map<Path, EntryHints> h = hints(dir);
        Path soc = dir.resolve("soc.dtsi").toAbsolutePath().normalize();
        String out = DtsFormatter.format(SOC, FormatOptions.KERNEL, h.get(soc)).text();
        assertTrue(out.contains("\t\tranges = <0x0 0x10000 0x1000>, <0x2000 0x20000 0x1000>;\n"), out);
        assertTrue(out.contains("\t\t\treg = <0x0 0x100>, <0x800 0x100>;\n"), out);
        // SPI_IRQ(11) is three cells: the value is left as written
        assertTrue(out.contains("\t\t\tinterrupts = <0 10 4 SPI_IRQ(11)>;\n"), out);
        assertTrue(out.contains("\t\t\tclocks = <&clk 1>, <&osc>, <&clk 2>;\n"), out);
        assertTrue(out.contains("\t\t\treset-gpios = <&gpio1 3 0>, <&gpio1 4 1>;\n"), out);
        assertTrue(out.contains("\t\t\tother = <1 2 3 4>;\n"), out);
        // TWO is two cells
        assertTrue(out.contains("\t\t\treg = <TWO 0x2100 0x100>;\n"), out);
        // without the board: only reg with the cell sizes in the same file
        String alone = DtsFormatter.format(SOC, FormatOptions.KERNEL).text();
        assertTrue(alone.contains("\t\t\tclocks = <&clk 1 &osc &clk 2>;\n"), alone);
        assertTrue(alone.contains("\t\t\treg = <0x0 0x100>, <0x800 0x100>;\n"), alone);
    }

    @Test
    void interruptsFollowTheInterruptParent(@TempDir Path dir) throws IOException {
        String soc = SOC.replace("interrupts = <0 10 4 SPI_IRQ(11)>", "interrupts = <0 10 4 0 11 4>");
        Files.writeString(dir.resolve("soc.dtsi"), soc);
        Files.writeString(dir.resolve("board.dts"), BOARD);
        Analysis a = new Boards(List.of(), false).analyse(dir.resolve("board.dts"), () -> false);
        EntryHints h = FormatHints.entries(a, dir.resolve("soc.dtsi"), soc);
        String out = DtsFormatter.format(soc, FormatOptions.KERNEL, h).text();
        assertTrue(out.contains("\t\t\tinterrupts = <0 10 4>, <0 11 4>;\n"), out);
        // a text the analysis did not read (an edit since) gets no hints
        assertSame(EntryHints.NONE, FormatHints.entries(a, dir.resolve("soc.dtsi"), soc + "\n"));
        // the walk over the tree stops when the formatting request is cancelled
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> FormatHints.entries(a, dir.resolve("soc.dtsi"), soc, () -> true));
        // nor does a .dtsi analysed alone, without a board
        Analysis alone = new Boards(List.of(), false).analyse(dir.resolve("soc.dtsi"), () -> false);
        assertSame(EntryHints.NONE, FormatHints.entries(alone, dir.resolve("soc.dtsi"), soc));
    }

    @Test
    void overridesInTheOrderOfTheDtsiAreAcceptedAndSortedThatWay(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("soc.dtsi"), SOC);
        Path b = dir.resolve("board.dts");
        String board = BOARD.replace("&uart2", "&TMP").replace("&uart1", "&uart2").replace("&TMP", "&uart1")
                + "\n&clk {\n\tstatus = \"okay\";\n};\n";
        // &uart1, &uart2, &clk: neither alphanumeric (clk first) nor the .dtsi's order (clk before the uarts)
        Files.writeString(b, board);
        Analysis a = new Boards(List.of(), false).analyse(b, () -> false);
        StyleHints order = FormatHints.labelOrder(a.tree());
        SourceFile f = a.file(b);
        List<Diagnostic> d = StyleChecks.run(f, order);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().contains("follow neither order"), d.get(0).message());
        // alphanumeric needs one move (clk first), the .dtsi's order one too: a tie goes to alphanumeric
        CodeActionFeature.Action fix = StyleActions.actions(f, order, 0, board.length()).stream()
                .filter(x -> x.title().startsWith("Sort &label")).findFirst().orElseThrow();
        assertEquals("Sort &label overrides alphanumerically", fix.title());

        // the .dtsi's order (osc, gpio1, uart1) is accepted though not alphanumeric
        String dtsiOrder = "/dts-v1/;\n#include \"soc.dtsi\"\n\n/ {\n};\n\n&osc {\n};\n\n&gpio1 {\n};\n\n&uart1 {\n};\n";
        Files.writeString(b, dtsiOrder);
        a = new Boards(List.of(), false).analyse(b, () -> false);
        assertEquals(List.of(), StyleChecks.run(a.file(b), FormatHints.labelOrder(a.tree())));
        // ... and reported without the board, where only the alphanumeric order can be judged
        List<Diagnostic> alone = StyleChecks.run(a.file(b));
        assertEquals(1, alone.size());
        assertTrue(alone.get(0).message().contains("cannot be judged here"), alone.get(0).message());

        // nearer to the .dtsi's order (uart1 to move) than to the alphanumeric one (three to move)
        String nearDtsi = "/dts-v1/;\n#include \"soc.dtsi\"\n\n/ {\n};\n\n&uart1 {\n};\n\n&gic {\n};\n\n&clk {\n};\n\n"
                + "&osc {\n};\n\n&gpio1 {\n};\n";
        Files.writeString(b, nearDtsi);
        a = new Boards(List.of(), false).analyse(b, () -> false);
        order = FormatHints.labelOrder(a.tree());
        f = a.file(b);
        d = StyleChecks.run(f, order);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).message().startsWith("override '&gic' comes after '&uart1'"), d.get(0).message());
        fix = StyleActions.actions(f, order, 0, nearDtsi.length()).stream()
                .filter(x -> x.title().startsWith("Sort &label")).findFirst().orElseThrow();
        assertEquals("Sort &label overrides in the order of the SoC .dtsi", fix.title());
        assertEquals("/dts-v1/;\n#include \"soc.dtsi\"\n\n/ {\n};\n\n&gic {\n};\n\n&clk {\n};\n\n&osc {\n};\n\n&gpio1 {\n};\n\n"
                + "&uart1 {\n};\n", TextEdit.apply(nearDtsi, fix.edits().get(f)));
    }
}
