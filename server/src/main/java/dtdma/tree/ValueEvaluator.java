package dtdma.tree;

import dtdma.check.Code;
import dtdma.syntax.Ast;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Property values as dtc builds them: cells of any {@code /bits/} size with integer expressions evaluated as
 * unsigned 64-bit, strings, byte strings, {@code /incbin/}, and the markers (labels, phandle and path
 * references) that the fixups resolve later.
 */
final class ValueEvaluator {
    private final TreeBuilder builder;

    ValueEvaluator(TreeBuilder builder) {
        this.builder = builder;
    }

    PropValue value(Ast.PropDef p) {
        ValueWriter w = new ValueWriter();
        for (Ast.Value v : p.value()) {
            if (v instanceof Ast.Str s) {
                w.marker(Marker.Kind.STRING, null, s.span());
                w.bytes(s.bytes());
                w.bytes(new byte[] {0});
            } else if (v instanceof Ast.Cells c) {
                cells(w, c);
            } else if (v instanceof Ast.Bytes b) {
                w.marker(Marker.Kind.BYTES, null, b.span());
                for (Ast.ByteItem bi : b.items()) {
                    if (bi instanceof Ast.ByteVal bv) {
                        w.bytes(new byte[] {(byte) bv.value()});
                    } else if (bi instanceof Ast.ByteLabel bl) {
                        w.marker(Marker.Kind.LABEL, bl.label().name(), bl.label().span());
                    }
                }
            } else if (v instanceof Ast.PathRef r) {
                w.marker(Marker.Kind.STRING, null, r.span());
                w.marker(Marker.Kind.REF_PATH, r.ref().text(), r.ref().span());
            } else if (v instanceof Ast.Incbin ib) {
                incbin(w, ib);
            } else if (v instanceof Ast.ValueLabel l) {
                w.marker(Marker.Kind.LABEL, l.label().name(), l.label().span());
            }
        }
        PropValue v = w.build();
        if (v.length() > dtdma.check.Budgets.MAX_PROPERTY_BYTES) {
            builder.warn(Code.LIM001, p.span(), "the value of " + p.name() + " has " + v.length() + " bytes, more than the "
                    + dtdma.check.Budgets.MAX_PROPERTY_BYTES + " analysed: it is taken as empty (the largest real "
                    + "property has 3,272 bytes)");
            return new PropValue(new byte[0], List.of());
        }
        return v;
    }

    void cells(ValueWriter w, Ast.Cells c) {
        int bits = c.bits();
        if (bits != 8 && bits != 16 && bits != 32 && bits != 64) {
            builder.error(Code.TR017, c.bitsSpan() != null ? c.bitsSpan() : c.span(),
                    "array elements must be 8, 16, 32 or 64 bits, not " + bits);
            bits = 32;
        }
        Marker.Kind kind = switch (bits) {
            case 8 -> Marker.Kind.UINT8;
            case 16 -> Marker.Kind.UINT16;
            case 64 -> Marker.Kind.UINT64;
            default -> Marker.Kind.UINT32;
        };
        w.marker(kind, null, c.span());
        for (Ast.CellItem item : c.items()) {
            if (item instanceof Ast.Cell cell) {
                long v = eval(cell.expr());
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    if (Long.compareUnsigned(v, mask) > 0 && (v | mask) != -1L) {
                        builder.error(Code.TR006, cell.span(), "value 0x" + Long.toHexString(v) + " out of range for a "
                                + bits + "-bit array element (dtc 1.6 rejects it; dtc 1.7 and later truncate it)");
                    }
                }
                w.integer(v, bits);
            } else if (item instanceof Ast.CellRef r) {
                if (bits != 32) {
                    builder.error(Code.TR013, r.span(), "references are only allowed in arrays with 32-bit elements");
                }
                w.marker(Marker.Kind.REF_PHANDLE, r.ref().text(), r.ref().span());
                w.integer(TreeBuilder.NO_PHANDLE, bits);
            } else if (item instanceof Ast.CellLabel l) {
                w.marker(Marker.Kind.LABEL, l.label().name(), l.label().span());
            }
        }
    }

    void incbin(ValueWriter w, Ast.Incbin ib) {
        byte[] data;
        try {
            data = builder.loader.load(ib.file(), ib.fileSpan());
        } catch (java.io.IOException e) {
            byte[] name = ib.file().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // quoted with escapes, as written in the source: a NUL or control character in the name stays visible
            builder.error(Code.TR014, ib.fileSpan(), "couldn't read /incbin/ file " + DtsWriter.quote(name, 0, name.length)
                    + ": " + e.getMessage());
            return;
        }
        long off = ib.offset() == null ? 0 : eval(ib.offset());
        long len = ib.length() == null ? data.length - off : eval(ib.length());
        if (off < 0 || off > data.length || len < 0 || off + len > data.length) {
            builder.error(Code.TR014, ib.span(), "/incbin/ range " + off + "+" + len + " is outside the file's "
                    + data.length + " bytes");
            return;
        }
        w.bytes(java.util.Arrays.copyOfRange(data, (int) off, (int) (off + len)));
    }

    /** Evaluates an integer expression as dtc does: unsigned 64-bit, both arms always evaluated. */
    long eval(Ast.Expr e) {
        if (e instanceof Ast.Num n) {
            return n.value();
        }
        if (e instanceof Ast.Unary u) {
            long v = eval(u.operand());
            return switch (u.op()) {
                case "-" -> -v;
                case "~" -> ~v;
                case "!" -> v == 0 ? 1 : 0;
                default -> v;
            };
        }
        if (e instanceof Ast.Ternary t) {
            long c = eval(t.cond());
            long a = eval(t.then());
            long b = eval(t.otherwise());
            return c != 0 ? a : b;
        }
        Ast.Binary b = (Ast.Binary) e;
        return binary(b, eval(b.left()), eval(b.right()));
    }

    long binary(Ast.Binary b, long l, long r) {
        return switch (b.op()) {
            case "*" -> l * r;
            case "/", "%" -> {
                if (r == 0) {
                    builder.error(Code.TR005, b.span(), "division by zero");
                    yield 0;
                }
                yield b.op().equals("/") ? Long.divideUnsigned(l, r) : Long.remainderUnsigned(l, r);
            }
            case "+" -> l + r;
            case "-" -> l - r;
            case "<<" -> Long.compareUnsigned(r, 64) >= 0 ? 0 : l << r;
            case ">>" -> Long.compareUnsigned(r, 64) >= 0 ? 0 : l >>> r;
            case "<" -> Long.compareUnsigned(l, r) < 0 ? 1 : 0;
            case ">" -> Long.compareUnsigned(l, r) > 0 ? 1 : 0;
            case "<=" -> Long.compareUnsigned(l, r) <= 0 ? 1 : 0;
            case ">=" -> Long.compareUnsigned(l, r) >= 0 ? 1 : 0;
            case "==" -> l == r ? 1 : 0;
            case "!=" -> l != r ? 1 : 0;
            case "&" -> l & r;
            case "^" -> l ^ r;
            case "|" -> l | r;
            case "&&" -> l != 0 && r != 0 ? 1 : 0;
            case "||" -> l != 0 || r != 0 ? 1 : 0;
            default -> 0;
        };
    }

    /** Accumulates a property value's bytes and markers. */
    static final class ValueWriter {
        private byte[] buf = new byte[16];
        private int len;
        private final List<Marker> markers = new ArrayList<>();

        void marker(Marker.Kind kind, String ref, Span span) {
            markers.add(new Marker(len, kind, ref, span));
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void integer(long v, int bits) {
            int n = bits / 8;
            ensure(n);
            for (int i = n - 1; i >= 0; i--) {
                buf[len + i] = (byte) v;
                v >>>= 8;
            }
            len += n;
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        PropValue build() {
            return new PropValue(java.util.Arrays.copyOf(buf, len), markers);
        }
    }
}
