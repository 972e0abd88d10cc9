package dtdma.devlink.checks;

import dtdma.check.Code;
import dtdma.devlink.DevlinkRecord;
import dtdma.devlink.Finding;
import java.util.List;

/** DL014: a DMA controller unbound while consumers hold channels: dma_async_device_unregister WARNs. */
public final class UnbindWithActiveClients extends FindingCheck {
    @Override
    public Code code() {
        return Code.DL014;
    }

    @Override
    public void judge(DevlinkRecord record, List<Finding> out) {
        if (!(record instanceof DevlinkRecord.Unregister u) || u.busy().isEmpty()) {
            return;
        }
        StringBuilder who = new StringBuilder();
        for (DevlinkRecord.Busy b : u.busy()) {
            who.append(who.length() == 0 ? "" : ", ").append(b.channel()).append(" (").append(b.holder())
                    .append(" \"").append(b.name()).append("\"").append(b.leaked() ? ", leaked" : "").append(")");
        }
        out.add(new Finding(code(), u.controller(), null, "dma_async_device_unregister called while "
                + u.busy().size() + " clients hold a reference: " + who
                + "; the controller goes away under active consumers (mode " + u.mode().id() + ")"
                + (u.sdma() ? "; with the old sdma_remove(): channel 0 is never vchan_init'ed (NULL dereference)"
                        + " and the clocks of all 32 channels are disabled (underflow)" : "")));
    }
}
