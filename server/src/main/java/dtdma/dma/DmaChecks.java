package dtdma.dma;

import dtdma.check.Check;
import dtdma.dma.checks.CellCountMismatch;
import dtdma.dma.checks.ControllerUnavailable;
import dtdma.dma.checks.DmasWithoutNames;
import dtdma.dma.checks.DuplicateNames;
import dtdma.dma.checks.NameCountMismatch;
import dtdma.dma.checks.NamesWithoutDmas;
import dtdma.dma.checks.RequestedNameMissing;
import dtdma.dma.checks.TargetWithoutDmaCells;
import dtdma.dma.checks.UnresolvedPhandle;
import java.util.List;

/** The generic DMA binding checks (DT0xx), in report order. */
public final class DmaChecks {
    private DmaChecks() {
    }

    public static List<Check<DmaModel>> all() {
        return List.of(new NamesWithoutDmas(), new DmasWithoutNames(), new NameCountMismatch(), new DuplicateNames(),
                new UnresolvedPhandle(), new TargetWithoutDmaCells(), new CellCountMismatch(),
                new ControllerUnavailable(), new RequestedNameMissing());
    }
}
