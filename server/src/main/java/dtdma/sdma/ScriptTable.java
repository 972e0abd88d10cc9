package dtdma.sdma;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One ROM script address table ({@code static struct sdma_script_start_addrs sdma_script_<soc>} in
 * {@code drivers/dma/imx-sdma.c}): the slots the SoC's boot ROM provides, by address in SDMA program
 * memory. Slots not listed are absent; at probe the driver fills every slot with {@code -EINVAL}
 * ({@link #ABSENT}) and copies only positive entries from this table.
 *
 * @param symbol  the kernel symbol, e.g. {@code sdma_script_imx7d}
 * @param entries the slots present in ROM and their addresses (all positive)
 */
public record ScriptTable(String symbol, Map<ScriptField, Integer> entries) {
    /** The value of a slot that neither ROM nor firmware filled: {@code -EINVAL}. */
    public static final int ABSENT = -22;

    public ScriptTable {
        EnumMap<ScriptField, Integer> copy = new EnumMap<>(ScriptField.class);
        copy.putAll(entries);
        entries = Collections.unmodifiableMap(copy);
    }

    /** The ROM address of a slot, or empty if this ROM lacks it. */
    public OptionalInt address(ScriptField field) {
        Integer a = entries.get(field);
        return a == null ? OptionalInt.empty() : OptionalInt.of(a);
    }

    /** The slot's value in the driver's table before any firmware loads: the address or {@link #ABSENT}. */
    public int slot(ScriptField field) {
        return address(field).orElse(ABSENT);
    }

    /** A short name, e.g. {@code imx7d} for {@code sdma_script_imx7d}. */
    public String shortName() {
        return symbol.startsWith("sdma_script_") ? symbol.substring("sdma_script_".length()) : symbol;
    }
}
