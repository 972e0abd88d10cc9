package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL002: DL_FLAG_STATELESS with a managed-link flag (Frank Li's sketch): device_link_add returns NULL. */
public final class StatelessManagedFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL002;
    }
}
