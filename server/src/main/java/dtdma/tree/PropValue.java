package dtdma.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The value of a property: its bytes (big-endian cells, NUL-terminated strings, raw bytes) and the
 * markers saying which bytes are which and where references sit. Phandle cells hold the referenced node's
 * phandle once the tree is resolved.
 */
public final class PropValue {
    private byte[] data;
    private final List<Marker> markers;

    public PropValue(byte[] data, List<Marker> markers) {
        this.data = data;
        this.markers = new ArrayList<>(markers);
    }

    public byte[] bytes() {
        return data;
    }

    public int length() {
        return data.length;
    }

    public List<Marker> markers() {
        return markers;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** Writes a 32-bit big-endian value at {@code offset} (used when phandles are resolved). */
    void putCell(int offset, long v) {
        if (offset + 4 <= data.length) {
            data[offset] = (byte) (v >>> 24);
            data[offset + 1] = (byte) (v >>> 16);
            data[offset + 2] = (byte) (v >>> 8);
            data[offset + 3] = (byte) v;
        }
    }

    /**
     * Inserts bytes at the offset of marker {@code index} (used when a path reference is resolved) and moves
     * every marker after it in the list, as dtc's {@code data_insert_at_marker} does.
     */
    void insertAtMarker(int index, byte[] bytes) {
        int offset = markers.get(index).offset();
        byte[] n = new byte[data.length + bytes.length];
        System.arraycopy(data, 0, n, 0, offset);
        System.arraycopy(bytes, 0, n, offset, bytes.length);
        System.arraycopy(data, offset, n, offset + bytes.length, data.length - offset);
        data = n;
        for (int i = index + 1; i < markers.size(); i++) {
            Marker m = markers.get(i);
            markers.set(i, m.withOffset(m.offset() + bytes.length));
        }
    }

    /** Appends bytes with a type marker (used for generated fixup properties). */
    void append(byte[] bytes, Marker.Kind type) {
        markers.add(new Marker(data.length, type, null, null));
        byte[] n = java.util.Arrays.copyOf(data, data.length + bytes.length);
        System.arraycopy(bytes, 0, n, data.length, bytes.length);
        data = n;
    }

    /** The value as 32-bit cells, or null if its length is not a multiple of 4. */
    public long[] cells() {
        if (data.length % 4 != 0) {
            return null;
        }
        long[] c = new long[data.length / 4];
        for (int i = 0; i < c.length; i++) {
            c[i] = cellAt(i * 4);
        }
        return c;
    }

    public long cellAt(int offset) {
        return ((data[offset] & 0xffL) << 24) | ((data[offset + 1] & 0xffL) << 16)
                | ((data[offset + 2] & 0xffL) << 8) | (data[offset + 3] & 0xffL);
    }

    /** The NUL-separated strings of the value, or null if it is not a well-formed string list. */
    public List<String> strings() {
        if (data.length == 0 || data[data.length - 1] != 0) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                out.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    /** The first string of the value (up to the first NUL), or null when the value has no NUL. */
    public String string() {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return new String(data, 0, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The reference marker at a byte offset, or null. */
    public Marker refAt(int offset) {
        if (markers.size() < 16) {
            return scanRefAt(offset);
        }
        // indexed, so walking a long dmas list is linear; rebuilt when markers were added since
        RefIndex idx = refIndex;
        if (idx == null || idx.size != markers.size()) {
            java.util.Map<Integer, Marker> m = new java.util.HashMap<>();
            for (Marker k : markers) {
                if (k.kind() == Marker.Kind.REF_PHANDLE || k.kind() == Marker.Kind.REF_PATH) {
                    m.putIfAbsent(k.offset(), k);
                }
            }
            idx = new RefIndex(markers.size(), m);
            refIndex = idx;
        }
        return idx.byOffset.get(offset);
    }

    private record RefIndex(int size, java.util.Map<Integer, Marker> byOffset) {
    }

    private volatile RefIndex refIndex;

    private Marker scanRefAt(int offset) {
        for (Marker m : markers) {
            if (m.offset() == offset && (m.kind() == Marker.Kind.REF_PHANDLE || m.kind() == Marker.Kind.REF_PATH)) {
                return m;
            }
        }
        return null;
    }

    public PropValue copy() {
        return new PropValue(Arrays.copyOf(data, data.length), markers);
    }
}
