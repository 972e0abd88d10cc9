package dtdma.dma;

import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.List;

/**
 * A node that provides DMA channels: it has {@code #dma-cells} (a controller) and, for a router, also
 * {@code dma-masters} naming the controllers it forwards requests to.
 *
 * @param cells {@code #dma-cells}, or -1 when the property is missing or not one cell
 * @param masters for a router, the controllers named by {@code dma-masters} (resolved), else empty
 */
public record DmaProvider(Node node, long cells, boolean router, List<Node> masters) {
    /** Reads a node as a provider, or returns null when it has no {@code #dma-cells}. */
    public static DmaProvider of(Node n, java.util.function.LongFunction<Node> byPhandle) {
        Property c = n.property("#dma-cells");
        Property m = n.property("dma-masters");
        if (c == null && m == null) {
            return null;
        }
        long cells = -1;
        if (c != null && c.value().length() == 4) {
            cells = c.value().cellAt(0);
        }
        List<Node> masters = List.of();
        if (m != null) {
            long[] phs = m.value().cells();
            if (phs != null) {
                java.util.List<Node> list = new java.util.ArrayList<>();
                for (long ph : phs) {
                    Node t = byPhandle.apply(ph);
                    if (t != null) {
                        list.add(t);
                    }
                }
                masters = List.copyOf(list);
            }
        }
        return new DmaProvider(n, cells, m != null, masters);
    }

    public String label() {
        return node.labels().isEmpty() ? node.path() : node.labels().get(0);
    }
}
