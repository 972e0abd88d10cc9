package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import java.util.List;

/** DT005: a {@code dmas} phandle that matches no node ({@code of_phandle_iterator_next}: "could not find phandle"). */
public final class UnresolvedPhandle implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT005;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            for (DmaConsumer.Problem p : c.problems()) {
                if (p.kind() == DmaConsumer.ProblemKind.UNRESOLVED) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), p.span(), c.node().path()
                            + ": could not find phandle " + p.phandle() + (p.ref() != null ? " (reference " + p.ref()
                            + ")" : "") + "; this entry and all after it are unusable"), c.node(), null));
                }
            }
        }
    }
}
