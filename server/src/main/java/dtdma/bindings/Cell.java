package dtdma.bindings;

import com.fasterxml.jackson.databind.node.LongNode;

/** An integer of a property value with the width it was written in ({@code /bits/ 8} ...), for {@code typeSize}. */
final class Cell extends LongNode {
    private static final long serialVersionUID = 1L;
    final int bits;

    Cell(long v, int bits) {
        super(v);
        this.bits = bits;
    }
}
