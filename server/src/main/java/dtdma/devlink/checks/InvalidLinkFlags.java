package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL001: flags with unknown bits or DL_FLAG_MANAGED: device_link_add returns NULL (flags \& ~DL_ADD_VALID_FLAGS). */
public final class InvalidLinkFlags extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL001;
    }
}
