package dtdma.bindings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Content digests of the schema files, remembered by their file-system stat (size, modification time in
 * nanoseconds, file key such as device and inode), as git's index remembers its entries: a file whose stat is
 * unchanged is not read again. A file whose modification time is not older than the index's own write time
 * (less {@link #RACY_MARGIN_NANOS}) is "racily clean" — it may have been rewritten within the same timestamp tick
 * after it was hashed — and is read and hashed again.
 *
 * <p>The index is one text file: a header line, then one line per file: {@code label TAB size TAB mtime-ns TAB
 * file-key TAB sha256}. An unreadable or foreign index is ignored (every file is hashed).
 */
final class StatIndex {
    private static final Logger LOG = Logger.getLogger(StatIndex.class.getName());
    private static final String HEADER = "dtdma-stat-index 1";
    /**
     * How much older than the index a file's modification time must be to be trusted. The index and the files may
     * be on different file systems with coarse or slightly different clocks; two seconds is also the preprocessor's
     * rule for files read soon after they were written.
     */
    static final long RACY_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What the index remembers of one file. */
    record Entry(long size, long mtimeNanos, String fileKey, String digest) {
        boolean sameStat(BasicFileAttributes a) {
            return size == a.size() && mtimeNanos == nanos(a.lastModifiedTime()) && fileKey.equals(key(a));
        }
    }

    private final Map<String, Entry> entries;
    /** The index file's modification time (ns), or {@code Long.MIN_VALUE} when there was none. */
    private final long writtenNanos;

    private StatIndex(Map<String, Entry> entries, long writtenNanos) {
        this.entries = entries;
        this.writtenNanos = writtenNanos;
    }

    static StatIndex empty() {
        return new StatIndex(new HashMap<>(), Long.MIN_VALUE);
    }

    /** Reads the index at {@code file}; an empty index when it is missing or unreadable. */
    static StatIndex read(Path file) {
        if (file == null) {
            return empty();
        }
        try {
            long written = nanos(Files.getLastModifiedTime(file));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                return empty();
            }
            Map<String, Entry> m = new HashMap<>(lines.size() * 2);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length != 5) {
                    return empty();
                }
                m.put(f[0], new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4]));
            }
            return new StatIndex(m, written);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ignoring unreadable stat index " + file, e);
            return empty();
        }
    }

    /**
     * The remembered digest of the file {@code label} when its stat {@code a} is unchanged and not racily clean;
     * null when the file must be read.
     */
    String digest(String label, BasicFileAttributes a) {
        Entry e = entries.get(label);
        if (e == null || !e.sameStat(a)) {
            return null;
        }
        if (writtenNanos == Long.MIN_VALUE || e.mtimeNanos() >= writtenNanos - RACY_MARGIN_NANOS) {
            return null; // racily clean: rewritten in the same tick as it was hashed, perhaps
        }
        return e.digest();
    }

    Entry get(String label) {
        return entries.get(label);
    }

    int size() {
        return entries.size();
    }

    /** Writes a new index of {@code entries} to {@code file} (atomically; failures are logged, not thrown). */
    static void write(Path file, Map<String, Entry> entries) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "stat", ".tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write('\n');
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    Entry v = e.getValue();
                    w.write(e.getKey() + "\t" + v.size() + "\t" + v.mtimeNanos() + "\t" + v.fileKey() + "\t"
                            + v.digest() + "\n");
                }
            }
            moveIntoPlace(tmp, file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write stat index " + file, e);
        }
    }

    /** Puts a finished temporary file in place of {@code target}: atomically where the file system can. */
    static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether {@code label} can be stored in the index (no tab or line break). */
    static boolean storable(String label) {
        return label.indexOf('\t') < 0 && label.indexOf('\n') < 0 && label.indexOf('\r') < 0;
    }

    static Entry entry(BasicFileAttributes a, byte[] sha256) {
        return new Entry(a.size(), nanos(a.lastModifiedTime()), key(a), HexFormat.of().formatHex(sha256));
    }

    static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    private static String key(BasicFileAttributes a) {
        Object k = a.fileKey();
        String s = k == null ? "-" : k.toString();
        return storable(s) ? s : "-";
    }
}
