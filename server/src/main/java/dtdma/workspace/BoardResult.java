package dtdma.workspace;

import dtdma.check.Diagnostic;
import dtdma.tree.DeviceTree;
import java.util.List;

/** The merged tree of one board and every diagnostic found on the way (preprocessor, parser, merger). */
public record BoardResult(DeviceTree tree, List<Diagnostic> diagnostics) {
    public BoardResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
