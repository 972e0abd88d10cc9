package dtdma.source;

import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads files into {@link SourceFile}s through a shared {@link SourceRegistry}. Open editor buffers
 * (the overlay) win over the disk. Only regular files are read (never a directory, FIFO or device, so a
 * read never blocks); files above the size limit or with NUL bytes in their first 8 KiB are refused;
 * invalid UTF-8 is decoded with replacement characters. Errors are returned, never thrown.
 * Disk reads are memoised by (path, modification time, size). Thread-safe.
 */
public final class SourceLoader {
    /** Default size limit: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;
    private static final int BINARY_PROBE = 8192;

    private final SourceRegistry registry;
    private final Map<Path, String> overlay = new ConcurrentHashMap<>();
    private final Map<Path, Disk> disk = new ConcurrentHashMap<>();
    private final long maxBytes;

    /**
     * A file read less than this long after its modification time could be rewritten again within the same
     * timestamp tick with the same size (coarse file-system clocks, fast tools): such a read is not trusted for
     * the (mtime, size) check and the file is read again next time (as git treats "racily clean" entries).
     */
    private static final long RACY_MILLIS = 2_000;

    private record Disk(long mtime, long size, long readAt, LoadResult result) {
    }

    public SourceLoader(SourceRegistry registry) {
        this(registry, DEFAULT_MAX_BYTES);
    }

    public SourceLoader(SourceRegistry registry, long maxBytes) {
        this.registry = registry;
        this.maxBytes = maxBytes;
    }

    public SourceRegistry registry() {
        return registry;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Sets (or, with null text, removes) the editor buffer for a path. */
    public void setOverlay(Path path, String text) {
        Path p = key(path);
        if (text == null) {
            overlay.remove(p);
        } else {
            overlay.put(p, text);
        }
    }

    /** The length in characters of the editor buffer for a path, or -1 when there is none. */
    public int overlayLength(Path path) {
        String o = overlay.get(key(path));
        return o == null ? -1 : o.length();
    }

    /** Replaces all editor buffers. */
    public void setOverlays(Map<Path, String> buffers) {
        overlay.clear();
        buffers.forEach(this::setOverlay);
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Reads a file (overlay first). */
    public LoadResult load(Path path) {
        String o = overlay.get(key(path));
        if (o != null) {
            if (o.length() > dtdma.check.Budgets.MAX_DOCUMENT_CHARS) {
                return LoadResult.fail(LoadResult.Error.TOO_LARGE, "the editor buffer of " + path + " has " + o.length()
                        + " characters, more than the " + dtdma.check.Budgets.MAX_DOCUMENT_CHARS + " analysed");
            }
            return LoadResult.ok(registry.register(path, o));
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return LoadResult.fail(LoadResult.Error.NOT_FOUND, "no such file: " + path);
        } catch (IOException | SecurityException e) {
            return LoadResult.fail(LoadResult.Error.IO, "cannot read " + path + ": " + e.getMessage());
        }
        if (!a.isRegularFile()) {
            String what = a.isDirectory() ? "a directory" : "not a regular file";
            return LoadResult.fail(LoadResult.Error.NOT_REGULAR, path + " is " + what);
        }
        if (a.size() > maxBytes) {
            return LoadResult.fail(LoadResult.Error.TOO_LARGE, path + " is larger than " + maxBytes + " bytes (" + a.size() + ")");
        }
        long mtime = a.lastModifiedTime().toMillis();
        Disk d = disk.get(path);
        if (d != null && d.mtime == mtime && d.size == a.size() && d.readAt - mtime > RACY_MILLIS) {
            return d.result;
        }
        long readAt = System.currentTimeMillis();
        LoadResult r = read(path);
        if (r.ok() || r.error() == LoadResult.Error.BINARY) {
            disk.put(path, new Disk(mtime, a.size(), readAt, r));
        }
        return r;
    }

    private LoadResult read(Path path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        } catch (IOException | SecurityException e) {
            return LoadResult.fail(LoadResult.Error.IO, "cannot read " + path + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            return LoadResult.fail(LoadResult.Error.TOO_LARGE, path + " is larger than " + maxBytes + " bytes");
        }
        int nul = nulOutsideStrings(bytes, Math.min(bytes.length, BINARY_PROBE));
        if (nul >= 0) {
            return LoadResult.fail(LoadResult.Error.BINARY, path + " is a binary file (NUL byte at offset " + nul + ")");
        }
        return LoadResult.ok(registry.register(path, decode(bytes)));
    }

    /**
     * The offset of the first NUL byte among the first {@code probe} bytes that is not inside a string literal,
     * or -1. dtc's lexer takes any byte inside {@code "..."}, NUL included (its tests {@code embedded_nul.dts},
     * {@code nul-in-escape.dts}); a NUL anywhere else means a binary file.
     */
    static int nulOutsideStrings(byte[] b, int probe) {
        boolean str = false;
        boolean line = false;
        boolean block = false;
        for (int i = 0; i < probe; i++) {
            byte c = b[i];
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    str = false;
                }
                continue;
            }
            if (c == 0) {
                return i;
            }
            if (line) {
                line = c != '\n';
            } else if (block) {
                block = !(c == '*' && i + 1 < probe && b[i + 1] == '/');
                if (!block) {
                    i++;
                }
            } else if (c == '"') {
                str = true;
            } else if (c == '/' && i + 1 < probe && (b[i + 1] == '/' || b[i + 1] == '*')) {
                line = b[i + 1] == '/';
                block = !line;
                i++;
            }
        }
        return -1;
    }

    /** Decodes UTF-8, replacing malformed input; a leading byte-order mark is dropped. */
    public static String decode(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        String s;
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes));
            s = cb.toString();
        } catch (CharacterCodingException e) {
            s = new String(bytes, StandardCharsets.UTF_8);
        }
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** Registers in-memory text (e.g. for tests) without touching the disk. */
    public SourceFile fromText(Path path, String text) {
        return registry.register(path, text);
    }
}
