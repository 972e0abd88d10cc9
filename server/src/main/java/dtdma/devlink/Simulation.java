package dtdma.devlink;

import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DmaProvider;
import dtdma.dma.DmaSpecifier;
import dtdma.dma.DriverRequests;
import dtdma.sdma.SdmaModel;
import dtdma.tree.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simulates one board under one device-link mode: devices from the merged tree, the driver core
 * ({@link DriverCore}), and the dmaengine layer on top (channel allocation, {@code dma_request_chan} with the
 * mode's {@code device_link_add}, {@code dma_release_channel}, controller unregistration). {@link #boot()} probes
 * everything; {@link #apply(Event)} runs one scenario event.
 *
 * <p>Heuristics: probe order is devicetree order (then the deferred queue); the dmaengine device index N of
 * {@code dma<N>chan<M>} is the registration order of the enabled controllers; drivers not in
 * {@link DriverRequests} request every {@code dma-names} entry at probe and fall back to PIO on errors other
 * than {@code -EPROBE_DEFER} (UNVERIFIED per driver).
 */
public final class Simulation {
    /** One dmaengine channel of a controller registration. */
    public static final class Channel {
        final int chanId;
        final Device device;
        Device holder;
        String holderName;
        boolean leaked;

        Channel(int chanId, Device device) {
            this.chanId = chanId;
            this.device = device;
        }

        public int chanId() {
            return chanId;
        }

        public Device device() {
            return device;
        }

        /** The consumer holding it, or null when free. */
        public Device holder() {
            return holder;
        }

        public String holderName() {
            return holderName;
        }

        /** True when the request failed after allocation and nobody will release it (T1/T4 error path). */
        public boolean leaked() {
            return leaked;
        }
    }

    /** A DMA controller's dmaengine state. */
    public static final class Controller {
        final Device device;
        final DmaProvider provider;
        final int devId;
        final int maxChannels;
        final boolean sdma;
        final boolean createDevlink;
        boolean registered;
        final List<Channel> channels = new ArrayList<>();

        Controller(Device device, DmaProvider provider, int devId, int maxChannels, boolean sdma) {
            this.device = device;
            this.provider = provider;
            this.devId = devId;
            this.maxChannels = maxChannels;
            this.sdma = sdma;
            this.createDevlink = sdma;
        }

        public Device device() {
            return device;
        }

        public int devId() {
            return devId;
        }

        public boolean sdma() {
            return sdma;
        }

        /** Whether the dmaengine device is registered (the controller driver is bound). */
        public boolean registered() {
            return registered;
        }

        /** The channels allocated in the current registration (free ones included once used). */
        public List<Channel> channels() {
            return List.copyOf(channels);
        }
    }

    /** A channel a consumer holds. */
    public record Held(String name, DmaSpecifier specifier, Controller controller, Channel channel, Link link) {
    }

    /** A DMA consumer device's driver behaviour and state. */
    public static final class Consumer {
        final Device device;
        final DmaConsumer dma;
        final String driverName;
        final List<String> names;
        final boolean atProbe;
        final boolean mandatory;
        final DriverRequests.Driver model;
        final boolean console;
        final List<Held> held = new ArrayList<>();

        Consumer(Device device, DmaConsumer dma, String driverName, List<String> names, boolean atProbe,
                boolean mandatory, DriverRequests.Driver model, boolean console) {
            this.device = device;
            this.dma = dma;
            this.driverName = driverName;
            this.names = names;
            this.atProbe = atProbe;
            this.mandatory = mandatory;
            this.model = model;
            this.console = console;
        }

        /** The consumer-driver model used for it: a known driver, the assumed default, or one from the settings. */
        public DriverRequests.Driver model() {
            return model;
        }

        /** True when it requests its channels at probe, so it holds them after boot. */
        public boolean requestsAtProbe() {
            return atProbe;
        }

        /** True when its probe fails if a channel request fails (else it goes on without DMA). */
        public boolean mandatory() {
            return mandatory;
        }

        /** True for the console port of a driver that gives the console no DMA. */
        public boolean console() {
            return console;
        }

        public Device device() {
            return device;
        }

        public DmaConsumer dma() {
            return dma;
        }

        /** The names its driver requests. */
        public List<String> names() {
            return names;
        }

        public List<Held> held() {
            return List.copyOf(held);
        }
    }

    /** A scenario event. */
    public record Event(String op, String device, String name) {
    }

    /** The outcome of one step: its label, the kernel calls it made, and the result line. */
    public record Step(String label, List<String> trace, String result) {
    }

    private final DmaModel dma;
    private final DevlinkSettings settings;
    private final DriverCore core = new DriverCore();
    private final List<Device> devices = new ArrayList<>();
    private final Map<Node, Device> byNode = new IdentityHashMap<>();
    private final Map<Device, Controller> controllers = new LinkedHashMap<>();
    private final Map<Device, Consumer> consumers = new LinkedHashMap<>();
    private final List<DevlinkRecord> records = new ArrayList<>();
    private List<Finding> findings = List.of();
    private int judged;
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> names = new java.util.HashSet<>();
    private int warnsSeen;

    public Simulation(DmaModel dma, SdmaModel sdma, DevlinkSettings settings) {
        this.dma = dma;
        this.settings = settings;
        build(dma.tree().root(), null);
        int devId = 0;
        for (DmaProvider p : dma.providers()) {
            Device d = byNode.get(p.node());
            boolean counts = p.node().enabled() && !p.router();
            if (d != null && p.cells() >= 0) {
                boolean isSdma = sdma.controller(p.node()) != null;
                int max = isSdma ? 31 : channelsOf(p.node());
                Controller c = new Controller(d, p, devId, max, isSdma);
                controllers.put(d, c);
                d.driver = controllerDriver(c);
                if (settings.controllerPm()) {
                    d.rpmOnBind = true;
                }
            }
            if (counts) {
                devId++;
            }
        }
        for (DmaConsumer c : dma.consumers()) {
            Device d = byNode.get(c.node());
            if (d == null || controllers.containsKey(d)) {
                continue;
            }
            List<String> compat = c.node().compatibles();
            List<String> req = null;
            String drv = null;
            DriverRequests.Driver model = null;
            for (String s : compat) {
                if (settings.requests().containsKey(s)) {
                    req = settings.requests().get(s);
                    drv = s + " (configured)";
                    model = DriverRequests.assumed(compat, req);
                    break;
                }
            }
            if (req == null) {
                model = DriverRequests.of(compat, c.names());
                req = model.names();
                drv = !model.assumed() ? model.name()
                        : (compat.isEmpty() ? "driver" : compat.get(0)) + " (assumed: requests every dma-names entry at probe)";
            }
            boolean console = model.skipsConsole() && dtdma.dma.Console.is(c.node());
            boolean late = matches(settings.lateRequest(), c.node()) || model.when() != DriverRequests.When.PROBE;
            boolean mandatory = matches(settings.mandatory(), c.node());
            Consumer con = new Consumer(d, c, drv, List.copyOf(req), !late, mandatory, model, console);
            consumers.put(d, con);
            d.driver = consumerDriver(con);
            d.rpmOnBind = true;
            d.irqSafe = matches(settings.irqSafe(), c.node());
            for (String s : compat) {
                Integer ms = settings.autosuspendMs().get(s);
                if (ms != null) {
                    d.useAutosuspend = true;
                    d.autosuspendDelay = ms;
                }
            }
        }
    }

    private static boolean matches(Set<String> keys, Node n) {
        for (String k : keys) {
            if (n.compatibles().contains(k) || n.path().equals(k) || n.labels().contains(k)) {
                return true;
            }
        }
        return false;
    }

    private static int channelsOf(Node n) {
        var p = n.property("dma-channels");
        if (p != null && p.value().length() == 4) {
            long v = p.value().cellAt(0);
            if (v > 0 && v <= 256) {
                return (int) v;
            }
        }
        return 32;
    }

    private void build(Node n, Device parent) {
        Device here = parent;
        if (!n.isRoot() && n.enabled() && !n.compatibles().isEmpty()) {
            boolean ctl = dma.provider(n) != null && dma.provider(n).cells() >= 0;
            here = new Device(deviceName(n), ctl ? Device.Kind.DMA_CONTROLLER : Device.Kind.PLATFORM, n, parent);
            devices.add(here);
            byNode.put(n, here);
        }
        if (!n.isRoot() && !n.enabled()) {
            return;
        }
        for (Node c : n.children()) {
            build(c, here);
        }
    }

    private String deviceName(Node n) {
        String ua = n.unitAddress();
        String base = ua == null ? n.name() : ua.replaceFirst("^0+(?=.)", "") + "." + n.baseName();
        String name = base;
        int k = 1;
        while (!names.add(name)) {
            name = base + "." + k++;
        }
        return name;
    }

    // --------------------------------------------------------------------------------------------- drivers

    private Device.Driver controllerDriver(Controller c) {
        String drv = c.sdma ? "imx-sdma" : "dmaengine driver (assumed)";
        return new Device.Driver() {
            @Override
            public String name() {
                return drv;
            }

            @Override
            public int probe(Device d) {
                c.registered = true;
                c.channels.clear();
                core.trace((c.sdma ? "sdma_probe" : "probe") + ": dma_async_device_register(dma" + c.devId
                        + ": " + c.maxChannels + " channels), of_dma_controller_register(" + d.node.path() + ")");
                return 0;
            }

            @Override
            public void remove(Device d) {
                unregister(c);
            }
        };
    }

    private void unregister(Controller c) {
        List<Channel> busy = new ArrayList<>();
        for (Channel ch : c.channels) {
            if (ch.holder != null) {
                busy.add(ch);
            }
        }
        core.trace("of_dma_controller_free(" + c.device.node.path() + "), dma_async_device_unregister(dma" + c.devId + ")");
        List<DevlinkRecord.Busy> held = new ArrayList<>();
        for (Channel ch : busy) {
            held.add(new DevlinkRecord.Busy(ch.device.name, ch.holder.name, ch.holderName, ch.leaked));
        }
        if (!busy.isEmpty()) {
            core.trace("WARNING in dma_async_device_unregister: " + busy.size() + " clients hold a reference");
        }
        records.add(new DevlinkRecord.Unregister(c.device.node, c.sdma, settings.mode(), held));
        for (Channel ch : c.channels) {
            core.deviceDel(ch.device);
        }
        for (Consumer con : consumers.values()) {
            for (Held h : con.held) {
                if (h.controller == c) {
                    core.trace(con.device + " still holds " + h.channel.device + ": stale after unregister");
                }
            }
        }
        c.registered = false;
    }

    private Device.Driver consumerDriver(Consumer con) {
        return new Device.Driver() {
            @Override
            public String name() {
                return con.driverName;
            }

            @Override
            public int probe(Device d) {
                if (!con.atProbe) {
                    if (con.model.when() != DriverRequests.When.PROBE && !con.names.isEmpty()) {
                        core.trace(d + ": " + con.driverName + " requests DMA " + con.model.when().text()
                                + (con.console ? ", and never for the console port" : "") + ", not at probe");
                    }
                    return 0;
                }
                return requestAll(con, con.names, true);
            }

            @Override
            public void remove(Device d) {
                releaseAll(con);
                core.disableAndSuspend(d);
            }
        };
    }

    /**
     * Requests {@code names} in the driver's order and applies its failure handling: -EPROBE_DEFER ends the probe
     * where the driver propagates it; a driver that stops at the first failure releases what it got and requests
     * nothing more; then the fallback: PIO, a failed probe, or a stream that cannot run.
     *
     * @return 0, or the error the probe (or open / hw_params) returns
     */
    int requestAll(Consumer con, List<String> names, boolean atProbe) {
        Device d = con.device;
        DriverRequests.Driver m = con.model;
        int failed = 0;
        String failedName = null;
        int start = con.held.size();
        for (String name : names) {
            int r = requestChan(con, name);
            if (r == 0) {
                continue;
            }
            if (r == DriverCore.EPROBE_DEFER && m.how() == DriverRequests.How.SLAVE_CHANNEL) {
                core.trace("  " + m.how().function() + " returns NULL (it never defers)");
            }
            boolean defers = r == DriverCore.EPROBE_DEFER && atProbe && m.defers()
                    && m.how() == DriverRequests.How.REQUEST_CHAN;
            if (defers || con.mandatory) {
                releaseAll(con);
                return r;
            }
            if (r == DriverCore.EPROBE_DEFER && atProbe && m.how() == DriverRequests.How.REQUEST_CHAN) {
                core.trace("  " + m.name() + " does not propagate -EPROBE_DEFER (" + m.where() + ")");
            }
            failed = r;
            failedName = name;
            if (m.stopsOnFailure()) {
                List<String> rest = names.subList(names.indexOf(name) + 1, names.size());
                // the driver's error path releases what this sequence obtained
                for (int i = con.held.size() - 1; i >= start; i--) {
                    release(con, con.held.get(i));
                    con.held.remove(i);
                }
                core.trace(d + ": " + m.name() + " stops at the failed \"" + name + "\" request"
                        + (rest.isEmpty() ? "" : "; " + String.join(", ", rest) + " never requested")
                        + (m.assumed() ? "" : " (" + m.where() + ")"));
                break;
            }
        }
        if (failed == 0) {
            return 0;
        }
        String why = "DMA \"" + failedName + "\" unavailable (" + DriverCore.errno(failed) + ")";
        if (m.assumed()) {
            core.trace(d + ": " + why + "; assumed: the unknown driver goes on without it");
            return 0;
        }
        switch (m.fallback()) {
            case PIO:
                core.trace(d + ": " + why + ", " + m.withoutDma());
                return 0;
            case PROBE_FAILS:
                releaseAll(con);
                core.trace(d + ": " + why + ", " + m.withoutDma());
                return failed;
            default:
                core.trace(d + ": " + why + ": " + m.withoutDma());
                return atProbe ? 0 : failed;
        }
    }

    private void releaseAll(Consumer con) {
        for (int i = con.held.size() - 1; i >= 0; i--) {
            release(con, con.held.get(i));
        }
        con.held.clear();
    }

    private void release(Consumer con, Held h) {
        core.trace("dma_release_channel(" + h.channel.device + ")");
        if (h.channel.holder == con.device) {
            h.channel.holder = null;
            h.channel.holderName = null;
        }
        if (h.link != null && !h.link.deleted && h.link.has(DlFlags.STATELESS)) {
            core.linkDel(h.link);
        }
    }

    /** {@code dma_request_chan(dev, name)} with the mode's device link; returns 0 or a negative errno. */
    int requestChan(Consumer con, String name) {
        Device dev = con.device;
        core.trace("dma_request_chan(" + dev + ", \"" + name + "\")");
        List<DmaSpecifier> cands = con.dma.candidates(name, 0);
        int err = DriverCore.ENODEV;
        for (DmaSpecifier spec : cands) {
            Device ctlDev = spec.controller() == null ? null : byNode.get(spec.controller());
            Controller ctl = ctlDev == null ? null : controllers.get(ctlDev);
            if (ctl == null || !ctl.registered) {
                err = DriverCore.EPROBE_DEFER;
                core.trace("  of_dma_find_controller(" + (spec.controller() == null ? "?" : spec.controller().path())
                        + "): not registered -> -EPROBE_DEFER");
                continue;
            }
            if (ctl.sdma && spec.args().length != 3) {
                core.trace("  sdma_xlate: args_count != 3 -> NULL");
                continue;
            }
            Channel ch = allocate(ctl);
            if (ch == null) {
                core.trace("  no free channel on dma" + ctl.devId + " -> -ENODEV");
                continue;
            }
            ch.holder = dev;
            ch.holderName = name;
            core.trace("  got " + ch.device + " (" + spec.controller().path() + " <" + spec.argsText() + ">)");
            Link link = null;
            int r = addModeLink(con, spec, ctl, ch);
            if (r == Integer.MIN_VALUE) {
                ch.leaked = true;
                core.trace("  dev_err: failed to create device link to " + (wantsChannel() ? ch.device : ctl.device)
                        + " -> ERR_PTR(-EINVAL); the channel is not released");
                return DriverCore.EINVAL;
            }
            for (Link l : dev.suppliers) {
                if (l.supplier == (wantsChannel() ? ch.device : ctl.device)) {
                    link = l;
                }
            }
            con.held.add(new Held(name, spec, ctl, ch, link));
            return 0;
        }
        core.trace("  -> " + DriverCore.errno(err));
        return err;
    }

    private boolean wantsChannel() {
        Mode m = settings.mode();
        return m == Mode.FRANK_SKETCH || m == Mode.FRANK_LEGAL || (m == Mode.CUSTOM && settings.customToChannel());
    }

    private Channel allocate(Controller ctl) {
        for (Channel ch : ctl.channels) {
            if (ch.holder == null) {
                return ch;
            }
        }
        if (ctl.channels.size() >= ctl.maxChannels) {
            return null;
        }
        int id = ctl.channels.size();
        Device cd = new Device("dma" + ctl.devId + "chan" + id, Device.Kind.CHANNEL, ctl.device.node, ctl.device);
        if (settings.channelPm()) {
            core.pmRuntimeEnable(cd);
        }
        Channel ch = new Channel(id, cd);
        ctl.channels.add(ch);
        return ch;
    }

    /** Runs the mode's device_link_add; returns 0, or MIN_VALUE when it returned NULL. */
    private int addModeLink(Consumer con, DmaSpecifier spec, Controller ctl, Channel ch) {
        Mode m = settings.mode();
        Device consumer = con.device;
        int flags;
        Device supplier;
        String origin;
        switch (m) {
            case NONE:
                return 0;
            case FELSCH_V1:
                flags = DlFlags.AUTOREMOVE_CONSUMER;
                supplier = ctl.device;
                origin = "dma_request_chan (Felsch v1 09/11)";
                break;
            case FELSCH_V2:
                if (!ctl.createDevlink) {
                    core.trace("  " + ctl.device + ": create_devlink not set, no link");
                    return 0;
                }
                flags = DlFlags.AUTOREMOVE_CONSUMER;
                supplier = ctl.device;
                origin = "dma_request_chan (Felsch, Add DMA devlink support 1/2)";
                break;
            case FRANK_SKETCH:
                flags = DlFlags.STATELESS | DlFlags.PM_RUNTIME | DlFlags.AUTOREMOVE_CONSUMER
                        | (consumer.pmRuntimeActive() ? DlFlags.RPM_ACTIVE : 0);
                supplier = ch.device;
                origin = "dma_request_chan (Frank Li's sketch)";
                break;
            case FRANK_LEGAL:
                flags = DlFlags.STATELESS | DlFlags.PM_RUNTIME
                        | (settings.frankLegalRpmActive() && consumer.pmRuntimeActive() ? DlFlags.RPM_ACTIVE : 0);
                supplier = ch.device;
                origin = "dma_request_chan (Frank Li's idea, legal flags)";
                break;
            default:
                flags = settings.customFlags();
                supplier = settings.customToChannel() ? ch.device : ctl.device;
                origin = "dma_request_chan (custom)";
                break;
        }
        DriverCore.AddResult r = core.deviceLinkAdd(consumer, supplier, flags);
        String call = "device_link_add(" + consumer + ", " + supplier + ", " + DlFlags.format(flags) + ") in " + origin;
        records.add(linkAdd(DevlinkRecord.Origin.DMA_REQUEST, con, spec, supplier, flags, call, r, ch.device,
                supplier.disableDepth > 0));
        return r.link() == null ? Integer.MIN_VALUE : 0;
    }

    /** The record of one device_link_add call, with the link's and devices' state just after it. */
    private DevlinkRecord.LinkAdd linkAdd(DevlinkRecord.Origin origin, Consumer con, DmaSpecifier spec,
            Device supplier, int flags, String call, DriverCore.AddResult r, Device channel,
            boolean supplierRpmDisabled) {
        Link l = r.link();
        return new DevlinkRecord.LinkAdd(origin, con, spec, supplier, flags, call, r, l == null ? 0 : l.flags,
                l == null ? null : l.status, channel, supplier.driver != null, supplierRpmDisabled, con.device.irqSafe,
                settings.fwDevlinkStrict());
    }

    // ------------------------------------------------------------------------------------------ boot & events

    /** Creates the fw_devlink links (strict), then probes every device with a driver in devicetree order. */
    public void boot() {
        boot(dtdma.text.Cancel.NONE);
    }

    /**
     * Like {@link #boot()}, polling {@code cancel} at every consumer linked and every device probed.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public void boot(dtdma.text.Cancel cancel) {
        core.trace("boot: " + settings.describe());
        if (settings.fwDevlinkStrict()) {
            for (Consumer con : consumers.values()) {
                cancel.check();
                Set<Device> done = new LinkedHashSet<>();
                for (DmaSpecifier s : con.dma.specifiers()) {
                    Device sup = s.controller() == null ? null : byNode.get(s.controller());
                    if (sup == null || !done.add(sup)) {
                        continue;
                    }
                    String call = "fw_devlink_create_devlink(" + con.device + " -> " + sup + ") from dmas (strict)";
                    core.trace(call);
                    DriverCore.AddResult r = core.deviceLinkAdd(con.device, sup, DlFlags.FW_DEVLINK_RPM);
                    // the supplier's runtime PM is still off before probe; what counts is whether its driver
                    // ever enables it, known only for imx-sdma (never) and the controller-pm setting
                    Controller sc = controllers.get(sup);
                    records.add(linkAdd(DevlinkRecord.Origin.FW_DEVLINK, con, s, sup, DlFlags.FW_DEVLINK_RPM,
                            "device_link_add(" + con.device + ", " + sup + ", " + DlFlags.format(DlFlags.FW_DEVLINK_RPM)
                                    + ") in " + call, r, null, !sup.rpmOnBind && sc != null && sc.sdma));
                    if (r.link() == null && r.failure() == DriverCore.AddFailure.CYCLE) {
                        core.trace("fw_devlink_relax_link: cycle, link made SYNC_STATE_ONLY");
                        core.deviceLinkAdd(con.device, sup, DlFlags.INFERRED | DlFlags.SYNC_STATE_ONLY | DlFlags.CYCLE);
                    }
                }
            }
        }
        for (Device d : devices) {
            cancel.check();
            if (d.driver != null && d.state != DevState.BOUND) {
                core.probe(d);
            }
        }
        core.triggerDeferred();
        record("boot", "boot done");
    }

    /**
     * Runs one event: {@code resume}/{@code suspend} (runtime PM of a consumer), {@code bind}/{@code unbind}
     * (any device with a driver), {@code request}/{@code release} (a channel by name).
     *
     * @throws IllegalArgumentException for an unknown device or op
     */
    public Step apply(Event e) {
        Device d = find(e.device());
        if (d == null) {
            throw new IllegalArgumentException("no device '" + e.device() + "'");
        }
        String result;
        switch (e.op()) {
            case "resume": {
                int r = core.getSync(d);
                if (r < 0) {
                    core.putNoidle(d);
                }
                result = d + " resume: " + (r < 0 ? DriverCore.errno(r) : "active");
                break;
            }
            case "suspend":
                if (d.usageCount == 0) {
                    result = d + " suspend: nothing to put (usage_count 0)";
                } else {
                    int r = core.put(d);
                    result = d + " suspend: " + (r < 0 ? DriverCore.errno(r) : d.status.name().toLowerCase());
                }
                break;
            case "unbind":
                core.trace("echo " + d + " > unbind");
                core.releaseDriver(d);
                result = d + " unbound";
                break;
            case "bind": {
                core.trace("echo " + d + " > bind");
                int r = core.probe(d);
                core.triggerDeferred();
                result = d + (r == 0 ? " bound" : " probe " + DriverCore.errno(r));
                break;
            }
            case "request": {
                Consumer con = consumers.get(d);
                if (con == null || d.state != DevState.BOUND) {
                    result = d + ": not a bound DMA consumer";
                } else {
                    int r = requestChan(con, e.name());
                    result = d + " request \"" + e.name() + "\": " + (r == 0 ? "ok" : DriverCore.errno(r));
                }
                break;
            }
            case "open":
            case "hw_params": {
                Consumer con = consumers.get(d);
                DriverRequests.When want = e.op().equals("open") ? DriverRequests.When.OPEN : DriverRequests.When.HW_PARAMS;
                if (con == null || d.state != DevState.BOUND) {
                    result = d + ": not a bound DMA consumer";
                } else if (con.model.when() != want) {
                    result = d + " " + e.op() + ": " + con.driverName + " requests DMA " + con.model.when().text()
                            + ", nothing to request here";
                } else if (con.console) {
                    core.trace(d + ": console port, " + con.model.name() + " requests no DMA for it ("
                            + con.model.cites().get(con.model.cites().size() - 1) + ")");
                    result = d + " " + e.op() + ": console port, no DMA requested";
                } else {
                    List<String> names = want == DriverRequests.When.OPEN ? con.names
                            : List.of(e.name() != null ? e.name() : con.names.isEmpty() ? "" : con.names.get(0));
                    core.trace(d + " " + e.op() + " (" + con.model.where() + ")");
                    int r = requestAll(con, names, false);
                    int got = con.held.size();
                    result = d + " " + e.op() + ": " + (r < 0 ? DriverCore.errno(r) + ", " : "ok, ")
                            + (got == 0 ? "no DMA channel held" : got + " DMA channel" + (got == 1 ? "" : "s") + " held");
                }
                break;
            }
            case "close":
            case "hw_free": {
                Consumer con = consumers.get(d);
                if (con == null || con.model.when() == DriverRequests.When.PROBE) {
                    result = d + " " + e.op() + ": nothing released (channels requested at probe stay held)";
                } else {
                    int n = con.held.size();
                    releaseAll(con);
                    result = d + " " + e.op() + ": released " + n + " DMA channel" + (n == 1 ? "" : "s");
                }
                break;
            }
            case "release": {
                Consumer con = consumers.get(d);
                Held h = null;
                if (con != null) {
                    for (Held x : con.held) {
                        if (x.name().equals(e.name())) {
                            h = x;
                        }
                    }
                }
                if (h == null) {
                    result = d + ": holds no channel \"" + e.name() + "\"";
                } else {
                    release(con, h);
                    con.held.remove(h);
                    result = d + " released \"" + e.name() + "\"";
                }
                break;
            }
            default:
                throw new IllegalArgumentException("unknown event '" + e.op()
                        + "' (resume, suspend, bind, unbind, open, close, hw_params, hw_free, request, release)");
        }
        return record(e.op() + " " + d + (e.name() == null ? "" : " \"" + e.name() + "\""), result);
    }

    private Step record(String label, String result) {
        List<Step> list = steps;
        List<DriverCore.Warn> w = core.warns();
        for (int i = warnsSeen; i < w.size(); i++) {
            DriverCore.Warn x = w.get(i);
            Link l = x.link();
            records.add(new DevlinkRecord.KernelWarn(x.function(), x.message(), l == null ? null : l.consumer.node,
                    l == null ? null : l.supplier.kind, l == null ? null : specFor(l)));
        }
        warnsSeen = w.size();
        Step s = new Step(label, core.drainTrace(), result);
        list.add(s);
        return s;
    }

    private DmaSpecifier specFor(Link l) {
        Consumer con = consumers.get(l.consumer);
        if (con != null) {
            for (Held h : con.held) {
                if (h.link == l) {
                    return h.specifier();
                }
            }
        }
        return null;
    }

    /** A device by name, node label, or node path. */
    public Device find(String key) {
        if (key == null) {
            return null;
        }
        for (Device d : devices) {
            if (d.name.equals(key) || d.node.path().equals(key) || d.node.labels().contains(key)) {
                return d;
            }
        }
        for (Controller c : controllers.values()) {
            for (Channel ch : c.channels) {
                if (ch.device.name.equals(key)) {
                    return ch.device;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------------ views

    public DmaModel dma() {
        return dma;
    }

    public DevlinkSettings settings() {
        return settings;
    }

    public DriverCore core() {
        return core;
    }

    /** The platform devices in devicetree order. */
    public List<Device> devices() {
        return List.copyOf(devices);
    }

    public List<Controller> controllers() {
        return List.copyOf(controllers.values());
    }

    public Controller controller(Device d) {
        return controllers.get(d);
    }

    public List<Consumer> consumers() {
        return List.copyOf(consumers.values());
    }

    public Consumer consumer(Device d) {
        return consumers.get(d);
    }

    /** What happened so far: every device_link_add call, controller unregistration and kernel WARN, in order. */
    public List<DevlinkRecord> records() {
        return List.copyOf(records);
    }

    /**
     * The findings so far, without duplicates, in order of discovery: the DL checks ({@link DevlinkChecks}) run over
     * {@link #records()}. Computed when asked, once per new record; a booted simulation may be read from several
     * threads (diagnostics, hovers), hence synchronized.
     */
    public synchronized List<Finding> findings() {
        if (judged != records.size()) {
            findings = DevlinkChecks.findings(records);
            judged = records.size();
        }
        return findings;
    }

    /** Every recorded step (boot first). */
    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
