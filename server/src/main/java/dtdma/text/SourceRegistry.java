package dtdma.text;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gives every distinct (path, text) a small integer id so spans stay cheap. Thread-safe.
 * The same text of the same path gets the same id again, so cached results keep valid spans.
 *
 * <p>An editor produces a new text for a file on every keystroke; only the most recent
 * {@value #VERSIONS_PER_PATH} texts of each path are kept, older ones are forgotten ({@link #get} then
 * returns null for their ids), so a long editing session does not keep every version in memory.
 */
public final class SourceRegistry {
    /** How many distinct texts of one path stay registered. */
    public static final int VERSIONS_PER_PATH = 8;

    private final List<SourceFile> files = new ArrayList<>();
    private final Map<Path, Deque<SourceFile>> byPath = new HashMap<>();

    public synchronized SourceFile register(Path path, String text) {
        Deque<SourceFile> versions = byPath.computeIfAbsent(path, p -> new ArrayDeque<>(2));
        for (Iterator<SourceFile> it = versions.iterator(); it.hasNext();) {
            SourceFile f = it.next();
            if (f.text().length() == text.length() && f.text().equals(text)) {
                it.remove();
                versions.addFirst(f);
                return f;
            }
        }
        SourceFile f = new SourceFile(files.size(), path, text);
        files.add(f);
        versions.addFirst(f);
        while (versions.size() > VERSIONS_PER_PATH) {
            SourceFile old = versions.removeLast();
            files.set(old.id(), null);
        }
        return f;
    }

    /** The file with an id, or null when the id is unknown or its text has been forgotten. */
    public synchronized SourceFile get(int id) {
        return id >= 0 && id < files.size() ? files.get(id) : null;
    }

    /** How many ids have been handed out (forgotten ones included). */
    public synchronized int size() {
        return files.size();
    }
}
