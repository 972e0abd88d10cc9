package dtdma.sdma;

import java.util.Optional;

/**
 * Which script slots {@code sdma_get_pc} assigns for one peripheral type: per->mem
 * ({@code pc_from_device}), mem->per ({@code pc_to_device}), per->per ({@code device_to_device}) and
 * mem->mem ({@code pc_to_pc}). A null slot means the driver leaves that program counter at 0. The
 * {@code ramScript} flag is the driver's {@code is_ram_script}: transfers are refused until the RAM
 * firmware has loaded ("sdma firmware not ready!").
 */
public record ScriptChoice(PeripheralType type, ScriptField perToMem, ScriptField memToPer,
                           ScriptField perToPer, ScriptField memToMem, boolean ramScript) {

    /** The slot the driver loads for a transfer in {@code direction}; empty for none or UNKNOWN. */
    public Optional<ScriptField> field(Direction direction) {
        return Optional.ofNullable(switch (direction) {
            case DEV_TO_MEM -> perToMem;
            case MEM_TO_DEV -> memToPer;
            case DEV_TO_DEV -> perToPer;
            case MEM_TO_MEM -> memToMem;
            case UNKNOWN -> null;
        });
    }
}
