package dtdma.dma;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.tree.Node;

/**
 * How severe a finding about a DMA consumer is on this board (docs/diagnostics.md, "Severity policy"): an error
 * means the kernel will certainly fail for an enabled device. A finding on a node that is disabled in the merged
 * tree (itself or an ancestor) is a hint: no device is created for it, and SoC {@code .dtsi} files leave
 * board-specific properties to the boards that enable the node. A finding on a channel the node's known driver
 * never requests is at most a warning that says the problem is latent.
 */
public final class SeverityPolicy {
    private SeverityPolicy() {
    }

    /** True when the node and all its ancestors are enabled, so the kernel creates a device for it. */
    public static boolean live(Node n) {
        for (Node x = n; x != null; x = x.parent()) {
            if (!x.isRoot() && !x.enabled()) {
                return false;
            }
        }
        return true;
    }

    /** The disabled node that keeps {@code n} from becoming a device, or null. */
    public static Node disabledBy(Node n) {
        for (Node x = n; x != null; x = x.parent()) {
            if (!x.isRoot() && !x.enabled()) {
                return x;
            }
        }
        return null;
    }

    /**
     * Applies the policy to a finding about {@code consumer}'s channel {@code name} (null when the finding is
     * about the whole binding).
     */
    public static Diagnostic apply(Diagnostic d, Node consumer, String name) {
        Node off = disabledBy(consumer);
        if (off != null) {
            if (d.severity() == Severity.HINT) {
                return d;
            }
            return new Diagnostic(d.code(), Severity.HINT, d.span(), d.message() + "; latent: "
                    + (off == consumer ? "the node" : off.path()) + " has status \"" + off.status()
                    + "\", so no device is created (a board that enables it must complete it)", d.related());
        }
        if (!d.severity().atLeast(Severity.WARNING)) {
            return d;
        }
        DriverRequests.Driver drv = DriverRequests.forCompatibles(consumer.compatibles());
        if (drv == null) {
            return d;
        }
        if (drv.when() == DriverRequests.When.NEVER) {
            return new Diagnostic(d.code(), Severity.WARNING, d.span(), d.message() + "; latent: the " + drv.name()
                    + " driver never requests DMA (" + drv.source() + ")", d.related());
        }
        if (drv.skipsConsole() && Console.is(consumer)) {
            return new Diagnostic(d.code(), Severity.WARNING, d.span(), d.message() + "; latent: this is the console "
                    + "port (/chosen/stdout-path) and the " + drv.name() + " driver requests no DMA for the console ("
                    + drv.cites().get(drv.cites().size() - 1) + ")", d.related());
        }
        if (name != null && !drv.requests(name)) {
            return new Diagnostic(d.code(), Severity.WARNING, d.span(), d.message() + "; latent: the " + drv.name()
                    + " driver never requests \"" + name + "\" (" + drv.where() + ")", d.related());
        }
        return d;
    }

    /**
     * A finding that makes every request of the consumer fail (DT001, DT002): an error only where a known
     * driver requests by name and has no fallback; a warning that says what is lost where the driver falls
     * back; a warning about the binding where the driver is unknown; then {@link #apply}.
     */
    public static Diagnostic everyRequestFails(dtdma.check.Code code, dtdma.text.Span at, String head, Node node) {
        return everyRequestFails(code, at, head, node, null);
    }

    /**
     * As {@link #everyRequestFails(dtdma.check.Code, dtdma.text.Span, String, Node)}, and for a driver dtdma does
     * not know, what the node's binding says decides: a binding that names the channels ({@code dma-names}) means
     * the driver requests them by name, so every request fails (a warning: the driver's fallback is not known); a
     * binding that gives {@code dmas} but no {@code dma-names} means the driver does not request by name, so
     * nothing fails on this account (information).
     */
    public static Diagnostic everyRequestFails(dtdma.check.Code code, dtdma.text.Span at, String head, Node node,
            dtdma.bindings.DmaFacts binding) {
        DriverRequests.Driver d = DriverRequests.forCompatibles(node.compatibles());
        Diagnostic out;
        if (d == null && binding != null && !binding.names().isEmpty()) {
            out = new Diagnostic(code, Severity.WARNING, at, head + "; the binding "
                    + binding.binding().displayFile() + " names this node's channels (dma-names " + quoted(binding.names())
                    + (binding.namesRequired() ? ", required" : "") + "), so its driver requests them by name",
                    java.util.List.of());
        } else if (d == null && binding != null && binding.describesDma()) {
            out = new Diagnostic(code, Severity.INFO, at, head.replace("every request by name fails",
                    "a request by name would fail") + "; but the binding " + binding.binding().displayFile()
                    + " gives dmas without dma-names: it defines no names to request these channels by, so the node"
                    + " is as its binding describes it",
                    java.util.List.of());
        } else if (d == null) {
            out = new Diagnostic(code, Severity.WARNING, at, head + "; the binding (dt-schema dma.yaml) pairs "
                    + "dma-names with dmas, and dtdma does not know this node's driver (assumed: it requests its "
                    + "channels by name at probe)", java.util.List.of());
        } else if (d.when() == DriverRequests.When.NEVER) {
            out = new Diagnostic(code, Severity.WARNING, at, head, java.util.List.of());
        } else {
            Severity s = d.fallback() == DriverRequests.Fallback.PIO ? Severity.WARNING : Severity.ERROR;
            out = new Diagnostic(code, s, at, head + " in " + d.where() + ", so " + d.withoutDma(), java.util.List.of());
        }
        return apply(out, node, null);
    }

    private static String quoted(java.util.List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(n).append('"');
        }
        return sb.toString();
    }
}
