package dtdma.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.fdt.Fdt;
import dtdma.tree.DeviceTree;
import dtdma.tree.Node;
import dtdma.tree.PropValue;
import dtdma.tree.Property;
import dtdma.workspace.BoardResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceRunTest {
    @TempDir
    Path tmp;

    private static DeviceTree tree(String model) {
        Node root = new Node("");
        root.properties().add(new Property("model", new PropValue((model + "\0").getBytes(StandardCharsets.US_ASCII),
                List.of()), null));
        return new DeviceTree(root, false);
    }

    private static OracleResult accepted(byte[] dtb) {
        return new OracleResult(0, dtb, "", "dtc", false);
    }

    private static final OracleResult REJECTED = new OracleResult(1, null, "Error: <stdin>:2.1-3 syntax error\nFATAL", "dtc", false);

    @Test
    void policy() throws Exception {
        byte[] dtb = DtcTestSupport.dtb("/dts-v1/; / { model = \"A\"; };");
        Fdt f = Fdt.parse(dtb);
        Diagnostic err = Diagnostic.of(Code.DTS001, null, "syntax error");
        Diagnostic warn = Diagnostic.of(Code.TR004, null, "nothing to delete");
        Diagnostic propertyAfterSubnode = Diagnostic.of(Code.DTS002, null, "property after subnode");

        assertNull(ConformanceRun.judge(accepted(dtb), f, null, new BoardResult(java.nio.file.Path.of("board.dts"), tree("A"), List.of(warn))));
        String diff = ConformanceRun.judge(accepted(dtb), f, null, new BoardResult(java.nio.file.Path.of("board.dts"), tree("B"), List.of()));
        assertTrue(diff.startsWith("/ property model: length differs") || diff.startsWith("/ property model: bytes differ"), diff);
        String errs = ConformanceRun.judge(accepted(dtb), f, null, new BoardResult(java.nio.file.Path.of("board.dts"), tree("A"), List.of(err)));
        assertTrue(errs.contains("dtdma reported 1 error(s), first DTS001 syntax error"), errs);
        assertTrue(ConformanceRun.judge(accepted(dtb), f, null, new BoardResult(java.nio.file.Path.of("board.dts"), null, List.of())).contains("no tree"));

        assertNull(ConformanceRun.judge(REJECTED, null, null, new BoardResult(java.nio.file.Path.of("board.dts"), null, List.of(err))));
        String missed = ConformanceRun.judge(REJECTED, null, null, new BoardResult(java.nio.file.Path.of("board.dts"), tree("A"), List.of(warn)));
        assertTrue(missed.contains("dtc rejects the board (dtc exit 1: Error: <stdin>:2.1-3 syntax error)"), missed);
        assertTrue(missed.endsWith("but dtdma reported no error"), missed);
        // DTS002 is a warning in dtdma, and exactly why dtc rejects such a file: that counts as agreement
        assertNull(ConformanceRun.judge(REJECTED, null, null,
                new BoardResult(java.nio.file.Path.of("board.dts"), tree("A"), List.of(propertyAfterSubnode))));
    }

    @Test
    void runJudgesBoardsAndReportsUnavailableFrontEnd() throws Exception {
        Path kernel = tmp.resolve("k");
        Path dts = kernel.resolve("arch/arm64/boot/dts/acme");
        Files.createDirectories(dts);
        Files.createDirectories(kernel.resolve("arch/arm/boot/dts"));
        Files.createDirectories(kernel.resolve("scripts/dtc/include-prefixes"));
        Files.writeString(dts.resolve("good.dts"), "/dts-v1/;\n/ { model = \"A\"; };\n");
        Files.writeString(dts.resolve("bad.dts"), "/dts-v1/;\n/ { model = <&nope>; };\n");
        Files.writeString(kernel.resolve("arch/arm/boot/dts/other.dts"), "/dts-v1/;\n/ { };\n");
        Files.writeString(dts.resolve("x.dtsi"), "/ { };\n");

        List<Path> all = ConformanceRun.enumerate(kernel, null);
        assertEquals(List.of("arch/arm/boot/dts/other.dts", "arch/arm64/boot/dts/acme/bad.dts",
                "arch/arm64/boot/dts/acme/good.dts"), all.stream().map(p -> kernel.relativize(p).toString()).toList());
        List<Path> some = ConformanceRun.enumerate(kernel, "arch/arm64/boot/dts/*/*.dts");
        assertEquals(2, some.size());

        DtcOracle oracle = DtcTestSupport.oracle(kernel, tmp.resolve("cache"));
        // a fake front end that always returns model "A" without diagnostics
        ConformanceRun.Summary s = ConformanceRun.run(kernel, some, oracle,
                (b, inc) -> new BoardResult(java.nio.file.Path.of("board.dts"), tree("A"), List.of()), 2);
        assertEquals("1 passed, 1 failed", s.countLine());
        assertEquals("arch/arm64/boot/dts/acme/bad.dts", s.failures().get(0).board());
        assertTrue(s.failures().get(0).reason().contains("dtdma reported no error"), s.failures().get(0).reason());

        ConformanceRun.Summary t = ConformanceRun.run(kernel, some, oracle, (b, inc) -> {
            throw new IllegalStateException("boom");
        }, 1);
        assertEquals("0 passed, 2 failed", t.countLine());
        assertTrue(t.failures().get(0).reason().contains("dtdma threw java.lang.IllegalStateException: boom"));

        // the real front end: bad.dts is rejected by dtc and gets TR001 from dtdma, good.dts matches
        ConformanceRun.Summary real = ConformanceRun.run(kernel, some, oracle,
                (b, inc) -> dtdma.workspace.Boards.load(b, inc), 1);
        assertEquals("2 passed, 0 failed", real.countLine());

        ConformanceRun.Summary o = ConformanceRun.run(kernel, all, oracle, null, 2);
        assertEquals("2 passed, 1 failed", o.countLine());
        Path report = tmp.resolve("r/report.txt");
        ConformanceRun.writeReport(report, List.of("header"), o);
        List<String> lines = Files.readAllLines(report);
        assertEquals("header", lines.get(0));
        assertEquals("2 passed, 1 failed", lines.get(1));
        assertTrue(lines.contains("PASS arch/arm/boot/dts/other.dts"));
        assertFalse(lines.stream().filter(l -> l.startsWith("FAIL arch/arm64/boot/dts/acme/bad.dts: dtc rejected")).toList().isEmpty());
    }
}
