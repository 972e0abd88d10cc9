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
 * {@code of_parse_phandle_with_args(np, "dmas", "#dma-cells", i)} walks the cells, its names, and where and why
 * the walk stopped early (the kernel stops at the first bad entry; so does this model). Facts only: the DT checks
 * ({@code dma/checks}) turn them into findings and messages.
 */
public final class DmaConsumer {
    /** Why the walk over {@code dmas} stopped before its end. */
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

    /**
     * Where and why the walk over {@code dmas} stopped, as facts; the DT checks word them (DT005 unresolved, DT006
     * no {@code #dma-cells}, DT007 the cell-count kinds). The kernel's walk stops at the same entry.
     *
     * @param kind      why the walk stopped
     * @param index     the entry the walk was reading (for {@link ProblemKind#EXTRA_CELLS}: the over-long entry
     *                  before the number read as a phandle)
     * @param offset    byte offset of the cell read as a phandle there (0 for {@link ProblemKind#NOT_CELLS})
     * @param phandle   the value of that cell
     * @param ref       the reference written at that cell, e.g. {@code dma1}, or null for a plain number
     * @param target    the node the phandle resolves to (for EXTRA_CELLS: the over-long entry's controller), or
     *                  null
     * @param dmaCells  the target's {@code #dma-cells}, or -1 when it has none (or none was read)
     * @param cellsLeft the cells after the phandle cell, up to the end of the value
     * @param argCells  the argument cells the entry has as written: before the stray reference (MISALIGNED), up
     *                  to the next reference (EXTRA_CELLS); else -1
     * @param stray     MISALIGNED: the reference the kernel reads as an argument; else null
     * @param span      the source of the cells concerned
     */
    public record Problem(ProblemKind kind, int index, int offset, long phandle, String ref, Node target,
            long dmaCells, int cellsLeft, int argCells, String stray, Span span) {
        /** A short description of the fact, e.g. {@code UNRESOLVED at entry 2} (not a diagnostic message). */
        public String message() {
            return kind + " at entry " + index + " (byte offset " + offset + ")";
        }
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
        if (cells == null || holdsNonCells()) {
            problems.add(new Problem(ProblemKind.NOT_CELLS, 0, 0, 0, null, null, -1, 0, -1, null, spans.whole()));
            return;
        }
        int i = 0;
        int index = 0;
        while (i < cells.length) {
            int offset = i * 4;
            Marker ref = dmas.value().refAt(offset);
            String refName = ref == null ? null : ref.ref();
            long ph = cells[i];
            Span phSpan = spans.cell(offset);
            int left = cells.length - i - 1;
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
                    // a number where a phandle is due, with references written after it: the entry before is long
                    DmaSpecifier prev = specifiers.get(specifiers.size() - 1);
                    int written = (nextRef(i) - prev.offset()) / 4 - 1;
                    problems.add(new Problem(ProblemKind.EXTRA_CELLS, prev.index(), offset, ph, null,
                            prev.controller(), prev.args().length, left, written, null,
                            spans.cells(prev.offset(), offset + 4)));
                    return;
                }
                if (target == null) {
                    problems.add(new Problem(ProblemKind.UNRESOLVED, index, offset, ph, refName, null, -1, left, -1,
                            null, phSpan));
                    return;
                }
            }
            var cellsProp = target.property("#dma-cells");
            if (cellsProp == null || cellsProp.value().length() != 4) {
                problems.add(new Problem(ProblemKind.NO_DMA_CELLS, index, offset, ph, refName, target, -1, left, -1,
                        null, phSpan));
                return;
            }
            long n = cellsProp.value().cellAt(0);
            if (n > left) {
                problems.add(new Problem(ProblemKind.TRUNCATED, index, offset, ph, refName, target, n, left, -1, null,
                        spans.cells(offset, cells.length * 4)));
                return;
            }
            for (int k = 1; k <= n; k++) {
                Marker inner = dmas.value().refAt(offset + 4 * k);
                if (inner != null && inner.kind() == Marker.Kind.REF_PHANDLE) {
                    problems.add(new Problem(ProblemKind.MISALIGNED, index, offset, ph, refName, target, n, left,
                            k - 1, inner.ref(), spans.cells(offset, offset + 4 * k + 4)));
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

    /** True when {@code dmas} holds strings, bytes, paths or non-32-bit numbers: no list of cells. */
    public boolean holdsNonCells() {
        for (Marker m : dmas.value().markers()) {
            if (m.kind() == Marker.Kind.STRING || m.kind() == Marker.Kind.BYTES || m.kind() == Marker.Kind.REF_PATH
                    || m.kind() == Marker.Kind.UINT8 || m.kind() == Marker.Kind.UINT16 || m.kind() == Marker.Kind.UINT64) {
                return true;
            }
        }
        return false;
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

    /** The number of {@code &references} written in {@code dmas} (0 without it). */
    public int referencesWritten() {
        int refs = 0;
        if (dmas != null) {
            for (Marker m : dmas.value().markers()) {
                if (m.kind() == Marker.Kind.REF_PHANDLE) {
                    refs++;
                }
            }
        }
        return refs;
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

    /** Where the walk stopped early: empty, or the one entry it stopped at. */
    public List<Problem> problems() {
        return problems;
    }

    /** True when the whole of {@code dmas} was split without stopping early. */
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
