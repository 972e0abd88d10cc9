package dtdma.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceRegistryTest {
    @Test
    void sameTextSameIdDifferentTextNewId() {
        SourceRegistry r = new SourceRegistry();
        SourceFile a = r.register(Path.of("a.dts"), "x");
        assertSame(a, r.register(Path.of("a.dts"), "x"));
        assertNotEquals(a.id(), r.register(Path.of("a.dts"), "y").id());
        assertNotEquals(a.id(), r.register(Path.of("b.dts"), "x").id());
        assertSame(a, r.get(a.id()));
    }

    @Test
    void anEditingSessionKeepsOnlyRecentVersionsOfAFile() {
        SourceRegistry r = new SourceRegistry();
        SourceFile first = r.register(Path.of("board.dts"), "v0");
        SourceFile other = r.register(Path.of("soc.dtsi"), "soc");
        SourceFile last = null;
        for (int i = 1; i <= 100; i++) {
            last = r.register(Path.of("board.dts"), "v" + i);
        }
        assertNull(r.get(first.id()), "an old keystroke's text is forgotten");
        assertSame(last, r.get(last.id()));
        assertSame(other, r.get(other.id()), "other files are untouched");
        int kept = 0;
        for (int id = 0; id < r.size(); id++) {
            SourceFile f = r.get(id);
            if (f != null && f.path().equals(Path.of("board.dts"))) {
                kept++;
            }
        }
        assertEquals(SourceRegistry.VERSIONS_PER_PATH, kept);
    }
}
