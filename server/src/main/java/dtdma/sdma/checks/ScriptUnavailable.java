package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD004: no script exists for the type and direction in this SoC's ROM table (sdma_load_context: -EINVAL). */
public final class ScriptUnavailable extends DecodedFinding {
    public ScriptUnavailable() {
        super(Code.SD004, 2, true);
    }
}
