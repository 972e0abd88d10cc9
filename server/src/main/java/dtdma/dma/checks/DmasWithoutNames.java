package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import java.util.List;

/**
 * DT002: {@code dmas} present but {@code dma-names} absent or empty. Every request by name fails in
 * {@code of_dma_request_slave_channel} with "dma-names property of node '...' missing or empty" (-ENODEV).
 */
public final class DmasWithoutNames implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT002;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (c.dmas() == null) {
                continue;
            }
            if (c.namesProperty() == null || (c.names().isEmpty() && !c.namesMalformed())) {
                String typo = c.node().property("dma-name") != null ? " (the node has 'dma-name': a typo for 'dma-names'?)"
                        : "";
                out.add(Diagnostic.of(code(), (c.namesProperty() != null ? c.namesProperty() : c.dmas()).span(),
                        "dmas without dma-names" + typo + ": the kernel reports \"dma-names property of node '"
                                + c.node().path() + "' missing or empty\" and every dma_request_chan() fails with -ENODEV"));
            } else if (c.namesMalformed()) {
                out.add(Diagnostic.of(code(), c.namesProperty().span(),
                        "dma-names must be a list of strings; of_property_count_strings() fails and every request "
                                + "gets -ENODEV"));
            }
        }
    }
}
