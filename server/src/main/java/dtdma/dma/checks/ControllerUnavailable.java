package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DmaSpecifier;
import dtdma.dma.DriverRequests;
import dtdma.dma.SeverityPolicy;
import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * DT008: an enabled consumer points at a disabled controller. A disabled node never gets a platform device,
 * so it never calls {@code of_dma_controller_register()}: {@code of_dma_request_slave_channel} finds no
 * registered controller and returns -EPROBE_DEFER, for ever.
 */
public final class ControllerUnavailable implements Check<DmaModel> {
    /** What the endless -EPROBE_DEFER does to this consumer, by its driver. */
    private static String outcome(DmaConsumer c) {
        DriverRequests.Driver d = DriverRequests.of(c.node().compatibles(), c.names());
        if (d.assumed()) {
            return "the consumer's probe keeps deferring (assumed: an unknown driver requesting at probe with "
                    + "dma_request_chan)";
        }
        if (d.when() == DriverRequests.When.NEVER) {
            return "no effect on the " + d.name() + " driver";
        }
        if (d.how() == DriverRequests.How.SLAVE_CHANNEL) {
            return d.how().function() + "() in " + d.where() + " turns it into NULL, so " + d.withoutDma();
        }
        if (d.when() == DriverRequests.When.PROBE && d.defers()) {
            return "the " + d.name() + " probe keeps deferring (" + d.where() + ")";
        }
        return "the " + d.name() + " driver requests " + d.when().text() + " and does not defer on it ("
                + d.where() + "), so " + d.withoutDma();
    }

    @Override
    public Code code() {
        return Code.DT008;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (!SeverityPolicy.live(c.node())) {
                continue;
            }
            List<Node> seen = new ArrayList<>();
            for (DmaSpecifier s : c.specifiers()) {
                Node ctl = s.controller();
                if (ctl == null || ctl.enabled() || seen.contains(ctl)) {
                    continue;
                }
                seen.add(ctl);
                out.add(SeverityPolicy.apply(Diagnostic.of(code(), s.phandleSpan(), "DMA controller " + ctl.path()
                        + " has status \"" + ctl.status() + "\": it never registers, so a request for \""
                        + (s.name() == null ? "entry " + s.index() : s.name()) + "\" gets -EPROBE_DEFER for ever; "
                        + outcome(c), ctl.nameSpan() == null ? List.of()
                                : List.of(new Diagnostic.Related(ctl.nameSpan(), "controller defined here"))),
                        c.node(), s.name()));
            }
        }
    }
}
