package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND004: too many or too few entries ({@code minItems}, {@code maxItems}), e.g. more {@code dmas} than the binding allows. */
public final class WrongEntryCount implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND004;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.COUNT, code(), out);
    }
}
