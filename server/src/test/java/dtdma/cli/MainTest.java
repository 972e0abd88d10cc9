package dtdma.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dtdma.testing.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as CI users meet it: output formats, exit codes, usage errors. */
class MainTest {
    private static final Path EX = Kernel.repo().resolve("examples");
    private static final String INC = "-I" + EX.resolve("include");

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkReportsLikeACompilerAndExitsOneOnErrors() {
        Run r = run("check", INC, EX.resolve("imx-demo/broken-board.dts").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("broken-board.dts:9:17: error: expected ';' after property 'status' [DTS001]"), r.out());
        assertTrue(r.out().contains("broken-board.dts:13:1: error: label or path &uart3 not found [TR001]"), r.out());
        assertTrue(r.out().contains("[DT003]"), r.out());
        assertTrue(r.out().strip().endsWith("1 file checked: 3 errors, 1 warning"), r.out());
    }

    @Test
    void cleanBoardExitsZeroUnlessWarningsAreErrors() {
        String board = EX.resolve("imx-demo/demo-board.dts").toString();
        Run r = run("check", INC, board);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("[SD005]"), "the demo board needs SDMA firmware for ECSPI tx: " + r.out());
        assertEquals(1, run("check", "--werror", INC, board).code());
        Run errorsOnly = run("check", "--min-severity", "error", INC, board);
        assertEquals(0, errorsOnly.code());
        assertEquals("", errorsOnly.out());
    }

    @Test
    void directoriesMeanEveryBoardBelowThem() {
        Run r = run("check", "--jobs", "2", INC, EX.resolve("imx-demo").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("2 files checked"), r.out());
    }

    @Test
    void jsonListsEveryDiagnosticWithPositions() {
        Run r = run("check", "--format", "json", INC, EX.resolve("imx-demo/broken-board.dts").toString());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonArray ds = o.getAsJsonArray("diagnostics");
        assertEquals(4, ds.size());
        JsonObject first = ds.get(0).getAsJsonObject();
        assertEquals("DTS001", first.get("code").getAsString());
        assertEquals(9, first.get("line").getAsInt());
        assertEquals(17, first.get("column").getAsInt());
        assertEquals("error", first.get("severity").getAsString());
    }

    @Test
    void sarifHasRulesAndResultsAsUploadersExpect() {
        Run r = run("check", "--format", "sarif", INC, EX.resolve("imx-demo/broken-board.dts").toString());
        JsonObject log = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("dtdma", driver.get("name").getAsString());
        JsonArray rules = driver.getAsJsonArray("rules");
        JsonArray results = run.getAsJsonArray("results");
        assertEquals(4, results.size());
        for (var e : results) {
            JsonObject res = e.getAsJsonObject();
            int idx = res.get("ruleIndex").getAsInt();
            assertEquals(res.get("ruleId").getAsString(), rules.get(idx).getAsJsonObject().get("id").getAsString());
            JsonObject region = res.getAsJsonArray("locations").get(0).getAsJsonObject()
                    .getAsJsonObject("physicalLocation").getAsJsonObject("region");
            assertTrue(region.get("startLine").getAsInt() >= 1 && region.get("startColumn").getAsInt() >= 1);
            assertTrue(List.of("error", "warning", "note").contains(res.get("level").getAsString()));
        }
    }

    @Test
    void dumpExitsZeroWheneverTheTreeBuilds(@TempDir Path dir) throws IOException {
        // an error-level DMA finding (gpmi-nand has no PIO path: DT002 is an error) does not fail dump
        Path f = dir.resolve("lint.dts");
        Files.writeString(f, "/dts-v1/;\n/ { dma: dma-controller { #dma-cells = <1>; };\n"
                + "  nand { compatible = \"fsl,imx6q-gpmi-nand\"; dmas = <&dma 0>; }; };\n");
        Run check = run("check", f.toString());
        assertEquals(1, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("[DT002]"), check.out());
        Run dump = run("dump", f.toString());
        assertEquals(0, dump.code(), dump.err());
        assertTrue(dump.out().contains("dmas = <&dma 0x0>;"), dump.out());
        assertTrue(!dump.err().contains("DT002"), dump.err());
        // a tree dtc rejects still fails
        Path bad = dir.resolve("bad.dts");
        Files.writeString(bad, "/dts-v1/;\n/ { a = <&nolabel>; };\n");
        Run d2 = run("dump", bad.toString());
        assertEquals(1, d2.code(), d2.err());
        assertTrue(d2.err().contains("TR001"), d2.err());
    }

    @Test
    void dumpPrintsCanonicalSource() {
        Run r = run("dump", INC, EX.resolve("imx-demo/demo-board.dts").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("/dts-v1/;\n"), r.out());
        assertTrue(r.out().contains("\t\tecspi1: spi@30820000 {\n"), r.out());
        assertTrue(r.out().contains("dmas = <&sdma1 0x0 0x7 0x1>, <&sdma1 0x1 0x7 0x2>;"), r.out());
        assertTrue(!r.out().contains("gpu@"), "the board deletes the GPU node");
    }

    @Test
    void dmaMapShowsDecodedCellsAndChannels() {
        Run r = run("dma", INC, EX.resolve("imx-demo/demo-board.dts").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("fsl,imx8mq-sdma -> sdma_imx8mq (fallback through the compatible list), 48 events"), r.out());
        // imx-uart requests its channels when the port is opened (imx_uart_startup), so no channel after boot
        assertTrue(r.out().contains("event 22, IMX_DMATYPE_UART (4), MCU domain UART, prio 0 -> register 3, per->mem, "
                + "script uart_2_mcu_addr @819 [rom]\n"), r.out());
        assertTrue(r.out().contains("driver: imx-uart requests rx, tx when the port is opened (startup) with "
                + "dma_request_slave_channel() in imx_uart_dma_init (drivers/tty/serial/imx.c:1365)"), r.out());
        // ecspi1 on an i.MX8MP SDMA; spi-imx requests tx before rx at probe (spi_imx_sdma_init), so tx gets the
        // first free channel
        assertTrue(r.out().contains("rx       <0 7 1>  event 0, IMX_DMATYPE_CSPI (7), MCU domain CSPI, prio 1 -> register 2, "
                + "per->mem, script app_2_mcu_addr @685 [rom, waits for the RAM firmware], dma1chan1"), r.out());
        assertTrue(r.out().contains("tx       <1 7 2>  event 1, IMX_DMATYPE_CSPI (7), MCU domain CSPI, prio 2 -> register 1, "
                + "mem->per, script mcu_2_ecspi_addr [ram firmware], dma1chan0"), r.out());
        assertTrue(r.out().contains("RAM script mcu_2_ecspi (is_ram_script): needs firmware imx/sdma/sdma-imx7d.bin"), r.out());
        Run j = run("dma", "--format", "json", INC, EX.resolve("imx-demo/demo-board.dts").toString());
        JsonObject o = JsonParser.parseString(j.out()).getAsJsonObject();
        assertEquals(2, o.getAsJsonArray("controllers").size());
    }

    @Test
    void dtcWarningLevelsAndOptionsChooseDtcsChecksAndJsonNamesWhatTheyAreAbout(@TempDir Path dir) throws IOException {
        Path b = dir.resolve("w1.dts");
        Files.writeString(b, """
                /dts-v1/;
                / {
                	#address-cells = <1>;
                	#size-cells = <1>;
                	serial {
                		reg = <0x100 0x10>;
                	};
                	timer@0x200 {
                		reg = <0x200 0x10>;
                	};
                };
                """);
        Run kernel = run("check", "--no-kernel-detect", b.toString());
        assertEquals(0, kernel.code(), kernel.out());
        assertTrue(kernel.out().contains("w1.dts:8:2: warning: /timer@0x200: unit name should not have leading \"0x\" "
                + "[dtc unit_address_format] [DC017]"), kernel.out());
        assertTrue(!kernel.out().contains("DC016"), "unit_address_vs_reg is off in make dtbs: " + kernel.out());
        Run w1 = run("check", "--no-kernel-detect", "--dtc-warnings", "W=1", b.toString());
        assertTrue(w1.out().contains("w1.dts:5:2: warning: /serial: node has a reg or ranges property, but no unit name"),
                w1.out());
        Run off = run("check", "--no-kernel-detect", "--dtc-warnings=W=1", "-Wno-unit_address_vs_reg",
                "-Wno-unit_address_format", b.toString());
        assertEquals("", off.out());
        Run json = run("check", "--no-kernel-detect", "--format", "json", "-Wunit_address_vs_reg", b.toString());
        JsonArray ds = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("diagnostics");
        assertEquals(2, ds.size(), json.out());
        JsonObject d = ds.get(0).getAsJsonObject();
        assertEquals("DC016", d.get("code").getAsString());
        assertEquals("unit_address_vs_reg", d.get("dtcCheck").getAsString());
        assertEquals("/serial", d.get("nodePath").getAsString());
        assertTrue(d.get("board").getAsString().endsWith("w1.dts"));
        Run sarif = run("check", "--no-kernel-detect", "--format", "sarif", b.toString());
        JsonObject res = JsonParser.parseString(sarif.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject().getAsJsonArray("results").get(0).getAsJsonObject();
        assertEquals("unit_address_format", res.getAsJsonObject("properties").get("dtcCheck").getAsString());
        assertEquals("/timer@0x200", res.getAsJsonObject("properties").get("nodePath").getAsString());
        assertEquals(2, run("check", "--dtc-warnings", "W=9", b.toString()).code());
        assertEquals(2, run("check", "-Wno-such_check", b.toString()).code());
    }

    @Test
    void otherDiagnosticsCarryBoardNodeAndPropertyInJson() {
        Run r = run("check", "--format", "json", INC, EX.resolve("imx-demo/broken-board.dts").toString());
        JsonArray ds = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("diagnostics");
        boolean dt003 = false;
        for (var e : ds) {
            JsonObject d = e.getAsJsonObject();
            assertTrue(d.get("board").getAsString().endsWith("broken-board.dts"), d.toString());
            if (d.get("code").getAsString().equals("DT003")) {
                dt003 = true;
                assertTrue(d.has("nodePath") && d.get("nodePath").getAsString().startsWith("/"), d.toString());
                assertTrue(d.has("property"), d.toString());
            }
        }
        assertTrue(dt003, r.out());
    }

    @Test
    void usageAndIoErrorsExitTwo() {
        assertEquals(2, run().code());
        assertEquals(2, run("frobnicate").code());
        assertEquals(2, run("check").code());
        assertEquals(2, run("check", "--format", "xml", "x.dts").code());
        assertEquals(2, run("check", "--jobs", "0", "x.dts").code());
        assertEquals(2, run("check", "--bogus", "x.dts").code());
        assertEquals(2, run("check", "/no/such/file.dts").code());
        assertEquals(2, run("dump", "a.dts", "b.dts").code());
        Run r = run("check", "--min-severity", "loud", "x.dts");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown severity 'loud'"), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("check", "dump", "dma")) {
            Run r = run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().startsWith("Usage: dtdma " + cmd), r.out());
        }
        assertTrue(run("--help").out().contains("Commands:"));
    }

    @Test
    void binaryJunkAndHugeFilesGetADiagnosticNotACrash(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.dts");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        Run r = run("check", junk.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("[PP008]"), r.out());

        Path cycle = dir.resolve("cycle.dts");
        Files.writeString(cycle, "/dts-v1/;\n#include \"cycle.dts\"\n/ { };\n");
        Run c = run("check", cycle.toString());
        assertEquals(1, c.code());
        assertTrue(c.out().contains("[PP002]") || c.out().contains("[PP007]"), c.out());

        Path huge = dir.resolve("huge.dts");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "/* padding padding padding padding padding padding padding padding padding */\n".getBytes();
            for (int i = 0; i < (17 << 20) / line.length; i++) {
                out.write(line);
            }
        }
        Run h = run("check", huge.toString());
        assertEquals(1, h.code());
        assertTrue(h.out().contains("[PP007]"), h.out());

        Path deep = dir.resolve("deep.dts");
        List<String> lines = new ArrayList<>(List.of("/dts-v1/;", "#define A0 x"));
        for (int i = 1; i < 40; i++) {
            lines.add("#define A" + i + " A" + (i - 1) + " A" + (i - 1));
        }
        lines.add("/ { p = \"A39\"; q = <A39>; };");
        Files.write(deep, lines);
        Run d = run("check", deep.toString());
        assertEquals(1, d.code());
        assertTrue(d.out().contains("[PP007]"), d.out());
    }

    @Test
    void topologyRendersSvgThroughGraphvizOrSaysItIsMissing() {
        Run r = run("topology", "--mode", "felsch-v2", "--format", "svg", INC, EX.resolve("imx-demo/demo-board.dts").toString());
        boolean dot = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "dot")));
        if (dot) {
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("<svg"), r.out());
            assertTrue(r.out().contains("30bd0000.dma&#45;controller (sdma1)"), "the SDMA controller is drawn (Graphviz escapes the dash)");
        } else {
            assertEquals(2, r.code());
            assertTrue(r.err().toLowerCase(java.util.Locale.ROOT).contains("graphviz"), r.err());
        }
    }
}
