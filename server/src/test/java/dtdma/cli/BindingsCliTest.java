package dtdma.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dtdma.testing.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code dtdma check --bindings}: the BND findings in text and JSON, and the usage errors. */
class BindingsCliTest {
    static final Path FIXTURES = Kernel.repo().resolve("fixtures");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonCarriesBindingAndRule() {
        Assumptions.assumeTrue(dtdma.bindings.BindingSources.dtSchemaDir(null).isPresent(), "dt-schema not installed");
        Run r = run("check", "--bindings", FIXTURES.resolve("bindings").toString(), "--format", "json",
                FIXTURES.resolve("checks/WrongEntryCount.dts").toString());
        assertEquals(0, r.code(), r.err());
        JsonObject d = null;
        for (var e : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("diagnostics")) {
            if (e.getAsJsonObject().get("code").getAsString().equals("BND004")
                    && e.getAsJsonObject().get("property").getAsString().equals("dmas")) {
                d = e.getAsJsonObject();
            }
        }
        assertTrue(d != null, r.out());
        assertEquals("/serial@2000", d.get("nodePath").getAsString());
        assertEquals("serial/vendor,bnd-uart.yaml", d.get("binding").getAsString());
        assertEquals("maxItems at #/properties/dmas/maxItems", d.get("rule").getAsString());
        assertTrue(d.get("board").getAsString().endsWith("WrongEntryCount.dts"));
        assertTrue(d.getAsJsonArray("related").get(0).getAsJsonObject().get("file").getAsString()
                .endsWith("vendor,bnd-uart.yaml"));
    }

    @Test
    void noBindingsTurnsItOffAndAMissingDirectoryIsAUsageError() {
        Assumptions.assumeTrue(dtdma.bindings.BindingSources.dtSchemaDir(null).isPresent(), "dt-schema not installed");
        Run off = run("check", "--no-bindings", "--bindings", FIXTURES.resolve("bindings").toString(),
                FIXTURES.resolve("checks/WrongEntryCount.dts").toString());
        assertTrue(!off.out().contains("BND"), off.out());
        Run missing = run("check", "--bindings", FIXTURES.resolve("no-such-dir").toString(),
                FIXTURES.resolve("checks/WrongEntryCount.dts").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--bindings") && missing.err().contains("no such directory"), missing.err());
    }
}
