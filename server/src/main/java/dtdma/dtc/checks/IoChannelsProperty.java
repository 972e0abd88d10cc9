package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code io_channels_property}: each entry of {@code io-channels} is a phandle reference followed by the target's {@code #io-channel-cells} cells. */
public final class IoChannelsProperty extends PhandleArgsCheck {
    public IoChannelsProperty() {
        super("io_channels_property", Code.DC045, "io-channels", "#io-channel-cells", false, "io_channels_is_cell");
    }
}
