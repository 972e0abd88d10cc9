package dtdma.sdma.checks;

import dtdma.check.Code;
import dtdma.sdma.ControllerChecks;
import dtdma.sdma.SdmaFinding;
import dtdma.tree.Node;
import java.util.List;

/** SD011: an SDMA node without {@code fsl,sdma-ram-script-name} (required by the binding; ROM scripts only). */
public final class MissingRamScriptName extends ControllerProperties {
    @Override
    public Code code() {
        return Code.SD011;
    }

    @Override
    List<SdmaFinding> findings(Node n) {
        return ControllerChecks.ramScriptName(n.property("fsl,sdma-ram-script-name") != null);
    }
}
