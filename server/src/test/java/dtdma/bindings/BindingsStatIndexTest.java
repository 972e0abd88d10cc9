package dtdma.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached start reads no schema file when nothing changed: file digests are remembered by stat
 * ({@link StatIndex}), and an edit, a racily clean rewrite, an added and a removed file are all noticed.
 */
class BindingsStatIndexTest {
    private static final String UART = "serial/vendor,bnd-uart.yaml";
    /** An old modification time (with nanoseconds), so that the files are not racily clean. */
    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00.100000000Z");

    @TempDir
    Path tmp;
    private Path bindings;
    private Path cache;
    private Path dtSchema;
    private int count;

    @BeforeEach
    void setUp() throws IOException {
        dtSchema = BindingSources.dtSchemaDir(null).orElse(null);
        Assumptions.assumeTrue(dtSchema != null, "dt-schema not installed (scripts/setup-corpus.sh installs it)");
        bindings = tmp.resolve("b");
        cache = tmp.resolve("cache");
        Path from = Kernel.repo().resolve("fixtures/bindings");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = bindings.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                    Files.setLastModifiedTime(t, FileTime.from(OLD));
                    count++;
                }
            }
        }
        count += (int) countYaml(dtSchema.resolve("schemas"));
    }

    private static long countYaml(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).count();
        }
    }

    private BindingSet load() throws IOException {
        return BindingSet.load(bindings, dtSchema, cache, null);
    }

    private String uartSchema(BindingSet set) {
        return set.byId(BindingSet.BASE + UART).schema().toString();
    }

    @Test
    void anUnchangedTreeIsLoadedWithoutReadingASchemaFile() throws IOException {
        BindingSet first = load();
        assertFalse(first.fromCache());
        assertEquals(count, first.filesHashed(), "the first start hashes every file");
        BindingSet second = load();
        assertTrue(second.fromCache());
        assertEquals(0, second.filesHashed(), "nothing changed: no schema file is read");
        assertEquals(first.size(), second.size());
        assertEquals(uartSchema(first), uartSchema(second));
        assertEquals(0, load().filesHashed());
    }

    @Test
    void anEditOfTheSameSizeInTheSameSecondIsNoticedByTheNanoseconds() throws IOException {
        BindingSet first = load();
        Path yaml = bindings.resolve(UART);
        long size = Files.size(yaml);
        Files.writeString(yaml, Files.readString(yaml).replace("maxItems: 2\n\n  dma-names", "maxItems: 3\n\n  dma-names"));
        assertEquals(size, Files.size(yaml), "same size");
        Files.setLastModifiedTime(yaml, FileTime.from(OLD.plusNanos(100_000_000))); // same second, other nanos
        Assumptions.assumeTrue(Files.getLastModifiedTime(yaml).toInstant().getNano() == 200_000_000,
                "the file system keeps sub-second modification times");
        BindingSet second = load();
        assertFalse(second.fromCache(), "the edited binding is processed again");
        assertTrue(uartSchema(second).contains("\"maxItems\":3"), uartSchema(second));
        assertFalse(uartSchema(first).contains("\"maxItems\":3"));
        BindingSet third = load();
        assertTrue(third.fromCache());
        assertEquals(0, third.filesHashed());
    }

    @Test
    void aRacilyCleanRewriteIsNoticed() throws IOException {
        Path yaml = bindings.resolve(UART);
        // modified now: the index written by this load is not older than the file
        FileTime now = FileTime.from(Instant.now());
        Files.setLastModifiedTime(yaml, now);
        load();
        // rewritten within the same timestamp tick: same size, same modification time, other content
        Files.writeString(yaml, Files.readString(yaml).replace("maxItems: 2\n\n  dma-names", "maxItems: 3\n\n  dma-names"));
        Files.setLastModifiedTime(yaml, now);
        BindingSet second = load();
        assertEquals(1, second.filesHashed(), "only the racily clean file is hashed again");
        assertFalse(second.fromCache());
        assertTrue(uartSchema(second).contains("\"maxItems\":3"), uartSchema(second));
    }

    @Test
    void addedAndRemovedFilesAreNoticed() throws IOException {
        BindingSet first = load();
        Path added = bindings.resolve("serial/vendor,added.yaml");
        Files.writeString(added, Files.readString(bindings.resolve(UART))
                .replace("vendor,bnd-uart.yaml#", "vendor,added.yaml#"));
        Files.setLastModifiedTime(added, FileTime.from(OLD));
        BindingSet second = load();
        assertEquals(1, second.filesHashed(), "only the new file is hashed");
        assertFalse(second.fromCache());
        assertEquals(first.size() + 1, second.size());
        assertNotNull(second.byId(BindingSet.BASE + "serial/vendor,added.yaml"));
        Files.delete(added);
        BindingSet third = load();
        assertEquals(0, third.filesHashed(), "a removed file needs no read");
        assertTrue(third.fromCache(), "the tree as it was first: its cache entry");
        assertNull(third.byId(BindingSet.BASE + "serial/vendor,added.yaml"));
        assertEquals(first.size(), third.size());
    }

    @Test
    void aDamagedIndexIsIgnored() throws IOException {
        load();
        try (Stream<Path> s = Files.list(cache)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("stat-")).toList()) {
                Files.writeString(p, "dtdma-stat-index 1\nnot\ta line\n");
            }
        }
        BindingSet again = load();
        assertTrue(again.fromCache());
        assertEquals(count, again.filesHashed(), "every file hashed again");
        assertEquals(0, load().filesHashed());
    }
}
