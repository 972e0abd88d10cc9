package dtdma.sdma.checks;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import dtdma.sdma.SdmaFinding;
import dtdma.sdma.SdmaModel;
import dtdma.text.Span;
import java.util.List;

/** Shared plumbing of the SDMA checks: a finding of the model becomes a diagnostic at a span. */
abstract class SdmaCheck implements Check<SdmaModel> {
    /** Marks findings the domain sources do not confirm, so users read them as uncertain. */
    static final String UNCERTAIN = " (uncertain)";

    static Diagnostic diagnostic(SdmaFinding f, Span at, List<Diagnostic.Related> related) {
        return new Diagnostic(f.code(), f.severity(), at, f.message() + (f.uncertain() ? UNCERTAIN : ""), related);
    }

    static Diagnostic diagnostic(SdmaFinding f, Span at) {
        return diagnostic(f, at, List.of());
    }
}
