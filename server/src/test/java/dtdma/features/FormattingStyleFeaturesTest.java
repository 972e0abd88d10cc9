package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.format.FormatOptions;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Formatting edits (whole, range, on type) and the style quick fixes, applied as an editor would. */
class FormattingStyleFeaturesTest {
    private static String apply(String text, List<FormattingFeature.Edit> edits) {
        LineIndex li = new LineIndex(text);
        List<FormattingFeature.Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(FormattingFeature.Edit::startLine0).reversed());
        StringBuilder sb = new StringBuilder(text);
        for (FormattingFeature.Edit e : sorted) {
            int s = offset(li, text, e.startLine0(), e.startColumn0());
            int en = offset(li, text, e.endLine0(), e.endColumn0());
            sb.replace(s, en, e.newText());
        }
        return sb.toString();
    }

    private static int offset(LineIndex li, String text, int line, int col) {
        return line >= li.lineCount() ? text.length() : li.lineStart(line) + col;
    }

    static final String MESSY = "/ {\n\ta=<1>;\n\tb=<2>;\n\tc=<3>;\n};";

    @Test
    void wholeDocumentEditsGiveTheFormattedText() {
        List<FormattingFeature.Edit> e = FormattingFeature.format(MESSY, FormatOptions.KERNEL);
        assertEquals("/ {\n\ta = <1>;\n\tb = <2>;\n\tc = <3>;\n};\n", apply(MESSY, e));
        assertEquals(List.of(), FormattingFeature.format(apply(MESSY, e), FormatOptions.KERNEL));
    }

    @Test
    void rangeAndOnTypeTouchOnlyTheirLines() {
        String r = apply(MESSY, FormattingFeature.formatRange(MESSY, FormatOptions.KERNEL, 2, 2));
        assertEquals("/ {\n\ta=<1>;\n\tb = <2>;\n\tc=<3>;\n};", r);
        int semi = MESSY.indexOf("<3>;") + 3;
        String t = apply(MESSY, FormattingFeature.onType(MESSY, FormatOptions.KERNEL, semi));
        assertEquals("/ {\n\ta=<1>;\n\tb=<2>;\n\tc = <3>;\n};", t);
        // text the formatter cannot read gives no edits
        assertEquals(List.of(), FormattingFeature.format("/ { a = <1", FormatOptions.KERNEL));
    }

    private static String fix(String text, String title) {
        SourceFile f = new SourceFile(0, Path.of("/tmp/x.dts"), text);
        for (CodeActionFeature.Action a : StyleActions.actions(f, 0, text.length())) {
            if (a.title().startsWith(title)) {
                return TextEdit.apply(text, a.edits().get(f));
            }
        }
        throw new AssertionError("no action '" + title + "' in " + StyleActions.actions(f, 0, text.length()).stream()
                .map(CodeActionFeature.Action::title).toList());
    }

    @Test
    void sortNodesKeepsCommentsWithTheirNodes() {
        String in = "/ {\n\t/* second */\n\tb@200 {\n\t}; // b\n\n\tprop;\n\n\ta@100 {\n\t};\n};\n";
        String out = fix(in, "Sort nodes by unit address");
        assertEquals("/ {\n\ta@100 {\n\t};\n\n\tprop;\n\n\t/* second */\n\tb@200 {\n\t}; // b\n};\n", out);
    }

    @Test
    void moveStatusLastAndSortProperties() {
        String in = "/ {\n\tn {\n\t\tstatus = \"okay\";\n\t\tcompatible = \"a\";\n\t\treg = <1>;\n\t};\n};\n";
        assertEquals("/ {\n\tn {\n\t\tcompatible = \"a\";\n\t\treg = <1>;\n\t\tstatus = \"okay\";\n\t};\n};\n",
                fix(in, "Move status last"));
        String in2 = "/ {\n\tn {\n\t\tacme,x = <1>;\n\t\treg = <1>;\n\t\tcompatible = \"a\";\n\t};\n};\n";
        assertEquals("/ {\n\tn {\n\t\tcompatible = \"a\";\n\t\treg = <1>;\n\t\tacme,x = <1>;\n\t};\n};\n",
                fix(in2, "Sort properties"));
    }

    @Test
    void lowercaseFixes() {
        assertEquals("/ {\n\tn {\n\t\treg = <0xab 0x1c>;\n\t};\n};\n",
                fix("/ {\n\tn {\n\t\treg = <0xAB 0x1C>;\n\t};\n};\n", "Lowercase hex"));
        assertEquals("/ {\n\tn@ab {\n\t};\n};\n", fix("/ {\n\tn@00AB {\n\t};\n};\n", "Lowercase the unit address"));
        assertEquals("/ {\n\tuart_a: n {\n\t};\n};\n&uart_a {\n};\n",
                fix("/ {\n\tUART_A: n {\n\t};\n};\n&UART_A {\n};\n", "Lowercase label"));
        assertEquals("/ {\n\tmy-node {\n\t};\n};\n", fix("/ {\n\tMy_Node {\n\t};\n};\n", "Rename node"));
    }

    @Test
    void sortOverrides() {
        String in = "/ {\n};\n\n&b {\n};\n\n// about a\n&a {\n};\n";
        assertEquals("/ {\n};\n\n// about a\n&a {\n};\n\n&b {\n};\n", fix(in, "Sort &label overrides"));
    }

    @Test
    void noSortAcrossDirectives() {
        String in = "/ {\n\tb@2 {\n\t};\n#ifdef X\n\ta@1 {\n\t};\n#endif\n};\n";
        SourceFile f = new SourceFile(0, Path.of("/tmp/x.dts"), in);
        assertTrue(StyleActions.actions(f, 0, in.length()).stream().noneMatch(a -> a.title().startsWith("Sort")));
    }
}
