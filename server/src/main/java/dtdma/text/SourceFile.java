package dtdma.text;

import java.nio.file.Path;

/** The text of one file as it was read (from disk or an editor buffer), with a stable id. */
public final class SourceFile {
    private final int id;
    private final Path path;
    private final String text;
    private volatile LineIndex lines;

    public SourceFile(int id, Path path, String text) {
        this.id = id;
        this.path = path;
        this.text = text;
    }

    /** Whether a path names a devicetree source: {@code .dts}, {@code .dtsi} or {@code .dtso} (not a C header). */
    public static boolean isDevicetree(Path p) {
        if (p == null || p.getFileName() == null) {
            return false;
        }
        String n = p.getFileName().toString();
        return n.endsWith(".dts") || n.endsWith(".dtsi") || n.endsWith(".dtso");
    }

    public int id() {
        return id;
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = new LineIndex(text);
            lines = l;
        }
        return l;
    }

    @Override
    public String toString() {
        return path + "#" + id;
    }
}
