package dtdma.dma;

import dtdma.text.Span;
import dtdma.tree.Node;

/**
 * One entry of a consumer's {@code dmas}, split as {@code of_parse_phandle_with_args} splits it: a phandle
 * and as many argument cells as the target's {@code #dma-cells}.
 *
 * @param index position in {@code dmas}, paired by index with {@code dma-names}
 * @param offset byte offset of the phandle cell in the value
 * @param controller the node the phandle points at, or null when it does not resolve
 * @param args the argument cells
 * @param name the paired {@code dma-names} entry, or null
 * @param span the source of the whole specifier; {@code phandleSpan} of its phandle cell
 */
public record DmaSpecifier(int index, int offset, long phandle, Node controller, long[] args, String name, Span span,
        Span phandleSpan) {
    /** The argument cells written as in source, e.g. {@code 0 7 1}. */
    public String argsText() {
        StringBuilder sb = new StringBuilder();
        for (long a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a);
        }
        return sb.toString();
    }
}
