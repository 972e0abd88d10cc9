package dtdma.dma;

import dtdma.text.Span;
import dtdma.tree.Marker;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.tree.ValueSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A node with {@code dmas} and/or {@code dma-names}: its specifiers, split exactly as the kernel's
 * {@code of_parse_phandle_with_args(np, "dmas", "#dma-cells", i)} walks the cells, its names, and what went
 * wrong while splitting (the kernel stops at the first bad entry; so does this model, and says so).
 */
public final class DmaConsumer {
    /** A problem found while splitting {@code dmas}. */
    public enum ProblemKind {
        /** The value is not a list of 32-bit cells (strings or bytes in {@code dmas}). */
        NOT_CELLS,
        /** A phandle that matches no node (kernel: "could not find phandle"). */
        UNRESOLVED,
        /** The target has no {@code #dma-cells} (kernel: "could not get #dma-cells for"). */
        NO_DMA_CELLS,
        /** Fewer cells left than {@code #dma-cells} says (kernel: "#dma-cells = N found M"). */
        TRUNCATED,
        /** An entry shorter than {@code #dma-cells}: the next entry's phandle is read as an argument. */
        MISALIGNED,
        /** An entry longer than {@code #dma-cells}: a number is read as the next phandle. */
        EXTRA_CELLS
    }

    /** One problem, where it is and what the kernel would say. */
    public record Problem(ProblemKind kind, int index, Span span, String message) {
    }

    private final Node node;
    private final Property dmas;
    private final Property names;
    private final List<DmaSpecifier> specifiers = new ArrayList<>();
    private final List<String> nameList = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean namesMalformed;

    DmaConsumer(Node node, LongFunction<Node> byPhandle) {
        this.node = node;
        this.dmas = node.property("dmas");
        this.names = node.property("dma-names");
        if (names != null) {
            List<String> s = names.value().strings();
            if (s == null) {
                namesMalformed = !names.value().isEmpty();
            } else {
                nameList.addAll(s);
            }
        }
        if (dmas != null) {
            split(byPhandle);
        }
    }

    private void split(LongFunction<Node> byPhandle) {
        ValueSpans spans = ValueSpans.of(dmas);
        long[] cells = dmas.value().cells();
        if (cells == null || hasStrings()) {
            problems.add(new Problem(ProblemKind.NOT_CELLS, 0, spans.whole(),
                    "dmas must be a list of <&controller args...> cells, but it holds "
                            + (hasStrings() ? "strings" : dmas.value().length() + " bytes, not a multiple of 4")));
            return;
        }
        int i = 0;
        int index = 0;
        while (i < cells.length) {
            int offset = i * 4;
            Marker ref = dmas.value().refAt(offset);
            long ph = cells[i];
            Span phSpan = spans.cell(offset);
            if (ph == 0 && ref == null) {
                // of_phandle_iterator_next: a zero phandle is an empty entry with no arguments
                specifiers.add(new DmaSpecifier(index, offset, 0, null, new long[0], nameAt(index), phSpan, phSpan));
                i++;
                index++;
                continue;
            }
            Node target = byPhandle.apply(ph);
            if (target == null || (ref == null && index > 0)) {
                if (ref == null && index > 0 && laterRef(i)) {
                    DmaSpecifier prev = specifiers.get(specifiers.size() - 1);
                    int written = (nextRef(i) - prev.offset()) / 4 - 1;
                    problems.add(new Problem(ProblemKind.EXTRA_CELLS, prev.index(), spans.cells(prev.offset(), offset + 4),
                            entry(prev.index()) + " has " + written + " argument cells, #dma-cells of "
                                    + describe(prev.controller()) + " is " + prev.args().length + ": the number " + ph
                                    + " is read as the next phandle and every later entry is shifted"));
                    return;
                }
                if (target == null) {
                    problems.add(new Problem(ProblemKind.UNRESOLVED, index, phSpan,
                            node.path() + ": could not find phandle " + ph
                                    + (ref != null ? " (reference " + ref.ref() + ")" : "")));
                    return;
                }
            }
            var cellsProp = target.property("#dma-cells");
            if (cellsProp == null || cellsProp.value().length() != 4) {
                problems.add(new Problem(ProblemKind.NO_DMA_CELLS, index, phSpan,
                        node.path() + ": could not get #dma-cells for " + target.path()
                                + " (the target is not a DMA controller)"));
                return;
            }
            long n = cellsProp.value().cellAt(0);
            int left = cells.length - i - 1;
            if (n > left) {
                problems.add(new Problem(ProblemKind.TRUNCATED, index, spans.cells(offset, cells.length * 4),
                        entry(index) + " has " + left + " argument " + (left == 1 ? "cell" : "cells") + ", #dma-cells of "
                                + describe(target) + " is " + n + " (kernel: \"" + node.path() + ": #dma-cells = " + n
                                + " found " + left + "\")"));
                return;
            }
            for (int k = 1; k <= n; k++) {
                Marker inner = dmas.value().refAt(offset + 4 * k);
                if (inner != null && inner.kind() == Marker.Kind.REF_PHANDLE) {
                    problems.add(new Problem(ProblemKind.MISALIGNED, index, spans.cells(offset, offset + 4 * k + 4),
                            entry(index) + " has " + (k - 1) + " argument " + (k - 1 == 1 ? "cell" : "cells")
                                    + ", #dma-cells of " + describe(target) + " is " + n + ": the kernel reads " + inner.ref()
                                    + "'s phandle as an argument and every later entry is shifted"));
                    return;
                }
            }
            long[] args = new long[(int) n];
            for (int k = 0; k < n; k++) {
                args[k] = cells[i + 1 + k];
            }
            specifiers.add(new DmaSpecifier(index, offset, ph, target, args, nameAt(index),
                    spans.cells(offset, offset + 4 * (int) (n + 1)), phSpan));
            i += 1 + (int) n;
            index++;
        }
    }

    private boolean hasStrings() {
        for (Marker m : dmas.value().markers()) {
            if (m.kind() == Marker.Kind.STRING || m.kind() == Marker.Kind.BYTES || m.kind() == Marker.Kind.REF_PATH
                    || m.kind() == Marker.Kind.UINT8 || m.kind() == Marker.Kind.UINT16 || m.kind() == Marker.Kind.UINT64) {
                return true;
            }
        }
        return false;
    }

    /** "entry 2 of 3 (tx)": 1-based, out of the entries written (references in dmas, or names if more). */
    private String entry(int index) {
        int refs = 0;
        for (Marker m : dmas.value().markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE) {
                refs++;
            }
        }
        int total = Math.max(Math.max(refs, nameList.size()), index + 1);
        String name = nameAt(index);
        return "entry " + (index + 1) + " of " + total + (name == null ? "" : " (" + name + ")");
    }

    /** The byte offset of the first reference after cell {@code fromCell}, or the end of the value. */
    private int nextRef(int fromCell) {
        for (Marker m : dmas.value().markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.offset() > fromCell * 4) {
                return m.offset();
            }
        }
        return dmas.value().length();
    }

    private boolean laterRef(int fromCell) {
        for (Marker m : dmas.value().markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.offset() > fromCell * 4) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        return n == null ? "the controller" : n.labels().isEmpty() ? n.path() : "&" + n.labels().get(0);
    }

    /** The {@code dma-names} entry paired with specifier {@code index}, or null. */
    public String nameAt(int index) {
        return index < nameList.size() ? nameList.get(index) : null;
    }

    public Node node() {
        return node;
    }

    /** The {@code dmas} property, or null. */
    public Property dmas() {
        return dmas;
    }

    /** The {@code dma-names} property, or null. */
    public Property namesProperty() {
        return names;
    }

    public List<DmaSpecifier> specifiers() {
        return specifiers;
    }

    public List<String> names() {
        return nameList;
    }

    /** True when {@code dma-names} is present but not a list of strings. */
    public boolean namesMalformed() {
        return namesMalformed;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** True when the whole of {@code dmas} was split without a problem. */
    public boolean complete() {
        return problems.isEmpty();
    }

    /**
     * The specifiers a request for {@code name} may get, in the order the kernel tries them for the given
     * value of its shared round-robin counter ({@code of_dma_request_slave_channel}: start at
     * {@code (counter) % count} over all names).
     */
    public List<DmaSpecifier> candidates(String name, int counter) {
        List<DmaSpecifier> out = new ArrayList<>();
        int count = nameList.size();
        for (int i = 0; i < count; i++) {
            int idx = (i + counter) % count;
            if (nameList.get(idx).equals(name)) {
                for (DmaSpecifier s : specifiers) {
                    if (s.index() == idx) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }
}
