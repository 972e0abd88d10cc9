package dtdma.features;

import dtdma.workspace.Document;
import dtdma.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workspace symbols: the labels and node names written in every board of the workspace and the files they
 * include, found by a case-insensitive substring query. Files are read lexically (no preprocessing, so it
 * stays cheap over a whole kernel directory) and the result per file is cached while the workspace's stamp of
 * the file is unchanged (it changes when the document is edited, or when the client reports the file changed).
 */
public final class WorkspaceSymbolsFeature {
    private static final Logger LOG = Logger.getLogger(WorkspaceSymbolsFeature.class.getName());
    private static final Pattern NODE = Pattern.compile(
            "(?m)^[ \\t]*((?:[A-Za-z_][A-Za-z0-9_]*[ \\t]*:[ \\t]*)*)([A-Za-z0-9,._+-]+(?:@[A-Za-z0-9,._+-]*)?|/)[ \\t]*\\{");
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \\t]*:");

    /** What a symbol is. */
    public enum Kind { LABEL, NODE }

    /**
     * One symbol: 0-based line and UTF-16 columns of its name in {@code file}.
     *
     * @param container the node a label names, or the file name for a node
     */
    public record Symbol(String name, Kind kind, Path file, int line0, int startColumn0, int endColumn0, String container) {
    }

    /** A file's symbols with their names in lower case, valid while the workspace's stamp of the file is. */
    private record Entry(long stamp, List<Symbol> symbols, List<String> lower) {
    }

    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    /** Up to {@code limit} symbols whose name contains {@code query} (all when blank), labels first. */
    public List<Symbol> search(Workspace ws, String query, int limit, BooleanSupplier cancelled) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<Symbol> labels = new ArrayList<>();
        List<Symbol> nodes = new ArrayList<>();
        for (Path f : ws.index().files()) {
            if (cancelled.getAsBoolean() || labels.size() >= limit) {
                break;
            }
            Entry e = symbols(ws, f);
            for (int i = 0; i < e.symbols().size(); i++) {
                Symbol s = e.symbols().get(i);
                if (q.isEmpty() || e.lower().get(i).contains(q)) {
                    (s.kind() == Kind.LABEL ? labels : nodes).add(s);
                }
            }
        }
        List<Symbol> out = new ArrayList<>(labels);
        for (Symbol s : nodes) {
            if (out.size() >= limit) {
                break;
            }
            out.add(s);
        }
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static final Entry NONE = new Entry(0, List.of(), List.of());

    /**
     * A file's symbols, read once and kept while the workspace's stamp of the file is unchanged (an edit, or a
     * change on disk the client reports, gives it a new stamp): a query over the whole kernel tree reads nothing.
     */
    private Entry symbols(Workspace ws, Path f) {
        long stamp = ws.stamp(f);
        Entry e = cache.get(f);
        if (e != null && e.stamp() == stamp) {
            return e;
        }
        Document d = ws.document(f);
        String text;
        try {
            text = d != null ? d.text() : new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            LOG.log(Level.FINE, "cannot read " + f, ex);
            return NONE;
        }
        List<Symbol> l = scan(f, text);
        e = new Entry(stamp, l, l.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        cache.put(f, e);
        return e;
    }

    /** The labels and nodes written in one text. */
    static List<Symbol> scan(Path file, String text) {
        List<Symbol> out = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        Matcher m = NODE.matcher(text);
        while (m.find()) {
            String node = m.group(2);
            if (!node.equals("/")) {
                out.add(symbol(node, Kind.NODE, file, m.start(2), m.end(2), lineStarts, file.getFileName().toString()));
            }
            Matcher lm = LABEL.matcher(m.group(1));
            while (lm.find()) {
                int s = m.start(1) + lm.start(1);
                out.add(symbol(lm.group(1), Kind.LABEL, file, s, s + lm.group(1).length(), lineStarts, node));
            }
        }
        return List.copyOf(out);
    }

    private static Symbol symbol(String name, Kind k, Path f, int start, int end, int[] lines, String container) {
        int line = java.util.Arrays.binarySearch(lines, start);
        if (line < 0) {
            line = -line - 2;
        }
        return new Symbol(name, k, f, line, start - lines[line], end - lines[line], container);
    }

    private static int[] lineStarts(String text) {
        List<Integer> l = new ArrayList<>();
        l.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                l.add(i + 1);
            }
        }
        return l.stream().mapToInt(Integer::intValue).toArray();
    }
}
