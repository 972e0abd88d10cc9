package dtdma.workspace;

import dtdma.check.Diagnostic;
import dtdma.tree.DeviceTree;
import java.nio.file.Path;
import java.util.List;

/** The analysis of one board or partial file: its merged tree and every diagnostic, in all of its files. */
public record BoardResult(Path file, DeviceTree tree, List<Diagnostic> diagnostics) {
    public BoardResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
