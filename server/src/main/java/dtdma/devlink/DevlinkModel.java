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
        Simulation s = new Simulation(dma, sdma, settings);
        s.boot();
        return new DevlinkModel(s);
    }

    public Simulation simulation() {
        return simulation;
    }
}
