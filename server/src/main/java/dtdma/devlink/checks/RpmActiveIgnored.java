package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL006: DL_FLAG_RPM_ACTIVE without DL_FLAG_PM_RUNTIME: ignored. */
public final class RpmActiveIgnored extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL006;
    }
}
