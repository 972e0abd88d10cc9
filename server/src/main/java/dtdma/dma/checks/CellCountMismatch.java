package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import java.util.List;
import java.util.Set;

/**
 * DT007: a specifier whose cell count does not match the controller's {@code #dma-cells}: truncated at the end
 * (kernel: "#dma-cells = N found M"), a short entry in the middle (the next phandle is silently read as an
 * argument), a long one (a number is read as the next phandle), or a value that is not cells at all.
 */
public final class CellCountMismatch implements Check<DmaModel> {
    private static final Set<DmaConsumer.ProblemKind> KINDS = Set.of(DmaConsumer.ProblemKind.TRUNCATED,
            DmaConsumer.ProblemKind.MISALIGNED, DmaConsumer.ProblemKind.EXTRA_CELLS, DmaConsumer.ProblemKind.NOT_CELLS);

    @Override
    public Code code() {
        return Code.DT007;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            for (DmaConsumer.Problem p : c.problems()) {
                if (KINDS.contains(p.kind())) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), p.span(), p.message()), c.node(),
                            c.nameAt(p.index())));
                }
            }
        }
    }
}
