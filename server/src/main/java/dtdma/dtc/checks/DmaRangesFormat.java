package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/** dtc's {@code dma_ranges_format}: as {@code ranges_format}, for {@code dma-ranges}. */
public final class DmaRangesFormat extends DtcCheck {
    public DmaRangesFormat() {
        super("dma_ranges_format", Code.DC015, true, "addr_size_cells");
    }

    @Override
    protected String keyProperty() {
        return "dma-ranges";
    }

    @Override
    protected void check(DtcRun run, Node node) {
        RangesFormat.check(run, node, "dma-ranges");
    }
}
