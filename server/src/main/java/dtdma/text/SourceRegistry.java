package dtdma.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every distinct (path, text) a small integer id so spans stay cheap. Thread-safe.
 * The same text of the same path gets the same id again, so cached results keep valid spans.
 */
public final class SourceRegistry {
    private final List<SourceFile> files = new ArrayList<>();
    private final java.util.Map<Key, SourceFile> byKey = new java.util.HashMap<>();

    private record Key(Path path, String text) {
    }

    public synchronized SourceFile register(Path path, String text) {
        Key k = new Key(path, text);
        SourceFile f = byKey.get(k);
        if (f == null) {
            f = new SourceFile(files.size(), path, text);
            files.add(f);
            byKey.put(k, f);
        }
        return f;
    }

    public synchronized SourceFile get(int id) {
        return id >= 0 && id < files.size() ? files.get(id) : null;
    }

    public synchronized int size() {
        return files.size();
    }
}
