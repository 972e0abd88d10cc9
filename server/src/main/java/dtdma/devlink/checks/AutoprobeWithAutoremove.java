package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL003: DL_FLAG_AUTOPROBE_CONSUMER with DL_FLAG_AUTOREMOVE_*: device_link_add returns NULL. */
public final class AutoprobeWithAutoremove extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL003;
    }
}
