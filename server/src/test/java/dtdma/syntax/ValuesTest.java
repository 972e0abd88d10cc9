package dtdma.syntax;

import static dtdma.syntax.Dts.clean;
import static dtdma.syntax.Dts.eq;
import static dtdma.syntax.Dts.prop;
import static dtdma.syntax.Dts.root;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static List<Ast.Value> value(String propText) {
        return prop(root(clean("/dts-v1/;\n/ {\n" + propText + "\n};\n")).body(), "p").value();
    }

    @Test
    void stringsWithEscapes() {
        List<Ast.Value> v = value("p = \"a\\tb\\x41\\101\\q\\\"\", \"\\xff\", \"é\";");
        eq(3, v.size());
        assertArrayEquals("a\tbAAq\"".getBytes(StandardCharsets.UTF_8), ((Ast.Str) v.get(0)).bytes());
        assertArrayEquals(new byte[] {(byte) 0xff}, ((Ast.Str) v.get(1)).bytes());
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), ((Ast.Str) v.get(2)).bytes());
    }

    @Test
    void cellsWithReferencesAndLabels() {
        String t = "/dts-v1/;\n/ {\n\tp = <&gic 0 &{/soc/x} l1: 5 'a' (1)>;\n};\n";
        Ast.Cells c = (Ast.Cells) prop(root(clean(t)).body(), "p").value().get(0);
        eq(32, c.bits());
        eq(null, c.bitsSpan());
        eq("3:6-3:38", Dts.where(t, c.span()));
        Ast.CellRef gic = (Ast.CellRef) c.items().get(0);
        eq("gic", gic.ref().text());
        eq("0", Dts.expr(((Ast.Cell) c.items().get(1)).expr()));
        eq("/soc/x", ((Ast.CellRef) c.items().get(2)).ref().text());
        eq("l1", ((Ast.CellLabel) c.items().get(3)).label().name());
        eq("5", Dts.expr(((Ast.Cell) c.items().get(4)).expr()));
        eq("97", Dts.expr(((Ast.Cell) c.items().get(5)).expr()));
        Ast.Cell paren = (Ast.Cell) c.items().get(6);
        eq("3:34-3:37", Dts.where(t, paren.span()));
    }

    @Test
    void bitsPrefix() {
        String t = "/dts-v1/;\n/ {\n\tp = /bits/ 8 <'a' 0x12>, /bits/ 64 <>;\n};\n";
        List<Ast.Value> v = prop(root(clean(t)).body(), "p").value();
        Ast.Cells c = (Ast.Cells) v.get(0);
        eq(8, c.bits());
        eq("3:6-3:14", Dts.where(t, c.bitsSpan()));
        eq("97", Dts.expr(((Ast.Cell) c.items().get(0)).expr()));
        eq("18", Dts.expr(((Ast.Cell) c.items().get(1)).expr()));
        eq(64, ((Ast.Cells) v.get(1)).bits());
        eq(0, ((Ast.Cells) v.get(1)).items().size());
    }

    @Test
    void byteStrings() {
        List<Ast.Value> v = value("p = [000012345678], [abcd: 00], [ab cd: 00], [];");
        Ast.Bytes b0 = (Ast.Bytes) v.get(0);
        eq(List.of(0, 0, 0x12, 0x34, 0x56, 0x78), b0.items().stream().map(i -> ((Ast.ByteVal) i).value()).toList());
        Ast.Bytes b1 = (Ast.Bytes) v.get(1);
        eq("abcd", ((Ast.ByteLabel) b1.items().get(0)).label().name());
        eq(0, ((Ast.ByteVal) b1.items().get(1)).value());
        Ast.Bytes b2 = (Ast.Bytes) v.get(2);
        eq(0xab, ((Ast.ByteVal) b2.items().get(0)).value());
        eq("cd", ((Ast.ByteLabel) b2.items().get(1)).label().name());
        eq(0, ((Ast.Bytes) v.get(3)).items().size());
    }

    @Test
    void pathReferencesAndIncbin() {
        List<Ast.Value> v = value("p = &uart0, &{/soc/serial@100}, /incbin/(\"blob.bin\"), /incbin/(\"b\", 4, (2*8));");
        eq("uart0", ((Ast.PathRef) v.get(0)).ref().text());
        eq(true, ((Ast.PathRef) v.get(1)).ref().path());
        Ast.Incbin i0 = (Ast.Incbin) v.get(2);
        eq("blob.bin", i0.file());
        eq(null, i0.offset());
        Ast.Incbin i1 = (Ast.Incbin) v.get(3);
        eq("4", Dts.expr(i1.offset()));
        eq("(2 * 8)", Dts.expr(i1.length()));
    }

    @Test
    void labelsAroundValueComponents() {
        String t = "/dts-v1/;\n/ {\n\tprop1: p = start1: \"a\", mid1: \"b\" end1:;\n};\n";
        Ast.PropDef p = prop(root(clean(t)).body(), "p");
        eq("prop1", p.labels().get(0).name());
        List<Ast.Value> v = p.value();
        eq(5, v.size());
        eq("start1", ((Ast.ValueLabel) v.get(0)).label().name());
        eq(Ast.Str.class, v.get(1).getClass());
        eq("mid1", ((Ast.ValueLabel) v.get(2)).label().name());
        eq("end1", ((Ast.ValueLabel) v.get(4)).label().name());
        eq("3:36-3:41", Dts.where(t, v.get(4).span()));
    }

    @Test
    void integerLiterals() {
        Ast.Cells c = (Ast.Cells) value("p = <010 0x1F 0XaB 12U 7L 3UL 4LL 5ULL 0 0xffffffffffffffff 18446744073709551615>;").get(0);
        eq(List.of("8", "31", "171", "12", "7", "3", "4", "5", "0", "18446744073709551615", "18446744073709551615"),
                c.items().stream().map(i -> Dts.expr(((Ast.Cell) i).expr())).toList());
    }

    @Test
    void charLiterals() {
        Ast.Cells c = (Ast.Cells) value("p = <'a' '\\n' '\\x5c' '\\'' '\\101' '\\\\'>;").get(0);
        eq(List.of("97", "10", "92", "39", "65", "92"), c.items().stream().map(i -> Dts.expr(((Ast.Cell) i).expr())).toList());
    }

    @Test
    void macroShapedValuesAfterCpp() {
        Ast.Cells c = (Ast.Cells) value("p = <&tlmm 0 (0|(2 | 4))>, < (0x0080) 0xe1f0 >, <(4+8) (175-160)>;").get(0);
        eq("(0 | (2 | 4))", Dts.expr(((Ast.Cell) c.items().get(2)).expr()));
    }
}
