package dtdma.devlink.checks;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import dtdma.devlink.DevlinkModel;
import dtdma.devlink.Finding;
import dtdma.text.Span;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of every DL check: report the simulation's findings of one code, at the consumer's {@code dmas}
 * specifier of the request that caused it, or at the controller node.
 */
public abstract class FindingCheck implements Check<DevlinkModel> {
    @Override
    public void run(DevlinkModel m, List<Diagnostic> out) {
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : m.simulation().findings()) {
            if (f.code() != code()) {
                continue;
            }
            Span span = f.specifier() != null && f.specifier().span() != null ? f.specifier().span()
                    : f.node() != null ? f.node().nameSpan() : null;
            if (span == null || !seen.add(span + "\0" + f.message())) {
                continue;
            }
            out.add(Diagnostic.of(code(), span, f.message()));
        }
    }
}
