package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL015: a link made by dma_request_chan during or after the consumer's probe starts consumer-probing or active and gates nothing (Laurent Pinchart's point). */
public final class LinkDoesNotGateProbe extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL015;
    }
}
