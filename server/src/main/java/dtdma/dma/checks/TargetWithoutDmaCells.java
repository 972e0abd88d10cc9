package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import java.util.List;

/** DT006: a {@code dmas} phandle points at a node without {@code #dma-cells}. */
public final class TargetWithoutDmaCells implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT006;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            for (DmaConsumer.Problem p : c.problems()) {
                if (p.kind() == DmaConsumer.ProblemKind.NO_DMA_CELLS) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), p.span(), c.node().path()
                            + ": could not get #dma-cells for " + p.target().path()
                            + " (the target is not a DMA controller)"), c.node(), c.nameAt(p.index())));
                }
            }
        }
    }
}
