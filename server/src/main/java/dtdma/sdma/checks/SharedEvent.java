package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.sdma.ControllerChecks;
import dtdma.sdma.SdmaFinding;
import dtdma.sdma.SdmaModel;
import dtdma.tree.ValueSpans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SD008: one event used by two enabled consumers of one SDMA controller: the driver accepts it, but the
 * hardware request line is shared or muxed. Reported at the event cell of every consumer after the first.
 */
public final class SharedEvent extends SdmaCheck {
    @Override
    public Code code() {
        return Code.SD008;
    }

    @Override
    public void run(SdmaModel m, List<Diagnostic> out) {
        for (SdmaModel.Controller c : m.controllers()) {
            if (!c.node().enabled()) {
                continue;
            }
            List<ControllerChecks.EventUse> uses = new ArrayList<>();
            List<SdmaModel.Use> enabled = new ArrayList<>();
            for (SdmaModel.Use u : c.uses()) {
                if (u.consumer().node().enabled() && u.specifier().args().length == 3) {
                    uses.add(new ControllerChecks.EventUse(u.consumer().node().path(), u.specifier().name(),
                            u.specifier().args()[0]));
                    enabled.add(u);
                }
            }
            Map<Long, SdmaFinding> shared = ControllerChecks.sharedEvents(uses,
                    c.node().property("gpr") != null, c.node().property("fsl,sdma-event-remap") != null);
            shared.forEach((event, finding) -> {
                String first = null;
                for (SdmaModel.Use u : enabled) {
                    if (u.specifier().args()[0] != event) {
                        continue;
                    }
                    String consumer = u.consumer().node().path();
                    if (first == null) {
                        first = consumer;
                    } else if (!first.equals(consumer)) {
                        out.add(diagnostic(finding, ValueSpans.of(u.consumer().dmas()).cell(u.specifier().offset() + 4)));
                    }
                }
            });
        }
    }
}
