package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD005b: the script comes from firmware v3 fields that no ROM provides (-EINVAL at prep without that firmware). */
public final class FirmwareV3Script extends DecodedFinding {
    public FirmwareV3Script() {
        super(Code.SD005B, 2, true);
    }
}
