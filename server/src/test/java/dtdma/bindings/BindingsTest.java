package dtdma.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.testing.Kernel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema processing, selection, value typing, messages and the cache, on small bindings and trees. */
class BindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path dtSchema() {
        Path p = BindingSources.dtSchemaDir(null).orElse(null);
        Assumptions.assumeTrue(p != null, "dt-schema not installed (scripts/setup-corpus.sh installs it)");
        return p;
    }

    private static Path fixtureBindings() {
        return Kernel.repo().resolve("fixtures/bindings");
    }

    private static ObjectNode processed(String yaml) {
        ObjectNode s = (ObjectNode) Yaml.parse(yaml, "test.yaml");
        SchemaProcessor.process(s);
        return s;
    }

    @Test
    void selectIsMadeFromTheCompatibles() {
        ObjectNode s = processed("""
                properties:
                  compatible:
                    oneOf:
                      - const: acme,a
                      - items: [ {enum: ["acme,b", "acme,c"]}, {const: syscon} ]
                """);
        assertEquals("{\"required\":[\"compatible\"],\"properties\":{\"compatible\":{\"contains\":{\"enum\":"
                + "[\"acme,a\",\"acme,b\",\"acme,c\"]}}}}", s.get("select").toString());
        assertEquals("false", processed("properties: {foo: true}").get("select").toString());
    }

    @Test
    void requiredInterruptsAcceptsInterruptsExtended() {
        ObjectNode s = processed("""
                properties: {compatible: {const: acme,a}, interrupts: {maxItems: 1}}
                required: [compatible, interrupts]
                """);
        assertEquals("[\"compatible\"]", s.get("required").toString());
        assertEquals("[{\"required\":[\"interrupts\"]},{\"required\":[\"interrupts-extended\"]}]", s.get("oneOf").toString());
        assertTrue(s.get("properties").has("interrupts-extended"));
        assertTrue(s.get("properties").has("interrupt-parent"));
    }

    @Test
    void valuesAreNormalisedToMatrices() {
        ObjectNode s = processed("""
                properties:
                  compatible: {const: acme,a}
                  fifo: {enum: [16, 32]}
                  mode: {enum: [fast, slow]}
                  dma-names: {items: [{const: rx}, {const: tx}]}
                additionalProperties: false
                """);
        JsonNode p = s.get("properties");
        assertEquals("{\"items\":[{\"items\":[{\"enum\":[16,32]}],\"type\":\"array\",\"minItems\":1,\"maxItems\":1}],"
                + "\"type\":\"array\",\"minItems\":1,\"maxItems\":1}", p.get("fifo").toString());
        assertEquals("{\"items\":[{\"enum\":[\"fast\",\"slow\"]}],\"type\":\"array\",\"minItems\":1,\"maxItems\":1}",
                p.get("mode").toString());
        assertEquals(2, p.get("dma-names").get("minItems").asInt());
        assertEquals(2, p.get("dma-names").get("maxItems").asInt());
        // a closed node also allows what every node may have
        for (String always : List.of("phandle", "status", "pinctrl-names", "$nodename")) {
            assertTrue(p.has(always), always);
        }
        assertTrue(s.get("patternProperties").has("pinctrl-[0-9]+"));
    }

    private Analysis analyse(String dts, BindingSet set) throws IOException {
        Path f = tmp.resolve("board.dts");
        Files.writeString(f, dts);
        Boards boards = new Boards(List.of(), false);
        boards.setBindings(set);
        return boards.analyse(f, () -> false);
    }

    private static final String BOARD = """
            /dts-v1/;
            / {
                compatible = "vendor,bnd-board"; model = "m"; #address-cells = <1>; #size-cells = <1>;
                interrupt-parent = <&intc>;
                intc: interrupt-controller@800 { reg = <0x800 4>; interrupt-controller; #interrupt-cells = <1>; };
                ccm: clock-controller@1000 { reg = <0x1000 4>; #clock-cells = <1>; };
                edma: dma-controller@3000 { reg = <0x3000 4>; #dma-cells = <1>; };
                serial@2000 {
                    compatible = "vendor,bnd-uart";
                    reg = <0x2000 0x100>;
                    interrupts = <5>;
                    clocks = <&ccm 1>, <&ccm 2>;
                    %s
                };
            };
            """;

    @Test
    void messageNamesPropertyEntryAndBinding() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        Analysis a = analyse(BOARD.formatted("dmas = <&edma 1>, <&edma 2>; dma-names = \"tx\", \"rx\";"), set);
        List<Diagnostic> bnd = a.result().diagnostics().stream().filter(d -> d.code() == Code.BND003).toList();
        assertEquals(List.of(
                "`dma-names`: 'rx' was expected at index 0, found 'tx' (binding `serial/vendor,bnd-uart.yaml`)",
                "`dma-names`: 'tx' was expected at index 1, found 'rx' (binding `serial/vendor,bnd-uart.yaml`)"),
                bnd.stream().map(Diagnostic::message).sorted().toList());
        Diagnostic d = bnd.get(0);
        assertEquals("/serial@2000", d.subject().nodePath());
        assertEquals("dma-names", d.subject().property());
        assertEquals("serial/vendor,bnd-uart.yaml", d.subject().binding());
        assertTrue(d.subject().rule().startsWith("const at #/properties/dma-names/items/"), d.subject().rule());
        assertEquals(1, d.related().size());
        String relatedFile = a.sources().get(d.related().get(0).span().fileId()).path().toString();
        assertTrue(relatedFile.endsWith("fixtures/bindings/serial/vendor,bnd-uart.yaml"), relatedFile);
        String at = a.sources().get(d.related().get(0).span().fileId()).text()
                .substring(d.related().get(0).span().start(), d.related().get(0).span().end());
        assertEquals("dma-names", at);
    }

    @Test
    void compatibleStringsLinkToTheirBinding() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        String dts = BOARD.formatted("").replace("intc: interrupt-controller@800",
                "bus { compatible = \"vendor,no-such-bus\", \"simple-bus\"; #address-cells = <1>; "
                        + "#size-cells = <1>; ranges; };\n    intc: interrupt-controller@800");
        Analysis a = analyse(dts, set);
        dtdma.text.SourceFile f = a.file(tmp.resolve("board.dts"));
        List<String> links = dtdma.features.DocumentLinkFeature.links(a, f).stream()
                .map(l -> f.text().substring(l.span().start(), l.span().end()) + " -> "
                        + l.target().getFileName())
                .toList();
        // the kernel's binding for the UART, dt-schema's own for simple-bus; none for compatibles with no binding
        assertEquals(List.of("simple-bus -> simple-bus.yaml", "vendor,bnd-uart -> vendor,bnd-uart.yaml"), links);
        String uart = dtdma.features.DocumentLinkFeature.links(a, f).stream()
                .filter(l -> l.target().getFileName().toString().equals("vendor,bnd-uart.yaml")).findFirst()
                .orElseThrow().target().toString();
        assertTrue(uart.endsWith("fixtures/bindings/serial/vendor,bnd-uart.yaml"), uart);
        // without binding schemas only the includes are links
        Analysis none = analyse(dts, null);
        assertEquals(List.of(), dtdma.features.DocumentLinkFeature.links(none, none.file(tmp.resolve("board.dts"))));
    }

    /**
     * imx28-m28cu3 writes {@code ocotp@8002c000 { status = "okay"; }} under the bus where imx28.dtsi names the node
     * {@code efuse@8002c000}: a new child with neither reg nor ranges, which simple-bus.yaml's {@code anyOf}
     * rejects. The validator reports only the failures of the alternatives; the finding is the {@code anyOf}'s.
     */
    @Test
    void failingAnyOfIsOneFinding() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        String bus = "bus@80000000 { compatible = \"simple-bus\"; #address-cells = <1>; #size-cells = <1>; "
                + "reg = <0x80000000 0x100000>; ranges; efuse@8002c000 { reg = <0x8002c000 0x2000>; }; "
                + "ocotp@8002c000 { status = \"%s\"; }; };\n    intc: interrupt-controller@800";
        Analysis a = analyse(BOARD.formatted("").replace("intc: interrupt-controller@800", bus.formatted("okay")), set);
        assertEquals(List.of("CONDITION anyOf /bus@80000000 ocotp@8002c000 "
                        + "#/patternProperties/@(0|[1-9a-f][0-9a-f]*)$/anyOf"),
                a.bindings().findings().stream().map(f -> f.kind() + " " + f.keyword() + " " + f.node().path() + " "
                        + f.property() + " " + f.schemaPath()).toList());
        List<Diagnostic> d = a.result().diagnostics().stream().filter(x -> x.code() == Code.BND006).toList();
        assertEquals(List.of("`ocotp@8002c000`: none of the 2 alternatives holds: required property 'reg' not found; "
                + "required property 'ranges' not found (binding `dt-schema simple-bus.yaml`)"),
                d.stream().map(Diagnostic::message).toList());
        // a disabled child may lack them (dt-validate drops missing-property failures of a disabled instance)
        Analysis off = analyse(BOARD.formatted("").replace("intc: interrupt-controller@800", bus.formatted("disabled")), set);
        assertEquals(List.of(), off.bindings().findings());
    }

    @Test
    void cleanNodeHasNoFindingAndWidthsAreChecked() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        Analysis ok = analyse(BOARD.formatted("clock-names = \"ipg\", \"per\"; fifo-depth = <32>; vendor,flow-control;"), set);
        assertEquals(List.of(), ok.bindings().findings());
        Analysis bytes = analyse(BOARD.formatted("vendor,thresholds = /bits/ 8 <1 2 3 4>;"), set);
        assertEquals(List.of(), bytes.bindings().findings());
        Analysis wide = analyse(BOARD.formatted("vendor,thresholds = <1 2 3 4>;"), set);
        assertEquals(List.of("TYPE typeSize vendor,thresholds"), wide.bindings().findings().stream()
                .map(f -> f.kind() + " " + f.keyword() + " " + f.property()).distinct().toList());
        Analysis flag = analyse(BOARD.formatted("vendor,flow-control = <1>;"), set);
        assertFalse(flag.bindings().findings().isEmpty(), "a flag with a value is a finding");
    }

    @Test
    void disabledNodesKeepOtherFindingsAndSayTheyAreLatent() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        Analysis a = analyse(BOARD.formatted("status = \"disabled\"; vendor,speed = <1>;")
                .replace("clocks = <&ccm 1>, <&ccm 2>;", ""), set);
        List<Diagnostic> bnd = a.result().diagnostics().stream().filter(d -> d.code().id().startsWith("BND")).toList();
        assertEquals(1, bnd.size(), bnd.toString());
        assertEquals(Code.BND001, bnd.get(0).code());
        assertTrue(bnd.get(0).message().contains("the node is disabled (status = \"disabled\")"), bnd.get(0).message());
    }

    @Test
    void processedSchemasAreCachedByContent() throws IOException {
        Path bindings = tmp.resolve("b");
        copy(fixtureBindings(), bindings);
        Path cache = tmp.resolve("cache");
        BindingSet first = BindingSet.load(bindings, dtSchema(), cache, null);
        BindingSet second = BindingSet.load(bindings, dtSchema(), cache, null);
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals(first.size(), second.size());
        Binding a = first.byId(BindingSet.BASE + "serial/vendor,bnd-uart.yaml");
        Binding b = second.byId(BindingSet.BASE + "serial/vendor,bnd-uart.yaml");
        assertEquals(a.schema().toString(), b.schema().toString());
        assertEquals("Example UART with two DMA channels (dtdma test binding)", b.title());
        Path yaml = bindings.resolve("serial/vendor,bnd-uart.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("maxItems: 2\n\n  dma-names", "maxItems: 3\n\n  dma-names"));
        BindingSet third = BindingSet.load(bindings, dtSchema(), cache, null);
        assertFalse(third.fromCache(), "an edited binding is processed again");
        assertNotEquals(a.schema().toString(), third.byId(BindingSet.BASE + "serial/vendor,bnd-uart.yaml").schema().toString());
    }

    @Test
    void brokenBindingFilesAreSkippedWithAReason() throws IOException {
        Path bindings = tmp.resolve("b");
        copy(fixtureBindings(), bindings);
        Files.writeString(bindings.resolve("broken.yaml"), "$id: [unclosed\n  : : :\n");
        Files.writeString(bindings.resolve("notaschema.yaml"), "just: text\n");
        Files.writeString(bindings.resolve("dangling.yaml"), """
                $id: http://devicetree.org/schemas/dangling.yaml#
                $schema: http://devicetree.org/meta-schemas/core.yaml#
                title: refers to a schema that does not exist
                properties:
                  compatible: {const: vendor,bnd-uart}
                  reg: {$ref: /schemas/no-such-schema.yaml#}
                  clocks: {$ref: /schemas/no-such/schema.yaml/#}
                """);
        BindingSet set = BindingSet.load(bindings, dtSchema(), tmp.resolve("cache"), null);
        assertTrue(set.problems().contains("broken.yaml: ignoring, error parsing file"), set.problems().toString());
        assertTrue(set.problems().stream().anyMatch(p -> p.startsWith("notaschema.yaml: ignoring")), set.problems().toString());
        assertTrue(set.byId(BindingSet.BASE + "serial/vendor,bnd-uart.yaml") != null);
        // validation goes on with the others; the dangling binding does not compile, and nothing is fetched for it
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(BindingSet.class.getName());
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getThrown() != null && r.getMessage().contains("dangling.yaml")) {
                    thrown.add(r.getThrown());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        Analysis a = analyse(BOARD.formatted("vendor,speed = <1>;"), set);
        try {
            assertEquals(null, set.compiled(set.byId(BindingSet.BASE + "dangling.yaml")));
        } finally {
            log.removeHandler(h);
        }
        assertEquals(1, thrown.size(), thrown.toString());
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown.get(0); t != null; t = t.getCause()) {
            chain.append(t).append('\n');
            assertFalse(t instanceof java.io.IOException && t.getClass().getName().startsWith("java.net."), chain.toString());
        }
        assertTrue(chain.toString().contains("is not among the loaded schemas (not fetched)"), chain.toString());
        assertEquals(List.of("BND001"), a.result().diagnostics().stream().map(d -> d.code().id())
                .filter(c -> c.startsWith("BND") || c.startsWith("INT")).toList());
    }

    @Test
    void dmaFactsComeFromTheConsumersBinding() throws IOException {
        BindingSet set = BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null);
        DmaFacts f = DmaFacts.of(set, List.of("vendor,bnd-uart"));
        assertEquals(List.of("rx", "tx"), f.names());
        assertTrue(f.ordered());
        assertFalse(f.namesRequired());
        assertEquals(2, f.maxDmas());
        assertEquals(2, f.minDmas(), "maxItems alone fixes the count, as dt-schema reads it");
        assertEquals("serial/vendor,bnd-uart.yaml", f.binding().file());
        assertEquals(null, DmaFacts.of(set, List.of("vendor,unknown")));
    }

    @Test
    void theConsumersBindingDecidesDt002AndDt009ForUnknownDrivers() throws IOException {
        Path fixtures = Kernel.repo().resolve("fixtures/checks");
        Boards boards = new Boards(List.of(), false);
        boards.setBindings(BindingSet.load(fixtureBindings(), dtSchema(), tmp.resolve("cache"), null));
        List<Diagnostic> dt002 = boards.load(fixtures.resolve("DmasWithoutNamesBinding.dts")).diagnostics().stream()
                .filter(d -> d.code() == Code.DT002).toList();
        assertEquals(List.of(dtdma.check.Severity.WARNING, dtdma.check.Severity.INFO),
                dt002.stream().map(Diagnostic::severity).toList());
        assertTrue(dt002.get(0).message().contains("the binding serial/vendor,bnd-uart.yaml names this node's channels"
                + " (dma-names \"rx\", \"tx\")"), dt002.get(0).message());
        assertTrue(dt002.get(1).message().contains("the binding sound/vendor,bnd-dac.yaml gives dmas without dma-names"),
                dt002.get(1).message());
        List<Diagnostic> dt009 = boards.load(fixtures.resolve("RequestedNameMissingBinding.dts")).diagnostics().stream()
                .filter(d -> d.code() == Code.DT009).toList();
        assertEquals(1, dt009.size(), dt009.toString());
        assertTrue(dt009.get(0).message().startsWith("the binding serial/vendor,bnd-uart.yaml requires the dma-names "
                + "entry \"tx\""), dt009.get(0).message());
        // without the bindings the driver is unknown and nothing is said about "tx"
        List<Diagnostic> without = new Boards(List.of(), false).load(fixtures.resolve("RequestedNameMissingBinding.dts"))
                .diagnostics().stream().filter(d -> d.code() == Code.DT009).toList();
        assertEquals(List.of(), without);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
