package dtdma.bindings.checks;

import dtdma.bindings.BindingChecks;
import dtdma.bindings.BindingFinding;
import dtdma.bindings.BindingResults;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.List;

/** BND005: a value of the wrong type or integer width for the binding ({@code type}, {@code typeSize}). */
public final class WrongValueType implements Check<BindingResults> {
    @Override
    public Code code() {
        return Code.BND005;
    }

    @Override
    public void run(BindingResults model, List<Diagnostic> out) {
        BindingChecks.report(model, BindingFinding.Kind.TYPE, code(), out);
    }
}
