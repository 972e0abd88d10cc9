package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code io_channels_is_cell}: {@code #io-channel-cells} must be one cell. */
public final class IoChannelsIsCell extends IsCellCheck {
    public IoChannelsIsCell() {
        super("io_channels_is_cell", Code.DC046, "#io-channel-cells");
    }
}
