package dtdma.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A char stream over UTF-16 units (not code points), so that token offsets are the same UTF-16 offsets
 * that {@link dtdma.preprocess.SourceMap} and {@link dtdma.text.Span} use.
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    private final String name;
    private int p;

    Utf16CharStream(String text, String name) {
        this.text = text;
        this.name = name;
    }

    @Override
    public String getText(Interval interval) {
        int a = Math.max(0, interval.a);
        int b = Math.min(text.length() - 1, interval.b);
        return a > b ? "" : text.substring(a, b + 1);
    }

    @Override
    public void consume() {
        if (p >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        p++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int idx = i < 0 ? p + i : p + i - 1;
        if (idx < 0 || idx >= text.length()) {
            return IntStream.EOF;
        }
        return text.charAt(idx);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return p;
    }

    @Override
    public void seek(int index) {
        p = Math.min(Math.max(index, 0), text.length());
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return name;
    }

    @Override
    public String toString() {
        return text;
    }
}
