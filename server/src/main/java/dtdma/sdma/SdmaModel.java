package dtdma.sdma;

import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DmaProvider;
import dtdma.dma.DmaSpecifier;
import dtdma.dma.DriverRequests;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDMA view of a board: each provider whose compatible the SDMA driver matches, with its driver data,
 * every specifier that points at it decoded, and the predicted channel assignment.
 */
public final class SdmaModel {
    /** One specifier of a consumer on an SDMA controller, decoded when it has the three cells sdma_xlate needs. */
    public record Use(DmaConsumer consumer, DmaSpecifier specifier, SdmaSpecifier.Decoded decoded) {
    }

    /** One SDMA controller of the board. */
    public static final class Controller {
        private final Node node;
        private final DriverData.Match match;
        private final int deviceIndex;
        private final List<Use> uses = new ArrayList<>();
        private ChannelBudget.Result budget;

        Controller(Node node, DriverData.Match match, int deviceIndex) {
            this.node = node;
            this.match = match;
            this.deviceIndex = deviceIndex;
        }

        public Node node() {
            return node;
        }

        /** The driver data the kernel picks, and through which compatible. */
        public DriverData.Match match() {
            return match;
        }

        /** The N of {@code dma<N>chan<M>}: a guess from registration order (enabled controllers in DT order). */
        public int deviceIndex() {
            return deviceIndex;
        }

        public List<Use> uses() {
            return uses;
        }

        /** The predicted channel assignment of the enabled consumers (a heuristic: DT order as probe order). */
        public ChannelBudget.Result budget() {
            return budget;
        }

        /** The firmware file named by {@code fsl,sdma-ram-script-name}, or null. */
        public String firmwareName() {
            Property p = node.property("fsl,sdma-ram-script-name");
            return p == null ? null : p.value().string();
        }

        /** The predicted channel device of a consumer's request, if it gets one. */
        public Optional<ChannelBudget.Assignment> assignment(Node consumer, String name) {
            if (budget == null) {
                return Optional.empty();
            }
            return budget.assigned().stream()
                    .filter(a -> a.request().consumer().equals(consumer.path()) && a.request().dmaName().equals(name))
                    .findFirst();
        }
    }

    private final DmaModel dma;
    private final Map<Node, Controller> controllers = new IdentityHashMap<>();
    private final List<Controller> controllerList = new ArrayList<>();
    private final KernelBaseline kernel;

    private SdmaModel(DmaModel dma, KernelBaseline kernel) {
        this.dma = dma;
        this.kernel = kernel;
        int index = 0;
        for (DmaProvider p : dma.providers()) {
            Optional<DriverData.Match> m = DriverData.match(p.node().compatibles());
            if (m.isPresent()) {
                Controller c = new Controller(p.node(), m.get(), p.node().enabled() ? index : -1);
                controllers.put(p.node(), c);
                controllerList.add(c);
            }
            if (p.node().enabled() && !p.router()) {
                index++;
            }
        }
        for (DmaConsumer c : dma.consumers()) {
            for (DmaSpecifier s : c.specifiers()) {
                Controller ctl = s.controller() == null ? null : controllers.get(s.controller());
                if (ctl == null) {
                    continue;
                }
                SdmaSpecifier.Decoded d = null;
                if (s.args().length == 3) {
                    d = SdmaSpecifier.decode(ctl.match.data(), s.args()[0], s.args()[1], s.args()[2], s.name(),
                            new SdmaSpecifier.Options(kernel, ctl.firmwareName()));
                }
                ctl.uses.add(new Use(c, s, d));
            }
        }
        for (Controller ctl : controllerList) {
            // consumers in tree order (the probe-order heuristic), each name in its driver's request order; only
            // the requests made at probe hold a channel after boot (open and hw_params requests come later)
            List<ChannelBudget.Request> requests = new ArrayList<>();
            for (DmaConsumer c : dma.consumers()) {
                if (!dtdma.dma.SeverityPolicy.live(c.node()) || !ctl.node.enabled()) {
                    continue;
                }
                DriverRequests.Driver drv = DriverRequests.of(c.node().compatibles(), c.names());
                if (drv.when() != DriverRequests.When.PROBE) {
                    continue;
                }
                for (String name : drv.names()) {
                    boolean here = c.specifiers().stream()
                            .anyMatch(s -> name.equals(s.name()) && s.controller() == ctl.node);
                    if (here) {
                        requests.add(new ChannelBudget.Request(c.node().path(), name));
                    }
                }
            }
            ctl.budget = ChannelBudget.predict(Math.max(0, ctl.deviceIndex), requests);
        }
    }

    /** Builds the SDMA view, judging against mainline. */
    public static SdmaModel of(DmaModel dma) {
        return new SdmaModel(dma, KernelBaseline.MAINLINE);
    }

    public static SdmaModel of(DmaModel dma, KernelBaseline kernel) {
        return new SdmaModel(dma, kernel);
    }

    public DmaModel dma() {
        return dma;
    }

    public KernelBaseline kernel() {
        return kernel;
    }

    public List<Controller> controllers() {
        return controllerList;
    }

    /** The SDMA controller view of a node, or null when the SDMA driver does not match it. */
    public Controller controller(Node n) {
        return controllers.get(n);
    }
}
