package dtdma.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The macro environment with an O(1) fingerprint: a running 64-bit XOR of per-macro hashes (name and
 * definition) updated on every define and undef. Every change is also appended to a journal so callers
 * can find which names a piece of work touched. Not thread-safe (one table per preprocessing run).
 */
public final class MacroTable {
    private final Map<String, Macro> map = new HashMap<>(1024);
    private long fingerprint;
    private final List<String> journal = new ArrayList<>();

    public Macro get(String name) {
        return map.get(name);
    }

    public boolean isDefined(String name) {
        return map.containsKey(name);
    }

    /** Defines or replaces; returns the previous definition. */
    Macro define(Macro m) {
        Macro old = map.put(m.name, m);
        if (old != null) {
            fingerprint ^= old.hash;
        }
        fingerprint ^= m.hash;
        journal.add(m.name);
        return old;
    }

    Macro undef(String name) {
        Macro old = map.remove(name);
        if (old != null) {
            fingerprint ^= old.hash;
            journal.add(name);
        }
        return old;
    }

    /** Sets a name to a given state (null = undefined). */
    void set(String name, Macro m) {
        if (m == null) {
            undef(name);
        } else {
            Macro cur = map.get(name);
            if (cur != m) {
                define(m);
            }
        }
    }

    /** The fingerprint of the whole table: equal tables have equal fingerprints. */
    public long fingerprint() {
        return fingerprint;
    }

    int journalSize() {
        return journal.size();
    }

    /** The final state of every name changed since journal position {@code from}. */
    Map<String, Macro> effectSince(int from) {
        if (from >= journal.size()) {
            return Collections.emptyMap();
        }
        Map<String, Macro> eff = new HashMap<>();
        for (int i = from; i < journal.size(); i++) {
            String n = journal.get(i);
            eff.put(n, map.get(n));
        }
        return eff;
    }

    public int size() {
        return map.size();
    }

    /** An unmodifiable view of the current definitions. */
    public Map<String, Macro> asMap() {
        return Collections.unmodifiableMap(map);
    }
}
