package dtdma.features;

import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaSpecifier;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.ValueSpans;
import dtdma.workspace.Analysis;

/**
 * Cells printed in the base they were written in: {@code 0x80000000} stays hexadecimal, {@code 3} decimal. The
 * base is read from the source text of the cell (a cell written through a macro prints in decimal).
 */
public final class CellText {
    private CellText() {
    }

    /** The argument cells of a specifier, space separated, each in its written base. */
    public static String args(Analysis a, DmaConsumer c, DmaSpecifier s) {
        ValueSpans vs = c.dmas() == null ? null : ValueSpans.of(c.dmas());
        StringBuilder sb = new StringBuilder();
        long[] args = s.args();
        for (int k = 0; k < args.length; k++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            Span at = vs == null ? null : vs.cell(s.offset() + 4 * (k + 1));
            sb.append(cell(a, at, args[k]));
        }
        return sb.toString();
    }

    /** One cell: hexadecimal when its source text is a hexadecimal literal, else decimal. */
    public static String cell(Analysis a, Span at, long value) {
        return hex(a, at) ? "0x" + Long.toHexString(value) : Long.toString(value);
    }

    private static boolean hex(Analysis a, Span at) {
        if (a == null || at == null) {
            return false;
        }
        SourceFile f = a.fileOf(at);
        if (f == null || at.end() > f.text().length() || at.start() < 0 || at.start() >= at.end()) {
            return false;
        }
        String t = f.text().substring(at.start(), at.end()).strip();
        while (t.startsWith("(")) {
            t = t.substring(1).strip();
        }
        return t.startsWith("0x") || t.startsWith("0X");
    }
}
