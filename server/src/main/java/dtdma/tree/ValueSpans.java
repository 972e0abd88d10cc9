package dtdma.tree;

import dtdma.syntax.Ast;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps byte offsets of a property's current value back to the source text that wrote them, by walking the
 * property's defining syntax in step with dtc's byte layout. Used to point a diagnostic at one cell of a
 * specifier or one string of a string list.
 */
public final class ValueSpans {
    private final Map<Integer, Span> cells = new HashMap<>();
    private final List<Span> strings = new ArrayList<>();
    private final Span whole;

    private ValueSpans(Property p) {
        Ast.PropDef def = p.definition();
        whole = def == null ? p.span() : def.span();
        if (def == null) {
            return;
        }
        int offset = 0;
        for (Ast.Value v : def.value()) {
            if (v instanceof Ast.Str s) {
                strings.add(s.span());
                offset += s.bytes().length + 1;
            } else if (v instanceof Ast.Cells c) {
                int size = c.bits() == 8 || c.bits() == 16 || c.bits() == 64 ? c.bits() / 8 : 4;
                for (Ast.CellItem item : c.items()) {
                    if (item instanceof Ast.CellLabel) {
                        continue;
                    }
                    if (size == 4) {
                        cells.put(offset, item.span());
                    }
                    offset += size;
                }
            } else if (v instanceof Ast.Bytes b) {
                for (Ast.ByteItem item : b.items()) {
                    if (item instanceof Ast.ByteVal) {
                        offset++;
                    }
                }
            } else if (v instanceof Ast.PathRef r) {
                Marker m = null;
                for (Marker x : p.value().markers()) {
                    if (x.kind() == Marker.Kind.REF_PATH && x.offset() >= offset) {
                        m = x;
                        break;
                    }
                }
                String s = m == null ? null : stringAt(p.value(), m.offset());
                strings.add(r.span());
                offset += s == null ? 0 : s.length() + 1;
            } else if (v instanceof Ast.Incbin) {
                return; // the file's length is not known from the syntax; later offsets stay unmapped
            }
        }
    }

    private static String stringAt(PropValue v, int offset) {
        byte[] d = v.bytes();
        int end = offset;
        while (end < d.length && d[end] != 0) {
            end++;
        }
        return end < d.length ? new String(d, offset, end - offset, java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    public static ValueSpans of(Property p) {
        return new ValueSpans(p);
    }

    /** The source of the 32-bit cell at a byte offset, or the whole property when unknown. */
    public Span cell(int byteOffset) {
        Span s = cells.get(byteOffset);
        return s != null ? s : whole;
    }

    /** The source of cells {@code [fromOffset, toOffset)} (byte offsets, 32-bit cells). */
    public Span cells(int fromOffset, int toOffset) {
        Span a = cells.get(fromOffset);
        Span b = cells.get(Math.max(fromOffset, toOffset - 4));
        if (a == null) {
            return whole;
        }
        return b == null ? a : a.union(b);
    }

    /** The source of the {@code i}-th string of a string list, or the whole property when unknown. */
    public Span string(int i) {
        return i >= 0 && i < strings.size() ? strings.get(i) : whole;
    }

    /** The whole definition ({@code name = value;}) or the name when nothing else is known. */
    public Span whole() {
        return whole;
    }
}
