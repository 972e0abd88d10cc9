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
 * -ENODEV (most drivers then fall back to PIO). For the drivers listed in {@link DriverRequests} the names are
 * the driver's; for any other driver, the names the consumer's binding requires.
 */
public final class RequestedNameMissing implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT009;
    }

    /**
     * A driver dtdma does not know: the names its binding requires stand for the names it requests (the
     * binding's {@code dma-names} entries up to its {@code minItems}; all of an {@code items} list without one).
     */
    private void fromBinding(DmaModel m, DmaConsumer c, List<Diagnostic> out) {
        dtdma.bindings.DmaFacts f = m.bindingFacts(c.node());
        if (f == null || f.names().isEmpty()) {
            return;
        }
        for (String name : f.requiredNames()) {
            if (!c.names().contains(name)) {
                out.add(Diagnostic.of(code(), c.namesProperty().span(), "the binding " + f.binding().displayFile()
                        + " requires the dma-names entry \"" + name + "\", so its driver requests that channel by "
                        + "name (dtdma does not know the driver itself), but dma-names has no such entry: that "
                        + "request fails with -ENODEV"));
            }
        }
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (!dtdma.dma.SeverityPolicy.live(c.node()) || c.dmas() == null || c.namesProperty() == null || c.names().isEmpty()) {
                continue;
            }
            DriverRequests.Driver d = DriverRequests.forCompatibles(c.node().compatibles());
            if (d == null) {
                fromBinding(m, c, out);
                continue;
            }
            if (d.namesOptional() || d.when() == DriverRequests.When.NEVER
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
