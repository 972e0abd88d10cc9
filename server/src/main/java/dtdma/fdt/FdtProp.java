package dtdma.fdt;

import java.util.Arrays;

/** One property of a flattened devicetree: its name and raw value bytes. Equality compares the bytes. */
public record FdtProp(String name, byte[] value) {
    public FdtProp {
        value = value.clone();
    }

    /** A copy of the value bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value length in bytes. */
    public int length() {
        return value.length;
    }

    /** The byte at {@code i} as an unsigned value. */
    public int byteAt(int i) {
        return value[i] & 0xff;
    }

    /** The big-endian 32-bit cell at byte offset {@code offset}. */
    public long cellAt(int offset) {
        return ((value[offset] & 0xffL) << 24) | ((value[offset + 1] & 0xffL) << 16)
                | ((value[offset + 2] & 0xffL) << 8) | (value[offset + 3] & 0xffL);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FdtProp p && p.name.equals(name) && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return name + " (" + value.length + " bytes)";
    }
}
