package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcRun;
import dtdma.tree.Node;

/**
 * dtc's {@code addr_size_cells}: reads {@code #address-cells} and {@code #size-cells} of every node for the
 * checks that need them. Reports nothing itself; it is skipped (and they with it) when either property is not
 * one cell somewhere.
 */
public final class AddrSizeCells extends DtcCheck {
    public AddrSizeCells() {
        super("addr_size_cells", Code.DC012, true, "address_cells_is_cell", "size_cells_is_cell");
    }

    @Override
    public void run(DtcRun run, java.util.List<dtdma.check.Diagnostic> out) {
        run.cellsRead(); // the values are read where needed
    }

    @Override
    protected void check(DtcRun run, Node node) {
        // nothing per node: see run
    }
}
