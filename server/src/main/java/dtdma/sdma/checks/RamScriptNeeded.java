package dtdma.sdma.checks;

import dtdma.check.Code;

/** SD005: the script is a RAM script: it works only once fsl,sdma-ram-script-name has loaded ("sdma firmware not ready!"). */
public final class RamScriptNeeded extends DecodedFinding {
    public RamScriptNeeded() {
        super(Code.SD005, 2, true);
    }
}
