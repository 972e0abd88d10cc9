package dtdma.syntax;

import dtdma.preprocess.SourceMap;
import dtdma.text.Span;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Pair;

/**
 * A token that knows which piece of preprocessed text it came from, so its offsets can be mapped back to
 * an original file. Placeholder tokens (end of input, an included file's already-parsed items) carry a
 * fixed span instead.
 */
final class DtsToken extends CommonToken {
    private static final long serialVersionUID = 1L;

    /** Where a piece of text came from: its source map and the file to fall back to. */
    record Origin(SourceMap map, int fileId) {
    }

    private final transient Origin origin;
    private transient Span fixed;
    /** For {@code INCLUDED_ITEMS}: the included unit's parse. */
    transient UnitParse included;

    DtsToken(Pair<TokenSource, CharStream> source, int type, int channel, int start, int stop, Origin origin) {
        super(source, type, channel, start, stop);
        this.origin = origin;
    }

    static DtsToken placeholder(int type, String text, Span span) {
        DtsToken t = new DtsToken(new Pair<>(null, null), type, DEFAULT_CHANNEL, -1, -1, null);
        t.setText(text);
        t.fixed = span;
        return t;
    }

    /** The original span of a token; null for tokens conjured by error recovery. */
    static Span spanOf(Token t) {
        if (t instanceof DtsToken d) {
            if (d.fixed != null) {
                return d.fixed;
            }
            if (d.origin == null || d.getStartIndex() < 0) {
                return null;
            }
            Span s = d.origin.map().toOriginal(d.getStartIndex(), d.getStopIndex() + 1);
            d.fixed = s != null ? s : Span.at(d.origin.fileId(), 0);
            return d.fixed;
        }
        return null;
    }

    /** Creates {@link DtsToken}s for one piece of text. */
    static final class Factory implements TokenFactory<DtsToken> {
        private final Origin origin;

        Factory(Origin origin) {
            this.origin = origin;
        }

        @Override
        public DtsToken create(Pair<TokenSource, CharStream> source, int type, String text, int channel, int start, int stop,
                int line, int charPositionInLine) {
            DtsToken t = new DtsToken(source, type, channel, start, stop, origin);
            t.setLine(line);
            t.setCharPositionInLine(charPositionInLine);
            if (text != null) {
                t.setText(text);
            }
            return t;
        }

        @Override
        public DtsToken create(int type, String text) {
            DtsToken t = new DtsToken(new Pair<>(null, null), type, DEFAULT_CHANNEL, -1, -1, origin);
            t.setText(text);
            return t;
        }
    }
}
