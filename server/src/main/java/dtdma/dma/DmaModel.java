package dtdma.dma;

import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DMA view of one merged tree: every provider (node with {@code #dma-cells} or {@code dma-masters}) and
 * every consumer (node with {@code dmas} or {@code dma-names}), in tree order.
 */
public final class DmaModel {
    private final DeviceTree tree;
    private final Map<Node, DmaProvider> providers = new IdentityHashMap<>();
    private final List<DmaProvider> providerList = new ArrayList<>();
    private final List<DmaConsumer> consumers = new ArrayList<>();
    private final Map<Long, Node> phandles = new HashMap<>();
    private final dtdma.bindings.BindingSet bindings;
    private final Map<Node, java.util.Optional<dtdma.bindings.DmaFacts>> facts = new java.util.concurrent.ConcurrentHashMap<>();

    private DmaModel(DeviceTree tree, dtdma.bindings.BindingSet bindings) {
        this.tree = tree;
        this.bindings = bindings;
        index(tree.root());
        walk(tree.root());
    }

    public static DmaModel of(DeviceTree tree) {
        return new DmaModel(tree, null);
    }

    /** The DMA view with the binding schemas to consult for consumers' bindings (null: none loaded). */
    public static DmaModel of(DeviceTree tree, dtdma.bindings.BindingSet bindings) {
        return new DmaModel(tree, bindings);
    }

    /**
     * What the binding of a consumer node says about its channels (names, their order, required, how many), or
     * null when no binding schemas are loaded or none of the node's bindings describes DMA.
     */
    public dtdma.bindings.DmaFacts bindingFacts(Node n) {
        if (bindings == null || n == null) {
            return null;
        }
        return facts.computeIfAbsent(n, k -> java.util.Optional.ofNullable(
                dtdma.bindings.DmaFacts.of(bindings, k.compatibles()))).orElse(null);
    }

    private void index(Node n) {
        if (n.phandle() != 0) {
            phandles.putIfAbsent(n.phandle(), n);
        }
        for (Node c : n.children()) {
            index(c);
        }
    }

    private void walk(Node n) {
        DmaProvider p = DmaProvider.of(n, this::byPhandle);
        if (p != null) {
            providers.put(n, p);
            providerList.add(p);
        }
        if (n.property("dmas") != null || n.property("dma-names") != null) {
            consumers.add(new DmaConsumer(n, this::byPhandle));
        }
        for (Node c : n.children()) {
            walk(c);
        }
    }

    /** The node with a phandle, or null. */
    public Node byPhandle(long ph) {
        return ph == 0 || ph == 0xffffffffL ? null : phandles.get(ph);
    }

    public DeviceTree tree() {
        return tree;
    }

    public List<DmaProvider> providers() {
        return providerList;
    }

    /** The provider view of a node, or null when it provides no DMA. */
    public DmaProvider provider(Node n) {
        return providers.get(n);
    }

    public List<DmaConsumer> consumers() {
        return consumers;
    }

    /**
     * The controllers a specifier's request can end up on: its target itself, or, for a DMA router
     * ({@code dma-masters}), the masters it forwards to, followed through chained routers. A router's xlate
     * picks one master at run time ({@code of_dma_router_xlate}); with a single master that one is certain.
     * Loops through routers end at the first repeat.
     */
    public List<Node> realControllers(DmaSpecifier s) {
        List<Node> out = new ArrayList<>();
        if (s.controller() != null) {
            follow(s.controller(), out, new ArrayList<>());
        }
        return out;
    }

    private void follow(Node n, List<Node> out, List<Node> seen) {
        if (seen.contains(n)) {
            return;
        }
        seen.add(n);
        DmaProvider p = providers.get(n);
        if (p == null || !p.router()) {
            if (!out.contains(n)) {
                out.add(n);
            }
            return;
        }
        for (Node m : p.masters()) {
            follow(m, out, seen);
        }
    }

    /** The consumers whose specifiers point at a controller, in tree order. */
    public List<DmaConsumer> consumersOf(Node controller) {
        List<DmaConsumer> out = new ArrayList<>();
        for (DmaConsumer c : consumers) {
            for (DmaSpecifier s : c.specifiers()) {
                if (s.controller() == controller) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }
}
