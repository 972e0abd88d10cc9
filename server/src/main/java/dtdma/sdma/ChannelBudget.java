package dtdma.sdma;

import dtdma.check.Code;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The channel budget of one SDMA controller and a predicted channel assignment.
 *
 * <p>Facts (drivers/dma/imx-sdma.c, drivers/dma/dmaengine.c): channel 0 is the command channel, so 31
 * dmaengine channels exist, {@code chan_id} 0..30 for SDMA channels 1..31, each with a class device
 * {@code dma<dev_id>chan<chan_id>}. Allocation is first-free and ignores the event; when all 31 are busy
 * {@code sdma_xlate} returns NULL and {@code of_dma_request_slave_channel} returns {@code -ENODEV}.
 *
 * <p>The assignment itself is a HEURISTIC: it assumes consumers request their channels in the order
 * given (devicetree order standing in for probe order) and that none is released meanwhile.
 */
public final class ChannelBudget {
    private ChannelBudget() {
    }

    /** One channel request: a consumer node and the {@code dma-names} entry it requests. */
    public record Request(String consumer, String dmaName) {
    }

    /**
     * A predicted assignment.
     *
     * @param request       the request
     * @param chanId        the dmaengine channel id (0..30)
     * @param sdmaChannel   the SDMA hardware channel ({@code chanId + 1})
     * @param channelDevice the class device name, e.g. {@code dma0chan3}
     */
    public record Assignment(Request request, int chanId, int sdmaChannel, String channelDevice) {
    }

    /**
     * The prediction for one controller.
     *
     * @param assigned the requests that get a channel, in order
     * @param refused  the requests beyond the budget (they get -ENODEV)
     * @param findings SD007 for each refused request
     */
    public record Result(List<Assignment> assigned, List<Request> refused, List<SdmaFinding> findings) {
        public Result {
            assigned = List.copyOf(assigned);
            refused = List.copyOf(refused);
            findings = List.copyOf(findings);
        }

        /** The assignment is a heuristic (probe order approximated by the given order). */
        public Certainty certainty() {
            return Certainty.HEURISTIC;
        }
    }

    /**
     * Predicts the assignment for the requests of the enabled consumers of one controller.
     *
     * @param dmaDeviceIndex the controller's dmaengine {@code dev_id} (the N of {@code dma<N>chan<M>});
     *                       itself a guess based on registration order
     * @param requests       the requests in expected order; a repeated (consumer, name) pair counts once,
     *                       as a driver requests a name once (alternatives with one name share a request)
     */
    public static Result predict(int dmaDeviceIndex, List<Request> requests) {
        Set<Request> distinct = new LinkedHashSet<>(requests);
        List<Assignment> assigned = new ArrayList<>();
        List<Request> refused = new ArrayList<>();
        List<SdmaFinding> findings = new ArrayList<>();
        int n = 0;
        for (Request r : distinct) {
            if (n < SdmaTables.USABLE_CHANNELS) {
                assigned.add(new Assignment(r, n, n + 1, "dma" + dmaDeviceIndex + "chan" + n));
            } else {
                refused.add(r);
                findings.add(SdmaFinding.of(Code.SD007, "request " + (n + 1) + " ('" + r.dmaName() + "' of "
                    + r.consumer() + ") exceeds the " + SdmaTables.USABLE_CHANNELS
                    + " usable channels (channel 0 is reserved): sdma_xlate finds no free channel and"
                    + " dma_request_chan returns -ENODEV (order assumed from the devicetree)", true));
            }
            n++;
        }
        return new Result(assigned, refused, findings);
    }
}
