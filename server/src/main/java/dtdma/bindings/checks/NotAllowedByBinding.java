package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND001: a property or child node that the node's bindings do not allow ({@code additionalProperties} or {@code unevaluatedProperties} false). */
public final class NotAllowedByBinding implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND001;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.UNEXPECTED, code(), out);
    }
}
