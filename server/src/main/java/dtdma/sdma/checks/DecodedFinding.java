package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.sdma.SdmaFinding;
import dtdma.sdma.SdmaModel;
import dtdma.tree.ValueSpans;
import java.util.List;

/**
 * Base of the checks that report one kind of finding from decoding a specifier (SD002..SD006). The
 * diagnostic points at the cell the finding is about: 1 = event, 2 = peripheral type, 3 = priority.
 */
abstract class DecodedFinding extends SdmaCheck {
    private final Code code;
    private final int cell;
    private final boolean enabledOnly;

    /**
     * @param enabledOnly report only for enabled consumers on enabled controllers (runtime behaviour), or for
     *                    every consumer (a value that is wrong whatever the status)
     */
    DecodedFinding(Code code, int cell, boolean enabledOnly) {
        this.code = code;
        this.cell = cell;
        this.enabledOnly = enabledOnly;
    }

    @Override
    public final Code code() {
        return code;
    }

    @Override
    public final void run(SdmaModel m, List<Diagnostic> out) {
        for (SdmaModel.Controller c : m.controllers()) {
            for (SdmaModel.Use u : c.uses()) {
                if (u.decoded() == null || (enabledOnly && !(dtdma.dma.SeverityPolicy.live(u.consumer().node()) && c.node().enabled()))) {
                    continue;
                }
                for (SdmaFinding f : u.decoded().findings()) {
                    if (f.code() == code) {
                        ValueSpans vs = ValueSpans.of(u.consumer().dmas());
                        out.add(dtdma.dma.SeverityPolicy.apply(diagnostic(f, vs.cell(u.specifier().offset() + 4 * cell)),
                                u.consumer().node(), u.specifier().name()));
                    }
                }
            }
        }
    }
}
