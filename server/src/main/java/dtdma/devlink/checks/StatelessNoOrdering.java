package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL011: a stateless link: no probe or remove ordering (Marco Felsch's objection). */
public final class StatelessNoOrdering extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL011;
    }
}
