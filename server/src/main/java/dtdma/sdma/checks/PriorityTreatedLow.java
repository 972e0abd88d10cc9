package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD006: the priority cell is not 0, 1 or 2: the driver uses DMA_PRIO_LOW (register priority 1). */
public final class PriorityTreatedLow extends DecodedFinding {
    public PriorityTreatedLow() {
        super(Code.SD006, 3, true);
    }
}
