package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND003: a value outside what the binding allows ({@code enum}, {@code const}, {@code pattern}, {@code minimum}, {@code maximum}). */
public final class ValueNotAllowed implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND003;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.VALUE, code(), out);
    }
}
