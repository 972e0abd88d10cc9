package dtdma.syntax;

import static dtdma.syntax.Dts.eq;
import static dtdma.syntax.Dts.node;
import static dtdma.syntax.Dts.prop;
import static dtdma.syntax.Dts.root;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.preprocess.PpUnit;
import dtdma.preprocess.SourceMap;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Units made of text pieces and includes, as the preprocessor hands them over. */
class IncludeTest {
    private final SyntaxParser parser = new SyntaxParser();

    /**
     * Builds a unit for file {@code id} whose text is the concatenation of the strings in {@code parts}; a
     * {@link PpUnit} in {@code parts} is an include whose directive is the text of the string before it
     * that starts with '#'.
     */
    private static PpUnit unit(int id, String name, Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                text.append(s);
            }
        }
        SourceFile f = new SourceFile(id, Path.of(name), text.toString());
        List<PpUnit.Piece> pieces = new ArrayList<>();
        int off = 0;
        for (Object p : parts) {
            if (p instanceof String s) {
                if (s.startsWith("#include")) {
                    off += s.length();
                    continue;
                }
                SourceMap map = new SourceMap.Builder().copied(0, id, off, s.length()).build();
                pieces.add(new PpUnit.Text(s, map));
                off += s.length();
            } else {
                PpUnit inc = (PpUnit) p;
                pieces.add(new PpUnit.Include(new Span(id, off, off), inc.file().path().toString(), inc, false));
            }
        }
        return new PpUnit(f, pieces, List.of());
    }

    @Test
    void includedItemsAreSplicedWithTheirOwnSpans() {
        PpUnit soc = unit(1, "soc.dtsi", "/dts-v1/;\n/ { soc: soc { }; };\n");
        PpUnit board = unit(0, "board.dts", "#include \"soc.dtsi\"\n", soc, "&soc { status = \"okay\"; };\n");
        ParseResult r = parser.parse(board);
        eq(List.of(), r.diagnostics());
        eq(3, r.items().size());
        assertInstanceOf(Ast.Header.class, r.items().get(0));
        Ast.RootNode root = (Ast.RootNode) r.items().get(1);
        eq(1, root.span().fileId());
        eq(new Span(1, 10, 30), root.span());
        Ast.RefNode ref = (Ast.RefNode) r.items().get(2);
        eq(0, ref.span().fileId());
        eq(new Span(0, 20, 46), ref.span());
    }

    @Test
    void aSharedUnitIsParsedOnce() {
        PpUnit soc = unit(1, "soc.dtsi", "/ { a { }; };\n");
        PpUnit b1 = unit(0, "b1.dts", "/dts-v1/;\n", "#include \"soc.dtsi\"\n", soc, "/ { x; };\n");
        PpUnit b2 = unit(2, "b2.dts", "/dts-v1/;\n", "#include \"soc.dtsi\"\n", soc, "/ { y; };\n");
        ParseResult r1 = parser.parse(b1);
        assertInstanceOf(UnitParse.class, soc.memo()[0]);
        ParseResult r2 = parser.parse(b2);
        assertSame(r1.items().get(1), r2.items().get(1));
        eq(List.of(), r2.diagnostics());
    }

    @Test
    void includeInsideANodeBodyIsInlined() {
        PpUnit die = unit(1, "die.dtsi", "\tpinctrl@1 { compatible = \"x\"; };\n");
        PpUnit board = unit(0, "t.dts", "/dts-v1/;\n/ { die0: d { }; };\n&die0 {\n", "#include \"die.dtsi\"\n", die, "};\n");
        ParseResult r = parser.parse(board);
        eq(List.of(), r.diagnostics());
        Ast.RefNode ref = (Ast.RefNode) r.items().get(2);
        Ast.NodeDef pin = (Ast.NodeDef) ref.body().items().get(0);
        eq("pinctrl@1", pin.name());
        eq(1, pin.span().fileId());
        eq(new Span(1, 1, 33), pin.span());
    }

    @Test
    void lexerModeCarriesAcrossFileBoundaries() {
        // dtc: p = /include/ "val.dtsi", <3>; with val.dtsi containing <1 2>
        PpUnit val = unit(1, "val.dtsi", "<1 2>");
        PpUnit board = unit(0, "t.dts", "/dts-v1/;\n/ {\n\tp = ", val, ", <3>;\n};\n");
        ParseResult r = parser.parse(board);
        eq(List.of(), r.diagnostics());
        List<Ast.Value> v = prop(root(r).body(), "p").value();
        eq(2, v.size());
        eq(new Span(1, 0, 5), v.get(0).span());

        // a file ending right after '{' leaves the next file in the name context
        PpUnit open = unit(3, "open.dtsi", "/ { n {");
        PpUnit board2 = unit(2, "u.dts", "/dts-v1/;\n", open, " 0x10 = <1>; }; };\n");
        ParseResult r2 = parser.parse(board2);
        eq(List.of(), r2.diagnostics());
        prop(node(root(r2).body(), "n").body(), "0x10");
    }

    @Test
    void errorRightBeforeACachedInclude() {
        PpUnit soc = unit(1, "soc.dtsi", "/ { a { }; };\n");
        PpUnit board = unit(0, "t.dts", "/dts-v1/;\n/ { }\n", soc, "/ { b; };\n");
        ParseResult r = parser.parse(board);
        eq(1, r.diagnostics().size());
        eq("expected ';' after the root node", r.diagnostics().get(0).message());
        eq(new Span(0, 15, 15), r.diagnostics().get(0).span());
        prop(((Ast.RootNode) r.items().get(r.items().size() - 1)).body(), "b");
    }

    @Test
    void aBrokenIncludeIsInlinedAndReportedOnce() {
        PpUnit bad = unit(1, "bad.dtsi", "/ { p = <1; };\n");
        PpUnit board = unit(0, "t.dts", "/dts-v1/;\n", bad, "/ { q; };\n");
        ParseResult r = parser.parse(board);
        eq(1, r.diagnostics().size());
        eq(1, r.diagnostics().get(0).span().fileId());
        assertTrue(r.items().size() >= 2);
    }
}
