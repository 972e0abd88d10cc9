package dtdma.devlink;

import dtdma.dma.DmaSpecifier;
import dtdma.tree.Node;
import java.util.List;

/**
 * What happened in a simulation run, as facts taken at the moment it happened: the {@code device_link_add} calls,
 * the controller unregistrations and the kernel WARNs. The DL checks ({@code devlink/checks}, one class each) turn
 * these records into findings; {@link Simulation#findings()} is their result.
 */
public sealed interface DevlinkRecord {
    /** Who called {@code device_link_add}. */
    enum Origin {
        /** {@code dma_request_chan} in the simulated mode, after it got a channel. */
        DMA_REQUEST,
        /** fw_devlink (strict) from the consumer's {@code dmas}, before any probe. */
        FW_DEVLINK
    }

    /**
     * One {@code device_link_add} call and its outcome.
     *
     * @param origin              who made the call
     * @param consumer            the DMA consumer (its driver model, whether it requests at probe, mandatory DMA)
     * @param specifier           the {@code dmas} entry of the request (or the fw_devlink supplier's first entry)
     * @param supplier            the supplier device passed
     * @param flags               the flags passed
     * @param call                the call as the simulation describes it, e.g.
     *                            {@code device_link_add(a, b, AUTOREMOVE_CONSUMER) in dma_request_chan (...)}
     * @param result              what {@code device_link_add} returned (link or failure, notes); its link is live
     *                            state, read {@code linkFlags} and {@code linkStatus} instead
     * @param linkFlags           the returned link's flags just after the call (0 when it failed)
     * @param linkStatus          the returned link's status just after the call (null when it failed)
     * @param channel             the channel device dma_request_chan obtained (null for fw_devlink)
     * @param supplierHasDriver   whether the supplier device ever gets a driver (channel devices never do)
     * @param supplierRpmDisabled whether the supplier's runtime PM is disabled: now, for a dmaengine link; for good
     *                            (a controller driver known never to enable it), for a fw_devlink link
     * @param consumerIrqSafe     whether the consumer uses irq-safe runtime PM
     * @param fwDevlinkStrict     whether fw_devlink.strict is simulated
     */
    record LinkAdd(Origin origin, Simulation.Consumer consumer, DmaSpecifier specifier, Device supplier, int flags,
            String call, DriverCore.AddResult result, int linkFlags, LinkStatus linkStatus, Device channel,
            boolean supplierHasDriver, boolean supplierRpmDisabled, boolean consumerIrqSafe, boolean fwDevlinkStrict)
            implements DevlinkRecord {
        public LinkAdd {
            result = new DriverCore.AddResult(result.link(), result.failure(), result.reason(), result.existing(),
                    List.copyOf(result.notes()));
        }

        /** Whether device_link_add returned NULL. */
        public boolean failed() {
            return result.link() == null;
        }

        /** Whether the returned link has {@code flag} (just after the call). */
        public boolean linkHas(int flag) {
            return (linkFlags & flag) != 0;
        }

        /** The consumer node the findings of this call belong to. */
        public Node consumerNode() {
            return consumer.device().node();
        }
    }

    /**
     * A DMA controller's {@code dma_async_device_unregister} (its driver unbound).
     *
     * @param controller the controller node
     * @param sdma       whether it is an i.MX SDMA controller
     * @param mode       the simulated link mode
     * @param busy       the channels consumers still held at that moment
     */
    record Unregister(Node controller, boolean sdma, Mode mode, List<Busy> busy) implements DevlinkRecord {
        public Unregister {
            busy = List.copyOf(busy);
        }
    }

    /**
     * A channel held at an unregistration.
     *
     * @param channel the channel device name, e.g. {@code dma0chan3}
     * @param holder  the consumer device name
     * @param name    the {@code dma-names} entry it was requested by
     * @param leaked  whether a failed request left it allocated with nobody to release it
     */
    record Busy(String channel, String holder, String name, boolean leaked) {
    }

    /**
     * A kernel WARN the simulated driver core hit.
     *
     * @param function     the kernel function that warned
     * @param message      its message
     * @param consumer     the consumer node of the link concerned, or null when no link is
     * @param supplierKind the kind of that link's supplier device, or null
     * @param specifier    the {@code dmas} entry whose request holds that link at that moment, or null
     */
    record KernelWarn(String function, String message, Node consumer, Device.Kind supplierKind,
            DmaSpecifier specifier) implements DevlinkRecord {
    }
}
