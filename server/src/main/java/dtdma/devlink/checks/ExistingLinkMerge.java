package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL010: the link already exists (e.g. made by fw_devlink) and the merge rules of device_link_add do not apply the requested AUTOREMOVE flag. */
public final class ExistingLinkMerge extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL010;
    }
}
