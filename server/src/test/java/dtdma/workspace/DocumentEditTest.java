package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Edits as the LSP specification reads positions: a character beyond its line means the line's end. */
class DocumentEditTest {
    private static String edit(String text, int line, int ch, int endLine, int endCh, String insert) {
        Document d = new Document(Path.of("/t.dts"), 1, text);
        return d.apply(2, List.of(new Document.Change(new Document.Range(line, ch, endLine, endCh), insert))).text();
    }

    @Test
    void characterBeyondTheLineEndIsTheLineEnd() {
        assertEquals("abX\ncd\n", edit("ab\ncd\n", 0, 5, 0, 5, "X"));
        assertEquals("abX\r\ncd\n", edit("ab\r\ncd\n", 0, 9, 0, 9, "X"));
        assertEquals("ab\ncdX", edit("ab\ncd", 1, 50, 1, 50, "X"));
    }

    @Test
    void hugeCharacterDoesNotOverflow() {
        assertEquals("abX\ncd\n", edit("ab\ncd\n", 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, "X"));
        assertEquals("aX\ncd\n", edit("ab\ncd\n", 0, 1, 0, Integer.MAX_VALUE, "X"));
    }

    @Test
    void linesBeyondTheEndAreTheEndAndNegativesTheStart() {
        assertEquals("ab\ncd\nX", edit("ab\ncd\n", 9, 0, 9, 0, "X"));
        assertEquals("Xab\n", edit("ab\n", -1, -1, -1, -1, "X"));
    }
}
