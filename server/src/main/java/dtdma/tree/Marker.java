package dtdma.tree;

import dtdma.text.Span;

/**
 * An annotation at a byte offset of a property value, as dtc keeps them: where a typed run starts
 * ({@code UINT8..UINT64}, {@code STRING}, {@code BYTES}), where a phandle or path reference sits, and where
 * a label inside the value points. {@code ref} is the label or path text for references and labels.
 */
public record Marker(int offset, Kind kind, String ref, Span span) {
    public enum Kind {
        UINT8, UINT16, UINT32, UINT64, STRING, BYTES,
        /** A 32-bit phandle cell whose value is the referenced node's phandle. */
        REF_PHANDLE,
        /** A NUL-terminated path string of the referenced node. */
        REF_PATH,
        LABEL;

        public boolean isType() {
            return ordinal() <= BYTES.ordinal();
        }
    }

    public Marker withOffset(int o) {
        return new Marker(o, kind, ref, span);
    }
}
