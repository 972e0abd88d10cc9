package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND002: a property the binding lists under {@code required} is missing (not reported on disabled nodes, as dt-validate). */
public final class RequiredPropertyMissing implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND002;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.REQUIRED, code(), out);
    }
}
