package dtdma.check;

import java.util.List;

/**
 * One check over an analysed model (a DMA model, an SDMA model, ...): it adds diagnostics of its own code
 * to {@code out}. Adding a check is one class plus one line in its family's registry.
 */
public interface Check<M> {
    /** The code this check reports. */
    Code code();

    void run(M model, List<Diagnostic> out);

    /**
     * Runs every check; a check that throws is logged and reported as INT001 at {@code where}, and the others
     * still run.
     */
    static <M> void runAll(List<? extends Check<M>> checks, M model, List<Diagnostic> out, dtdma.text.Span where) {
        for (Check<M> c : checks) {
            try {
                c.run(model, out);
            } catch (RuntimeException | StackOverflowError e) {
                java.util.logging.Logger.getLogger(Check.class.getName()).log(java.util.logging.Level.WARNING,
                        "check " + c.getClass().getSimpleName() + " failed", e);
                if (where != null) {
                    out.add(Diagnostic.of(Code.INT001, where, "check " + c.code().id() + " failed: " + e));
                }
            }
        }
    }
}
