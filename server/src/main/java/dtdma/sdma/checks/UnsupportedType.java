package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD003: the peripheral type is one the driver does not support ("Unsupported transfer type", -EINVAL at prep). */
public final class UnsupportedType extends DecodedFinding {
    public UnsupportedType() {
        super(Code.SD003, 2, false);
    }
}
