package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.sdma.SdmaModel;
import java.util.List;

/**
 * SD001: an SDMA specifier without exactly three cells. {@code sdma_xlate} returns NULL when
 * {@code dma_spec->args_count != 3}, so the request fails with -ENODEV.
 */
public final class SpecifierCells extends SdmaCheck {
    @Override
    public Code code() {
        return Code.SD001;
    }

    @Override
    public void run(SdmaModel m, List<Diagnostic> out) {
        for (SdmaModel.Controller c : m.controllers()) {
            for (SdmaModel.Use u : c.uses()) {
                int n = u.specifier().args().length;
                if (n != 3) {
                    out.add(dtdma.dma.SeverityPolicy.apply(Diagnostic.of(code(), u.specifier().span(), "SDMA "
                            + "specifiers need 3 cells <event type priority>, this one has " + n + " (#dma-cells of "
                            + c.node().path() + " is " + n + "): sdma_xlate returns NULL and the request fails with "
                            + "-ENODEV"), u.consumer().node(), u.specifier().name()));
                }
            }
        }
    }
}
