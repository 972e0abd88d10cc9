package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD002: the event cell is not below the SoC's number of events (sdma_config: -EINVAL). */
public final class EventOutOfRange extends DecodedFinding {
    public EventOutOfRange() {
        super(Code.SD002, 1, false);
    }
}
