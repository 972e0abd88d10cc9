package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.sdma.ChannelBudget;
import dtdma.sdma.SdmaModel;
import java.util.List;

/**
 * SD007: more channel requests on one SDMA controller than its 31 usable channels (channel 0 is the command
 * channel). Reported at the first specifier of each request beyond the budget, in the predicted order.
 */
public final class ChannelBudgetExceeded extends SdmaCheck {
    @Override
    public Code code() {
        return Code.SD007;
    }

    @Override
    public void run(SdmaModel m, List<Diagnostic> out) {
        for (SdmaModel.Controller c : m.controllers()) {
            ChannelBudget.Result b = c.budget();
            for (int i = 0; i < b.refused().size(); i++) {
                ChannelBudget.Request r = b.refused().get(i);
                for (SdmaModel.Use u : c.uses()) {
                    if (u.consumer().node().path().equals(r.consumer()) && r.dmaName().equals(u.specifier().name())) {
                        out.add(diagnostic(b.findings().get(i), u.specifier().span()));
                        break;
                    }
                }
            }
        }
    }
}
