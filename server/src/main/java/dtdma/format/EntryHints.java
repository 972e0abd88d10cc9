package dtdma.format;

/**
 * What the formatter cannot know from one file as written: how many cells each entry of an array property takes
 * ({@code #address-cells} and {@code #size-cells} of the parent for {@code reg}, the providers' {@code #clock-cells}
 * for {@code clocks}, the interrupt parent's {@code #interrupt-cells} for {@code interrupts}, ...). The caller
 * computes it from a board's merged tree; the formatter splits {@code <a b c d>} into {@code <a b>, <c d>} only
 * where a hint says where the entries start and that every cell written there is one cell.
 */
public interface EntryHints {
    /** No hints: only {@code reg} with plain cell sizes written in the same file is split. */
    EntryHints NONE = offset -> null;

    /**
     * The entries of the property whose name starts at {@code nameOffset} (an offset into the text given to the
     * formatter), or null when not known.
     */
    Entries at(int nameOffset);

    /**
     * @param name       the property's name (a hint for another name is ignored)
     * @param cellStarts for each 32-bit cell of the value in order, the offset where the text it came from starts
     *                   (the cells a macro expands to all start at the macro's name)
     * @param entrySizes the cells of each entry, in order; they add up to {@code cellStarts.length}
     */
    record Entries(String name, int[] cellStarts, int[] entrySizes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entries e && name.equals(e.name) && java.util.Arrays.equals(cellStarts, e.cellStarts)
                    && java.util.Arrays.equals(entrySizes, e.entrySizes);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + java.util.Arrays.hashCode(cellStarts) * 17 + java.util.Arrays.hashCode(entrySizes);
        }

        @Override
        public String toString() {
            return name + java.util.Arrays.toString(entrySizes);
        }
    }
}
