package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import java.util.List;

/** DT001: {@code dma-names} without {@code dmas} (dt-schema {@code dependencies: dma-names: [dmas]}). */
public final class NamesWithoutDmas implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT001;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (c.dmas() == null && c.namesProperty() != null) {
                out.add(SeverityPolicy.everyRequestFails(code(), c.namesProperty().span(),
                        "dma-names without dmas in " + c.node().path() + ": the binding requires dmas wherever "
                                + "dma-names is present, and every request fails with -ENODEV", c.node()));
            }
        }
    }
}
