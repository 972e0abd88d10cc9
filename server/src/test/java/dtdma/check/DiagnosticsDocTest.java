package dtdma.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtdma.testing.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every code of the catalogue has its entry in docs/diagnostics.md, under its default severity. */
class DiagnosticsDocTest {
    @Test
    void everyCodeIsDocumentedWithItsSeverity() throws IOException {
        String doc = Files.readString(Kernel.repo().resolve("docs/diagnostics.md"));
        List<String> wrong = new ArrayList<>();
        for (Code c : Code.values()) {
            Matcher m = Pattern.compile("^### " + Pattern.quote(c.id()) + " — .*\\((\\w+)", Pattern.MULTILINE).matcher(doc);
            if (!m.find()) {
                wrong.add(c.id() + ": no '### " + c.id() + " — title (severity)' entry");
            } else if (!m.group(1).toLowerCase(Locale.ROOT).equals(c.severity().label())) {
                wrong.add(c.id() + ": documented as " + m.group(1) + ", default severity is " + c.severity().label());
            }
        }
        assertEquals(List.of(), wrong);
    }
}
