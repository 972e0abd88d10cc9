package dtdma.bindings;

import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import java.util.List;

/**
 * The binding findings of one board, the model the BND checks read, with a way to point into the binding
 * files for related information.
 */
public record BindingResults(java.nio.file.Path board, DeviceTree tree, BindingSet set, List<BindingFinding> findings, Locator locator) {
    public BindingResults {
        findings = List.copyOf(findings);
    }

    /** Finds a place in a binding file (registered as a source file by the caller). */
    public interface Locator {
        /** The span of {@code property}'s entry in the binding's file, or of its start; null if unreadable. */
        Span locate(Binding binding, String property);
    }
}
