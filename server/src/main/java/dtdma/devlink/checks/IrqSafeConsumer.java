package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL012: a PM_RUNTIME link on an irq-safe consumer: link runtime PM is skipped. */
public final class IrqSafeConsumer extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL012;
    }
}
