package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND006: a combination the binding requires does not hold ({@code oneOf}, {@code anyOf}, {@code not}, dependencies). */
public final class BindingConditionNotMet implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND006;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.CONDITION, code(), out);
    }
}
