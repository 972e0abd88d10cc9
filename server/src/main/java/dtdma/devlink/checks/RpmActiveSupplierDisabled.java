package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL005: PM_RUNTIME|RPM_ACTIVE to a supplier whose runtime PM is disabled: pm_runtime_get_sync returns -EACCES and device_link_add returns NULL. */
public final class RpmActiveSupplierDisabled extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL005;
    }
}
