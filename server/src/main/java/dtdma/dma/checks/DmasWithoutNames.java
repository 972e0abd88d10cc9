package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import java.util.List;

/**
 * DT002: {@code dmas} present but {@code dma-names} absent, empty or not strings. Every request by name fails in
 * {@code of_dma_request_slave_channel} with "dma-names property of node '...' missing or empty" (-ENODEV). How
 * bad that is depends on the driver: an error only where a known driver requests by name and has no fallback; a
 * warning that says what is lost where it falls back; a warning about the binding when the driver is unknown or
 * never requests DMA; a hint on a disabled node.
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
            String head;
            var at = (c.namesProperty() != null ? c.namesProperty() : c.dmas()).span();
            if (c.namesProperty() == null || (c.names().isEmpty() && !c.namesMalformed())) {
                String typo = c.node().property("dma-name") != null ? " (the node has 'dma-name': a typo for 'dma-names'?)"
                        : "";
                head = "dmas without dma-names" + typo + ": the kernel reports \"dma-names property of node '"
                        + c.node().path() + "' missing or empty\" and every request by name fails with -ENODEV";
            } else if (c.namesMalformed()) {
                head = "dma-names must be a list of strings; of_property_count_strings() fails and every request "
                        + "by name gets -ENODEV";
            } else {
                continue;
            }
            out.add(SeverityPolicy.everyRequestFails(code(), at, head, c.node(), m.bindingFacts(c.node())));
        }
    }
}
