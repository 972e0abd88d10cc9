package dtdma.bindings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binding findings of single nodes, keyed by everything their validation reads (see
 * {@link BindingValidator}), so that an edit re-validates only the nodes whose inputs changed. Bounded: at most
 * {@code capacity} nodes, the least recently used dropped first. Thread-safe (analyses of several boards share one
 * binding set).
 */
final class ValidationCache {
    /** One finding of a node, with the node it is about given relative to the validated node (child names). */
    record Entry(BindingFinding.Kind kind, List<String> below, String property, String path, String keyword,
            String schemaPath, Binding binding, String detail, boolean disabled) {
    }

    private final int capacity;
    private final Map<String, List<Entry>> map;
    private long hits;
    private long misses;

    ValidationCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Entry>> eldest) {
                return size() > ValidationCache.this.capacity;
            }
        };
    }

    synchronized List<Entry> get(String key) {
        List<Entry> e = map.get(key);
        if (e == null) {
            misses++;
        } else {
            hits++;
        }
        return e;
    }

    synchronized void put(String key, List<Entry> findings) {
        map.put(key, List.copyOf(findings));
    }

    synchronized int size() {
        return map.size();
    }

    /** Lookups answered from the cache so far. */
    synchronized long hits() {
        return hits;
    }

    /** Lookups that had to validate so far. */
    synchronized long misses() {
        return misses;
    }
}
