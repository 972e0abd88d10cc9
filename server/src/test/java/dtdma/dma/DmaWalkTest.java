package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Diagnostic;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DmaConsumer keeps the facts of the dmas walk (the entries it split, where and why it stopped), and the DT checks
 * word the findings: DT005 (UnresolvedPhandle), DT006 (TargetWithoutDmaCells) and DT007 (CellCountMismatch), for
 * the cases their fixtures do not reach (an entry without a name, a zero phandle before the stop, a path reference).
 */
class DmaWalkTest {
    private static final String BOARD = """
            /dts-v1/;
            / {
            	#address-cells = <1>;
            	#size-cells = <1>;
            	dma1: dma-controller@1000 {
            		compatible = "vendor,dma";
            		reg = <0x1000 0x100>;
            		#dma-cells = <2>;
            	};
            	dma3: dma-controller@3000 {
            		compatible = "vendor,dma";
            		reg = <0x3000 0x100>;
            		#dma-cells = <1>;
            	};
            	consumer@5000 {
            		compatible = "vendor,consumer";
            		reg = <0x5000 0x100>;
            		%s
            	};
            };
            """;

    @TempDir
    Path dir;

    private BoardResult board;

    private DmaConsumer consumer(String body) throws IOException {
        Path f = dir.resolve("board.dts");
        Files.writeString(f, BOARD.formatted(body));
        board = new Boards(List.of(), false).load(f);
        return DmaModel.of(board.tree()).consumers().get(0);
    }

    /** The DT findings of the board just loaded: CODE START-END MESSAGE. */
    private List<String> findings() {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : board.diagnostics()) {
            if (d.code().id().startsWith("DT0") && !d.code().id().equals("DT002")) {
                out.add(d.code().id() + " " + d.span().start() + "-" + d.span().end() + " " + d.message());
            }
        }
        return out;
    }

    @Test
    void truncatedLastEntry() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma1 1 2>, <&dma1 3 4>, <&dma3>; dma-names = \"rx\", \"tx\", \"ctl\";");
        assertEquals(2, c.specifiers().size());
        assertFalse(c.complete());
        DmaConsumer.Problem p = c.problems().get(0);
        assertEquals(DmaConsumer.ProblemKind.TRUNCATED, p.kind());
        assertEquals(2, p.index());
        assertEquals(24, p.offset());
        assertEquals(1, p.dmaCells());
        assertEquals(0, p.cellsLeft());
        assertEquals("dma3", p.ref());
        assertEquals("/dma-controller@3000", p.target().path());
        assertEquals(List.of("DT007 380-385 entry 3 of 3 (ctl) has 0 argument cells, #dma-cells of &dma3 is 1"
                + " (kernel: \"/consumer@5000: #dma-cells = 1 found 0\")"), findings());
    }

    @Test
    void longEntryWithoutAName() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma3 1 2 3>, <&dma1 2 5>;");
        DmaConsumer.Problem p = c.problems().get(0);
        assertEquals(DmaConsumer.ProblemKind.EXTRA_CELLS, p.kind());
        assertEquals(0, p.index(), "the long entry, not the number read as a phandle");
        assertEquals(8, p.offset(), "the number read as a phandle");
        assertEquals(2, p.phandle());
        assertEquals(3, p.argCells());
        assertEquals(1, p.dmaCells());
        assertNull(p.ref());
        assertEquals(List.of("DT007 354-363 entry 1 of 2 has 3 argument cells, #dma-cells of &dma3 is 1: the number 2"
                + " is read as the next phandle and every later entry is shifted"), findings());
    }

    @Test
    void shortEntryReadsTheNextPhandle() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma1 7 &dma3 1>, <&dma1 1 2>; dma-names = \"a\", \"b\", \"c\";");
        DmaConsumer.Problem p = c.problems().get(0);
        assertEquals(DmaConsumer.ProblemKind.MISALIGNED, p.kind());
        assertEquals(1, p.argCells());
        assertEquals("dma3", p.stray());
        assertTrue(c.specifiers().isEmpty());
        assertEquals(List.of("DT007 354-367 entry 1 of 3 (a) has 1 argument cell, #dma-cells of &dma1 is 2: the kernel"
                + " reads dma3's phandle as an argument and every later entry is shifted"), findings());
    }

    @Test
    void aNumberThatMatchesNoNode() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma1 1 2>, <0x7777 1>; dma-names = \"rx\", \"tx\";");
        DmaConsumer.Problem p = c.problems().get(0);
        assertEquals(DmaConsumer.ProblemKind.UNRESOLVED, p.kind());
        assertEquals(1, p.index());
        assertEquals(0x7777, p.phandle());
        assertNull(p.target());
        assertEquals(1, c.specifiers().size());
        assertEquals(List.of("DT005 367-373 /consumer@5000: could not find phandle 30583; this entry and all after it"
                + " are unusable"), findings());
    }

    @Test
    void zeroPhandleIsAnEmptyEntry() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma1 1 2>, <0>, <&dma3>; dma-names = \"rx\", \"tx\", \"ctl\";");
        assertEquals(2, c.specifiers().size());
        assertNull(c.specifiers().get(1).controller());
        assertEquals(2, c.problems().get(0).index());
        assertEquals(List.of("DT007 372-377 entry 3 of 3 (ctl) has 0 argument cells, #dma-cells of &dma3 is 1"
                + " (kernel: \"/consumer@5000: #dma-cells = 1 found 0\")"), findings());
    }

    @Test
    void aPathReferenceToANodeWithoutDmaCells() throws IOException {
        DmaConsumer c = consumer("dmas = <&dma1 1 2>, <&{/consumer@5000} 1>; dma-names = \"rx\", \"tx\";");
        DmaConsumer.Problem p = c.problems().get(0);
        assertEquals(DmaConsumer.ProblemKind.NO_DMA_CELLS, p.kind());
        assertEquals(-1, p.dmaCells());
        assertEquals("/consumer@5000", p.target().path());
        assertEquals(List.of("DT006 367-384 /consumer@5000: could not get #dma-cells for /consumer@5000 (the target is"
                + " not a DMA controller)"), findings());
    }

    @Test
    void notCells() throws IOException {
        DmaConsumer c = consumer("dmas = [01 02 03 04 05]; dma-names = \"rx\";");
        assertEquals(DmaConsumer.ProblemKind.NOT_CELLS, c.problems().get(0).kind());
        assertTrue(c.holdsNonCells());
        assertEquals(List.of("DT007 346-370 dmas must be a list of <&controller args...> cells, but it holds strings"),
                findings());
    }
}
