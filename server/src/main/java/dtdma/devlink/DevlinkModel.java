package dtdma.devlink;

import dtdma.dma.DmaModel;
import dtdma.sdma.SdmaModel;

/**
 * The model the DL checks run on: a board booted under one device-link configuration, with the findings of the
 * boot (every {@code dma_request_chan} at probe and its {@code device_link_add}).
 */
public final class DevlinkModel {
    private final Simulation simulation;

    private DevlinkModel(Simulation simulation) {
        this.simulation = simulation;
    }

    /** Builds the devices and boots the board. */
    public static DevlinkModel boot(DmaModel dma, SdmaModel sdma, DevlinkSettings settings) {
        return boot(dma, sdma, settings, dtdma.text.Cancel.NONE);
    }

    /**
     * Like {@link #boot(DmaModel, SdmaModel, DevlinkSettings)}, polling {@code cancel} at every device the boot
     * probes.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public static DevlinkModel boot(DmaModel dma, SdmaModel sdma, DevlinkSettings settings, dtdma.text.Cancel cancel) {
        dtdma.text.Cancel c = cancel == null ? dtdma.text.Cancel.NONE : cancel;
        c.check();
        Simulation s = new Simulation(dma, sdma, settings);
        s.boot(c);
        return new DevlinkModel(s);
    }

    public Simulation simulation() {
        return simulation;
    }
}
