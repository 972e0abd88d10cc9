package dtdma.check;

import dtdma.text.Cancel;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * One check over an analysed model (a DMA model, an SDMA model, ...): it adds diagnostics of its own code
 * to {@code out}. Adding a check is one class plus one line in its family's registry.
 */
public interface Check<M> {
    /** The code this check reports. */
    Code code();

    void run(M model, List<Diagnostic> out);

    /**
     * Runs the check unless {@code cancel} has fired. A check whose own loops are long polls {@code cancel} in
     * them (by overriding this method or through its model); the others are short enough to run to the end.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    default void run(M model, List<Diagnostic> out, Cancel cancel) {
        cancel.check();
        run(model, out);
    }

    /**
     * Runs every check; a check that throws is logged and reported as INT001 at {@code where}, and the others
     * still run.
     */
    static <M> void runAll(List<? extends Check<M>> checks, M model, List<Diagnostic> out, dtdma.text.Span where) {
        runAll(checks, model, out, where, Cancel.NONE);
    }

    /**
     * Like {@link #runAll(List, Object, List, dtdma.text.Span)}, polling {@code cancel} before every check and
     * passing it to each; a cancellation is not a failing check and stops the run.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    static <M> void runAll(List<? extends Check<M>> checks, M model, List<Diagnostic> out, dtdma.text.Span where,
            Cancel cancel) {
        Cancel c0 = cancel == null ? Cancel.NONE : cancel;
        for (Check<M> c : checks) {
            c0.check();
            try {
                c.run(model, out, c0);
            } catch (CancellationException e) {
                throw e;
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
