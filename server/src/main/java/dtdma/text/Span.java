package dtdma.text;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets inside one source file.
 * Every model object carries spans into the original files; line and column are computed
 * only at the edge (see {@link LineIndex}).
 */
public record Span(int fileId, int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public static Span at(int fileId, int offset) {
        return new Span(fileId, offset, offset);
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int fileId, int offset) {
        return this.fileId == fileId && start <= offset && offset <= end;
    }

    /** The smallest span covering both; both must be in the same file, else this span is returned. */
    public Span union(Span other) {
        if (other == null || other.fileId != fileId) {
            return this;
        }
        return new Span(fileId, Math.min(start, other.start), Math.max(end, other.end));
    }
}
