package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DriverRequests;
import java.util.List;

/**
 * DT009: the consumer's driver requests a channel name that {@code dma-names} lacks, so that request gets
 * -ENODEV (most drivers then fall back to PIO). Only drivers listed in {@link DriverRequests} are known.
 */
public final class RequestedNameMissing implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT009;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (!dtdma.dma.SeverityPolicy.live(c.node()) || c.dmas() == null || c.namesProperty() == null || c.names().isEmpty()) {
                continue;
            }
            DriverRequests.Driver d = DriverRequests.forCompatibles(c.node().compatibles());
            if (d == null || d.namesOptional() || d.when() == DriverRequests.When.NEVER
                    || (d.skipsConsole() && dtdma.dma.Console.is(c.node()))) {
                continue;
            }
            for (String name : d.names()) {
                if (!c.names().contains(name)) {
                    out.add(Diagnostic.of(code(), c.namesProperty().span(), "the " + d.name() + " driver requests \""
                            + name + "\" " + d.when().text() + " (" + d.where() + ") but dma-names has no such entry: "
                            + "that request fails with -ENODEV, so " + d.withoutDma()));
                }
            }
        }
    }
}
