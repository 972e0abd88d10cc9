package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL013: a PM_RUNTIME link to a supplier with runtime PM disabled: rpm_get_suppliers ignores -EACCES, no power effect. */
public final class SupplierRpmDisabled extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL013;
    }
}
