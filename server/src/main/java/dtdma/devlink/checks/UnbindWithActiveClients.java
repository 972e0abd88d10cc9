package dtdma.devlink.checks;

import dtdma.check.Code;

/** DL014: a DMA controller unbound while consumers hold channels: dma_async_device_unregister WARNs. */
public final class UnbindWithActiveClients extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL014;
    }
}
