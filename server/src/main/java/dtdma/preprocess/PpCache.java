package dtdma.preprocess;

import dtdma.text.SourceFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of preprocessing included files, shared across boards (and threads) in one process. An entry
 * is reused when the file's content, the macro environment at the point of inclusion (its fingerprint)
 * and the include search path are the same, and every file read below it still has the same content.
 * A hit also replays the entry's effect on the macro table. Units that use {@code __COUNTER__} or
 * {@code __INCLUDE_LEVEL__}, or that hit a missing include, a cycle or a limit, are not stored.
 * Bounded LRU; thread-safe.
 */
public final class PpCache {
    /** Default number of entries. */
    public static final int DEFAULT_CAPACITY = 8192;

    record Key(SourceFile file, long fingerprint, List<Path> includeDirs) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.file == file && k.fingerprint == fingerprint && k.includeDirs.equals(includeDirs);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(file) * 31 + Long.hashCode(fingerprint);
        }
    }

    /** {@code boardDir} is non-null when a dtc /include/ below made the result depend on the board's directory. */
    record Entry(PpUnit unit, Map<String, Macro> effect, List<SourceFile> deps, Path boardDir) {
    }

    private final Map<Key, Entry> units;
    private final Map<SourceFile, Lexer.Lexed> lexed;
    private long hits;
    private long misses;

    public PpCache() {
        this(DEFAULT_CAPACITY);
    }

    public PpCache(int capacity) {
        this.units = lru(capacity);
        this.lexed = lru(capacity);
    }

    private static <K, V> Map<K, V> lru(int cap) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> e) {
                return size() > cap;
            }
        };
    }

    synchronized Entry get(Key k) {
        Entry e = units.get(k);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    synchronized void put(Key k, Entry e) {
        units.put(k, e);
    }

    Lexer.Lexed lex(SourceFile f) {
        synchronized (this) {
            Lexer.Lexed l = lexed.get(f);
            if (l != null) {
                return l;
            }
        }
        Lexer.Lexed l = Lexer.lex(f.text());
        synchronized (this) {
            lexed.put(f, l);
        }
        return l;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized int size() {
        return units.size();
    }

    public synchronized void clear() {
        units.clear();
        lexed.clear();
    }
}
