package dtdma.sdma;

import dtdma.check.Check;
import dtdma.sdma.checks.ChannelBudgetExceeded;
import dtdma.sdma.checks.CompatibleNotInBinding;
import dtdma.sdma.checks.EventOutOfRange;
import dtdma.sdma.checks.EventRemapMalformed;
import dtdma.sdma.checks.EventRemapWithoutGpr;
import dtdma.sdma.checks.FirmwareV3Script;
import dtdma.sdma.checks.GenericDmaProperty;
import dtdma.sdma.checks.MissingRamScriptName;
import dtdma.sdma.checks.PriorityTreatedLow;
import dtdma.sdma.checks.RamScriptNeeded;
import dtdma.sdma.checks.ScriptUnavailable;
import dtdma.sdma.checks.SharedEvent;
import dtdma.sdma.checks.SpecifierCells;
import dtdma.sdma.checks.UnsupportedType;
import java.util.List;

/** The i.MX SDMA checks (SD0xx), in report order. */
public final class SdmaChecks {
    private SdmaChecks() {
    }

    public static List<Check<SdmaModel>> all() {
        return List.of(new SpecifierCells(), new EventOutOfRange(), new UnsupportedType(), new ScriptUnavailable(),
                new RamScriptNeeded(), new FirmwareV3Script(), new PriorityTreatedLow(), new ChannelBudgetExceeded(),
                new SharedEvent(), new EventRemapMalformed(), new EventRemapWithoutGpr(), new MissingRamScriptName(),
                new CompatibleNotInBinding(), new GenericDmaProperty());
    }
}
