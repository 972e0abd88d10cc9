package dtdma.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;

/**
 * Base class of the generated {@code DtsLexer}: the few bits of code the lexer grammar needs, kept out of
 * the grammar so that it stays free of target-language actions.
 */
public abstract class DtsLexerBase extends Lexer {
    protected DtsLexerBase(CharStream input) {
        super(input);
    }

    /** The current lexer mode, so a caller can carry it into the lexer of the next piece of text. */
    public int currentMode() {
        return _mode;
    }
}
