package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import dtdma.tree.Node;
import java.util.List;

/**
 * DT007: a specifier whose cell count does not match the controller's {@code #dma-cells}: truncated at the end
 * (kernel: "#dma-cells = N found M"), a short entry in the middle (the next phandle is silently read as an
 * argument), a long one (a number is read as the next phandle), or a value that is not cells at all.
 */
public final class CellCountMismatch implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT007;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            for (DmaConsumer.Problem p : c.problems()) {
                String msg = message(c, p);
                if (msg != null) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), p.span(), msg), c.node(), c.nameAt(p.index())));
                }
            }
        }
    }

    /** The finding for where the walk stopped, or null when it stopped for a reason other than the cell count. */
    private static String message(DmaConsumer c, DmaConsumer.Problem p) {
        switch (p.kind()) {
            case NOT_CELLS:
                return "dmas must be a list of <&controller args...> cells, but it holds "
                        + (c.holdsNonCells() ? "strings" : c.dmas().value().length() + " bytes, not a multiple of 4");
            case TRUNCATED:
                return entry(c, p.index()) + " has " + cells(p.cellsLeft()) + ", #dma-cells of " + describe(p.target())
                        + " is " + p.dmaCells() + " (kernel: \"" + c.node().path() + ": #dma-cells = " + p.dmaCells()
                        + " found " + p.cellsLeft() + "\")";
            case MISALIGNED:
                return entry(c, p.index()) + " has " + cells(p.argCells()) + ", #dma-cells of " + describe(p.target())
                        + " is " + p.dmaCells() + ": the kernel reads " + p.stray()
                        + "'s phandle as an argument and every later entry is shifted";
            case EXTRA_CELLS:
                return entry(c, p.index()) + " has " + p.argCells() + " argument cells, #dma-cells of "
                        + describe(p.target()) + " is " + p.dmaCells() + ": the number " + p.phandle()
                        + " is read as the next phandle and every later entry is shifted";
            default:
                return null;
        }
    }

    private static String cells(int n) {
        return n + " argument " + (n == 1 ? "cell" : "cells");
    }

    /** "entry 2 of 3 (tx)": 1-based, out of the entries written (references in dmas, or names if more). */
    private static String entry(DmaConsumer c, int index) {
        int total = Math.max(Math.max(c.referencesWritten(), c.names().size()), index + 1);
        String name = c.nameAt(index);
        return "entry " + (index + 1) + " of " + total + (name == null ? "" : " (" + name + ")");
    }

    private static String describe(Node n) {
        return n == null ? "the controller" : n.labels().isEmpty() ? n.path() : "&" + n.labels().get(0);
    }
}
