package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL004: both AUTOREMOVE flags: accepted, AUTOREMOVE_CONSUMER is dropped (prefer AUTOREMOVE_SUPPLIER). */
public final class BothAutoremoveFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL004;
    }
}
