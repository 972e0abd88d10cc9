package dtdma.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entry sizes given to the formatter (what the workspace reads from a board's merged tree): where they say the
 * entries start and every written cell is one cell, each entry gets its own {@code <...>}; anywhere else the value
 * stays as written. The hints here are written by hand, with cell offsets as the merged tree gives them.
 */
class EntryHintsTest {
    /** Hints for the property {@code name} in {@code text}: the cells start at the given words, {@code sizes} per entry. */
    private static EntryHints hint(String text, String name, String[] cellWords, int... sizes) {
        int at = text.indexOf("\t" + name + " =") + 1;
        int[] starts = new int[cellWords.length];
        int from = text.indexOf('=', at);
        for (int i = 0; i < cellWords.length; i++) {
            int p = text.indexOf(cellWords[i], from);
            starts[i] = p;
            from = p + (i + 1 < cellWords.length && cellWords[i + 1].equals(cellWords[i]) ? 0 : cellWords[i].length());
        }
        EntryHints.Entries e = new EntryHints.Entries(name, starts, sizes);
        return off -> off == at ? e : null;
    }

    private static String fmt(String text, EntryHints h) {
        DtsFormatter.Result r = DtsFormatter.format(text, FormatOptions.KERNEL, h);
        assertNull(r.problem());
        return r.text();
    }

    @Test
    void phandleListsGetOneBracketPerEntry() {
        String t = "/ {\n\tn {\n\tclocks = <&clk 1 &clk 2 &osc>;\n\t};\n};\n";
        String out = fmt(t, hint(t, "clocks", new String[] {"&clk", "1", "&clk", "2", "&osc"}, 2, 2, 1));
        assertEquals("/ {\n\tn {\n\t\tclocks = <&clk 1>, <&clk 2>, <&osc>;\n\t};\n};\n", out);
    }

    @Test
    void interruptsWithMacrosThatAreOneCellEachAreSplit() {
        String t = "/ {\n\tn {\n\tinterrupts = <GIC_SPI 10 IRQ_TYPE_LEVEL_HIGH GIC_SPI 11 IRQ_TYPE_LEVEL_HIGH>;\n\t};\n};\n";
        String out = fmt(t, hint(t, "interrupts", new String[] {"GIC_SPI", "10", "IRQ_TYPE_LEVEL_HIGH", "GIC_SPI", "11",
            "IRQ_TYPE_LEVEL_HIGH"}, 3, 3));
        assertEquals("\t\tinterrupts = <GIC_SPI 10 IRQ_TYPE_LEVEL_HIGH>, <GIC_SPI 11 IRQ_TYPE_LEVEL_HIGH>;",
                out.lines().filter(l -> l.contains("interrupts")).findFirst().orElseThrow());
    }

    @Test
    void aMacroStandingForSeveralCellsLeavesTheValueAlone() {
        // PAD expands to two cells: both start at "PAD", so the written cells are not one cell each
        String t = "/ {\n\tn {\n\tfsl,pins = <PAD 0x10 PAD 0x20>;\n\t};\n};\n";
        int pad1 = t.indexOf("PAD");
        int pad2 = t.indexOf("PAD", pad1 + 1);
        int at = t.indexOf("fsl,pins");
        EntryHints.Entries e = new EntryHints.Entries("fsl,pins", new int[] {pad1, pad1, t.indexOf("0x10"), pad2, pad2,
            t.indexOf("0x20")}, new int[] {3, 3});
        assertEquals(t.replace("\tfsl", "\t\tfsl"), fmt(t, off -> off == at ? e : null));
    }

    @Test
    void groupsAlreadyWrittenAndAuthorLineBreaksAreKept() {
        String t = "/ {\n\tn {\n\t\tdmas = <&sdma 1 2 &sdma 3 4>,\n\t\t       <&edma 5 6>;\n\t};\n};\n";
        String out = fmt(t, hint(t, "dmas", new String[] {"&sdma", "1", "2", "&sdma", "3", "4", "&edma", "5", "6"}, 3, 3,
                3));
        assertEquals("/ {\n\tn {\n\t\tdmas = <&sdma 1 2>, <&sdma 3 4>,\n\t\t       <&edma 5 6>;\n\t};\n};\n", out);
        // a line break at an entry boundary becomes a break before that entry's '<', aligned under the first
        String b = "/ {\n\tn {\n\t\treg = <0x0 0x10\n\t\t       0x20 0x10>;\n\t};\n};\n";
        assertEquals("/ {\n\tn {\n\t\treg = <0x0 0x10>,\n\t\t      <0x20 0x10>;\n\t};\n};\n",
                fmt(b, hint(b, "reg", new String[] {"0x0", "0x10", "0x20", "0x10"}, 2, 2)));
        // a break inside an entry: the group stays as the author wrote it
        String c = "/ {\n\tn {\n\t\treg = <0x0\n\t\t       0x10 0x20 0x10>;\n\t};\n};\n";
        assertEquals(c, fmt(c, hint(c, "reg", new String[] {"0x0", "0x10", "0x20", "0x10"}, 2, 2)));
    }

    @Test
    void onlyPlainCellGroupsAreSplit() {
        List<String> kept = new ArrayList<>();
        kept.add("/ {\n\tn {\n\t\treg = /bits/ 64 <1 2 3 4>;\n\t};\n};\n");
        kept.add("/ {\n\tn {\n\t\treg = <1 2 /* two */ 3 4>;\n\t};\n};\n");
        kept.add("/ {\n\tn {\n\t\treg = <1 2 l: 3 4>;\n\t};\n};\n");
        kept.add("/ {\n\tn {\n\t\treg = \"s\", <1 2 3 4>;\n\t};\n};\n");
        for (String t : kept) {
            int at = t.indexOf("reg");
            int[] starts = {t.indexOf("1"), t.indexOf("2"), t.indexOf("3"), t.indexOf("4")};
            EntryHints.Entries e = new EntryHints.Entries("reg", starts, new int[] {2, 2});
            assertEquals(t, fmt(t, off -> off == at ? e : null), t);
        }
        // a hint for another name, or entries of one cell each, change nothing
        String t = "/ {\n\tn {\n\t\tpinctrl-0 = <&a &b>;\n\t};\n};\n";
        assertEquals(t, fmt(t, hint(t, "pinctrl-0", new String[] {"&a", "&b"}, 1, 1)));
        String u = "/ {\n\tn {\n\t\tclocks = <&a 1 &b 2>;\n\t};\n};\n";
        EntryHints other = hint(u, "clocks", new String[] {"&a", "1", "&b", "2"}, 2, 2);
        int at = u.indexOf("clocks");
        EntryHints renamed = off -> {
            EntryHints.Entries e = other.at(off);
            return e == null ? null : new EntryHints.Entries("resets", e.cellStarts(), e.entrySizes());
        };
        assertEquals(u, fmt(u, renamed));
        // sizes that do not add up to the written cells
        assertEquals(u, fmt(u, hint(u, "clocks", new String[] {"&a", "1", "&b", "2"}, 3, 2)));
        assertEquals(at, u.indexOf("clocks"));
    }

    @Test
    void crlfFilesTakeOffsetsOfTheOriginalText() {
        String t = "/ {\r\n\tn {\r\n\t\tclocks = <&a 1 &b 2>;\r\n\t};\r\n};\r\n";
        String out = fmt(t, hint(t, "clocks", new String[] {"&a", "1", "&b", "2"}, 2, 2));
        assertEquals("/ {\r\n\tn {\r\n\t\tclocks = <&a 1>, <&b 2>;\r\n\t};\r\n};\r\n", out);
    }

    @Test
    void aSplitValueIsAFixedPointAndLongOnesWrapBetweenEntries() {
        String t = "/ {\n\tn {\n\t\tclocks = <&clk AAAAAAAAAAAAAAAAAAAAAAAA &clk BBBBBBBBBBBBBBBBBBBBBBBBBB &clk CCCCCCCCCCCCCCCCCCCCCCC>;\n\t};\n};\n";
        String out = fmt(t, hint(t, "clocks", new String[] {"&clk", "AAAAAAAAAAAAAAAAAAAAAAAA", "&clk",
            "BBBBBBBBBBBBBBBBBBBBBBBBBB", "&clk", "CCCCCCCCCCCCCCCCCCCCCCC"}, 2, 2, 2));
        assertEquals("/ {\n\tn {\n\t\tclocks = <&clk AAAAAAAAAAAAAAAAAAAAAAAA>, <&clk BBBBBBBBBBBBBBBBBBBBBBBBBB>,\n"
                + "\t\t\t <&clk CCCCCCCCCCCCCCCCCCCCCCC>;\n\t};\n};\n", out);
        assertEquals(out, fmt(out, EntryHints.NONE));
    }
}
