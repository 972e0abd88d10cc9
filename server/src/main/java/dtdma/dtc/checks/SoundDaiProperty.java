package dtdma.dtc.checks;

import dtdma.check.Code;
import dtdma.dtc.PhandleArgsCheck;

/** dtc's {@code sound_dai_property}: each entry of {@code sound-dai} is a phandle reference followed by the target's {@code #sound-dai-cells} cells. */
public final class SoundDaiProperty extends PhandleArgsCheck {
    public SoundDaiProperty() {
        super("sound_dai_property", Code.DC063, "sound-dai", "#sound-dai-cells", false, "sound_dai_is_cell");
    }
}
