package dtdma.tree;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.Cancel;
import dtdma.text.Span;
import java.util.List;
import java.util.function.Consumer;

/**
 * One of the checks dtc makes while it builds the tree (in {@code checks.c}, with error level): names, labels,
 * headers, {@code name} properties. It runs inside {@link TreeBuilder} on the merged tree before deleted objects
 * are pruned, so it still sees what a deletion removed, and reports with its own TR code. The other TR codes
 * (unresolved references, bad values, binary includes) are found while the tree is built, not by a check.
 */
abstract class TreeCheck implements Check<TreeCheck.Merged> {
    /**
     * The merged tree as the checks see it.
     *
     * @param root        the root, deleted objects still in place and flagged
     * @param headers     for each {@code /dts-v1/;} header in order, whether {@code /plugin/} followed it
     * @param headerSpans the span of each header
     * @param cancel      polled at every node a check visits
     */
    record Merged(Node root, List<Boolean> headers, List<Span> headerSpans, Cancel cancel) {
    }

    private final Code code;

    TreeCheck(Code code) {
        this.code = code;
    }

    @Override
    public final Code code() {
        return code;
    }

    /** Adds a finding of this check's code (a missing span is reported at the start of the first file). */
    final void report(List<Diagnostic> out, Span span, String message, List<Diagnostic.Related> related) {
        out.add(Diagnostic.of(code, span == null ? new Span(0, 0, 0) : span, message, related));
    }

    final void report(List<Diagnostic> out, Span span, String message) {
        report(out, span, message, List.of());
    }

    /**
     * Visits the children that are not deleted of every node {@link #walk} visits, a node's children together
     * before its grandchildren (dtc's order for the checks of a node's name).
     */
    static void walkChildren(Merged m, Consumer<Node> f) {
        walk(m, m.root(), n -> {
            for (Node c : n.children()) {
                if (!c.deleted) {
                    f.accept(c);
                }
            }
        });
    }

    /** Visits every node that is not deleted, parents before children, polling the cancel signal at each. */
    static void walk(Merged m, Node n, Consumer<Node> f) {
        m.cancel().check();
        if (n.deleted) {
            return;
        }
        f.accept(n);
        for (int i = 0; i < n.children().size(); i++) {
            walk(m, n.children().get(i), f);
        }
    }
}
