package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.IsCellCheck;

/** dtc's {@code sound_dai_is_cell}: {@code #sound-dai-cells} must be one cell. */
public final class SoundDaiIsCell extends IsCellCheck {
    public SoundDaiIsCell() {
        super("sound_dai_is_cell", Code.DC064, "#sound-dai-cells");
    }
}
