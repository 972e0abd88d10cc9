package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DmaSpecifier;
import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * DT008: an enabled consumer points at a disabled controller. A disabled node never gets a platform device,
 * so it never calls {@code of_dma_controller_register()}: {@code of_dma_request_slave_channel} finds no
 * registered controller and returns -EPROBE_DEFER, for ever.
 */
public final class ControllerUnavailable implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT008;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (!c.node().enabled()) {
                continue;
            }
            List<Node> seen = new ArrayList<>();
            for (DmaSpecifier s : c.specifiers()) {
                Node ctl = s.controller();
                if (ctl == null || ctl.enabled() || seen.contains(ctl)) {
                    continue;
                }
                seen.add(ctl);
                out.add(Diagnostic.of(code(), s.phandleSpan(), "DMA controller " + ctl.path() + " has status \""
                        + ctl.status() + "\": it never registers, so dma_request_chan() for \""
                        + (s.name() == null ? "entry " + s.index() : s.name())
                        + "\" returns -EPROBE_DEFER for ever and the consumer's probe keeps deferring",
                        ctl.nameSpan() == null ? List.of() : List.of(new Diagnostic.Related(ctl.nameSpan(), "controller defined here"))));
            }
        }
    }
}
