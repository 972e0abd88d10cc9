package dtdma.devlink.checks;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import dtdma.devlink.DevlinkModel;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.DriverCore;
import dtdma.devlink.Finding;
import dtdma.text.Span;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of every DL check: its rule ({@link #judge}) turns the records of a simulation run into findings of
 * its code ({@code DevlinkChecks.findings} runs every rule, giving {@code Simulation.findings()}), and
 * {@link #run} reports the simulation's findings of its code at the consumer's {@code dmas} specifier of the
 * request that caused it, or at the controller node.
 */
public abstract class FindingCheck implements Check<DevlinkModel> {
    /** This check's rule: adds the findings one record gives to {@code out}, in the order they arise. */
    public abstract void judge(DevlinkRecord record, List<Finding> out);

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

    /** A finding of this check's code about the request that made the call {@code a}. */
    protected final Finding finding(DevlinkRecord.LinkAdd a, String message) {
        return new Finding(code(), a.consumerNode(), a.specifier(), message);
    }

    /** The call of {@code dma_request_chan}'s device link, or null for any other record. */
    protected static DevlinkRecord.LinkAdd dmaRequestLink(DevlinkRecord record) {
        return record instanceof DevlinkRecord.LinkAdd a && a.origin() == DevlinkRecord.Origin.DMA_REQUEST ? a : null;
    }

    /**
     * The rule of the checks for a device link {@code dma_request_chan} could not make: when its
     * {@code device_link_add} returned NULL for one of {@code failures}, the request fails -EINVAL and leaks the
     * channel; what follows depends on the consumer's driver.
     */
    protected final void failedLink(DevlinkRecord record, Set<DriverCore.AddFailure> failures, List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a == null || !a.failed() || !failures.contains(a.result().failure())) {
            return;
        }
        var con = a.consumer();
        out.add(finding(a, a.call() + " returns NULL: " + a.result().reason() + " (rule " + a.result().failure().step()
                + " of device_link_add); dma_request_chan returns -EINVAL and leaks " + a.channel() + "; "
                + (con.mandatory() ? "the consumer probe fails -EINVAL" : con.model().assumed()
                        ? "assumed: the unknown driver goes on without the channel" : con.model().withoutDma())));
    }

    /** The rule of the checks on a note {@code device_link_add} made about the call (a flag ignored or not merged). */
    protected final void noted(DevlinkRecord record, Set<DriverCore.NoteKind> kinds, String suffix,
            List<Finding> out) {
        DevlinkRecord.LinkAdd a = dmaRequestLink(record);
        if (a == null) {
            return;
        }
        for (DriverCore.Note n : a.result().notes()) {
            if (kinds.contains(n.kind())) {
                out.add(finding(a, a.call() + ": " + n.message() + suffix));
            }
        }
    }
}
