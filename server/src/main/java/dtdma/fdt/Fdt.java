package dtdma.fdt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A parsed flattened devicetree blob (the {@code .dtb} format dtc writes; devicetree specification chapter 5):
 * header, memory reservation block and the node tree of the structure block with names from the strings block.
 *
 * <p>{@link #parse(byte[])} trusts nothing in the input: every offset and length is checked against the array
 * and against its block before use, nothing is allocated beyond the input's own size, nesting is limited, and
 * every failure is an {@link FdtException} naming the field and offset.
 */
public final class Fdt {
    public static final int MAGIC = 0xd00dfeed;
    public static final int HEADER_SIZE = 40;
    static final int FDT_BEGIN_NODE = 1;
    static final int FDT_END_NODE = 2;
    static final int FDT_PROP = 3;
    static final int FDT_NOP = 4;
    static final int FDT_END = 9;
    /** Deepest node nesting accepted (real trees are below 20). */
    public static final int MAX_DEPTH = 1024;

    /** One {@code /memreserve/} entry. */
    public record MemReserve(long address, long size) {
    }

    private final int version;
    private final int lastCompatibleVersion;
    private final long bootCpuid;
    private final List<MemReserve> memReserves;
    private final FdtNode root;

    private Fdt(int version, int lastCompatibleVersion, long bootCpuid, List<MemReserve> memReserves, FdtNode root) {
        this.version = version;
        this.lastCompatibleVersion = lastCompatibleVersion;
        this.bootCpuid = bootCpuid;
        this.memReserves = List.copyOf(memReserves);
        this.root = root;
    }

    public int version() {
        return version;
    }

    public int lastCompatibleVersion() {
        return lastCompatibleVersion;
    }

    public long bootCpuid() {
        return bootCpuid;
    }

    public List<MemReserve> memReserves() {
        return memReserves;
    }

    public FdtNode root() {
        return root;
    }

    /** Parses a blob. Bytes after the header's {@code totalsize} are ignored. */
    public static Fdt parse(byte[] blob) throws FdtException {
        if (blob == null) {
            throw new FdtException("no blob");
        }
        if (blob.length < HEADER_SIZE) {
            throw new FdtException("truncated header: " + blob.length + " bytes, need " + HEADER_SIZE);
        }
        int magic = (int) u32(blob, 0);
        if (magic != MAGIC) {
            throw new FdtException(String.format("bad magic 0x%08x (expected 0xd00dfeed)", magic));
        }
        long totalSize = u32(blob, 4);
        long offStruct = u32(blob, 8);
        long offStrings = u32(blob, 12);
        long offRsv = u32(blob, 16);
        int version = (int) u32(blob, 20);
        int lastComp = (int) u32(blob, 24);
        long bootCpuid = u32(blob, 28);
        long sizeStrings = u32(blob, 32);
        long sizeStruct = u32(blob, 36);
        if (version < 16 || lastComp > 17) {
            throw new FdtException("unsupported version " + version + " (last compatible " + lastComp
                    + "); need 16 or 17");
        }
        if (totalSize > blob.length) {
            throw new FdtException("truncated blob: header totalsize " + totalSize + " but only " + blob.length
                    + " bytes");
        }
        if (totalSize < HEADER_SIZE) {
            throw new FdtException("header totalsize " + totalSize + " is smaller than the header");
        }
        if (version < 17) {
            sizeStruct = totalSize - Math.min(offStruct, totalSize);
        }
        checkBlock("structure block", offStruct, sizeStruct, totalSize);
        checkBlock("strings block", offStrings, sizeStrings, totalSize);
        checkBlock("memory reservation block", offRsv, 0, totalSize);
        List<MemReserve> rsv = readMemReserves(blob, (int) offRsv, (int) totalSize);
        FdtNode root = readStruct(blob, (int) offStruct, (int) (offStruct + sizeStruct), (int) offStrings,
                (int) (offStrings + sizeStrings));
        return new Fdt(version, lastComp, bootCpuid, rsv, root);
    }

    private static void checkBlock(String what, long off, long size, long total) throws FdtException {
        if (off > total || size > total - off) {
            throw new FdtException(what + " [" + off + ", +" + size + ") lies outside the blob of " + total + " bytes");
        }
    }

    private static List<MemReserve> readMemReserves(byte[] b, int off, int end) throws FdtException {
        if (off % 8 != 0) {
            throw new FdtException("memory reservation block at " + off + " is not 8-byte aligned");
        }
        List<MemReserve> out = new ArrayList<>();
        for (int p = off; ; p += 16) {
            if (p + 16 > end) {
                throw new FdtException("memory reservation block runs past the blob end at offset " + p
                        + " (no terminating entry)");
            }
            long addr = u64(b, p);
            long size = u64(b, p + 8);
            if (addr == 0 && size == 0) {
                return out;
            }
            out.add(new MemReserve(addr, size));
        }
    }

    /** A node under construction. */
    private static final class Open {
        final String name;
        final List<FdtProp> props = new ArrayList<>();
        final List<FdtNode> children = new ArrayList<>();

        Open(String name) {
            this.name = name;
        }
    }

    private static FdtNode readStruct(byte[] b, int off, int end, int strOff, int strEnd) throws FdtException {
        if (off % 4 != 0) {
            throw new FdtException("structure block at " + off + " is not 4-byte aligned");
        }
        Deque<Open> stack = new ArrayDeque<>();
        FdtNode root = null;
        int p = off;
        while (true) {
            if (p + 4 > end) {
                throw new FdtException("structure block ends at offset " + p + " without FDT_END");
            }
            int tokAt = p;
            int tok = (int) u32(b, p);
            p += 4;
            switch (tok) {
                case FDT_BEGIN_NODE -> {
                    if (root != null) {
                        throw new FdtException("FDT_BEGIN_NODE after the root node closed, at offset " + tokAt);
                    }
                    int nul = findNul(b, p, end);
                    if (nul < 0) {
                        throw new FdtException("node name at offset " + p + " is not terminated inside the structure block");
                    }
                    String name = new String(b, p, nul - p, StandardCharsets.UTF_8);
                    if (stack.size() >= MAX_DEPTH) {
                        throw new FdtException("nodes nested deeper than " + MAX_DEPTH + " at offset " + tokAt);
                    }
                    stack.push(new Open(stack.isEmpty() ? "" : name));
                    p = align4(nul + 1);
                }
                case FDT_END_NODE -> {
                    Open o = stack.poll();
                    if (o == null) {
                        throw new FdtException("FDT_END_NODE without an open node at offset " + tokAt);
                    }
                    FdtNode n = new FdtNode(o.name, o.props, o.children);
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.peek().children.add(n);
                    }
                }
                case FDT_PROP -> {
                    Open o = stack.peek();
                    if (o == null) {
                        throw new FdtException("FDT_PROP outside any node at offset " + tokAt);
                    }
                    if (p + 8 > end) {
                        throw new FdtException("truncated FDT_PROP header at offset " + tokAt);
                    }
                    long len = u32(b, p);
                    long nameOff = u32(b, p + 4);
                    p += 8;
                    if (len > end - p) {
                        throw new FdtException("property value of " + len + " bytes at offset " + p
                                + " runs past the structure block end " + end);
                    }
                    if (nameOff >= strEnd - strOff) {
                        throw new FdtException("property name offset " + nameOff + " at offset " + (tokAt + 8)
                                + " lies outside the strings block of " + (strEnd - strOff) + " bytes");
                    }
                    int ns = strOff + (int) nameOff;
                    int nul = findNul(b, ns, strEnd);
                    if (nul < 0) {
                        throw new FdtException("property name at strings offset " + nameOff + " is not terminated");
                    }
                    String name = new String(b, ns, nul - ns, StandardCharsets.UTF_8);
                    byte[] v = new byte[(int) len];
                    System.arraycopy(b, p, v, 0, (int) len);
                    o.props.add(new FdtProp(name, v));
                    p = align4(p + (int) len);
                }
                case FDT_NOP -> {
                    // nothing
                }
                case FDT_END -> {
                    if (!stack.isEmpty()) {
                        throw new FdtException("FDT_END at offset " + tokAt + " with " + stack.size() + " node(s) still open");
                    }
                    if (root == null) {
                        throw new FdtException("structure block has no root node");
                    }
                    return root;
                }
                default -> throw new FdtException(String.format("unknown token 0x%08x at offset %d", tok, tokAt));
            }
        }
    }

    private static int findNul(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int align4(int v) {
        return (v + 3) & ~3;
    }

    static long u32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xffL) << 16) | ((b[p + 2] & 0xffL) << 8) | (b[p + 3] & 0xffL);
    }

    static long u64(byte[] b, int p) {
        return (u32(b, p) << 32) | u32(b, p + 4);
    }
}
