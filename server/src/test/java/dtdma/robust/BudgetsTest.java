package dtdma.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.devlink.Scenario;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budgets and the analysis-failed diagnostic, in process. */
class BudgetsTest {
    @TempDir
    Path dir;

    private List<Diagnostic> check(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return new Boards(List.of(), false).load(p).diagnostics();
    }

    private static boolean has(List<Diagnostic> ds, Code c, String text) {
        return ds.stream().anyMatch(d -> d.code() == c && d.message().contains(text));
    }

    @Test
    void nestingAtTheBudgetIsAnalysedAndBeyondItIsNot() throws Exception {
        int n = dtdma.check.Budgets.MAX_NESTING - 1; // the root node is one level
        List<Diagnostic> ok = check("ok.dts", "/dts-v1/;\n/ {\n" + "n {".repeat(n) + "};".repeat(n) + "\n};\n");
        assertTrue(ok.isEmpty(), ok.toString());
        List<Diagnostic> deep = check("deep.dts", "/dts-v1/;\n/ {\n" + "n {".repeat(n + 1) + "};".repeat(n + 1) + "\n};\n");
        assertEquals(1, deep.size(), deep.toString());
        assertTrue(has(deep, Code.LIM001, "nested deeper than 1024"), deep.toString());
    }

    @Test
    void aPropertyOverTheBudgetIsTakenAsEmpty() throws Exception {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ { big = [");
        sb.append("00 ".repeat(dtdma.check.Budgets.MAX_PROPERTY_BYTES + 1));
        List<Diagnostic> ds = check("big.dts", sb.append("]; };\n").toString());
        assertTrue(has(ds, Code.LIM001, "the value of big has 262145 bytes"), ds.toString());
    }

    @Test
    void repeatedFindingsAreCappedPerCode() throws Exception {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n");
        int cap = dtdma.check.Budgets.MAX_DIAGNOSTICS_PER_CODE;
        for (int i = 0; i < cap + 501; i++) {
            sb.append("a = <").append(i).append(">;\n");
        }
        List<Diagnostic> ds = check("dup.dts", sb.append("};\n").toString());
        assertEquals(cap, ds.stream().filter(d -> d.code() == Code.TR008).count());
        assertTrue(has(ds, Code.LIM001, " more TR008 diagnostics are not shown (the first " + cap + " are)"),
                ds.get(ds.size() - 1).toString());
    }

    @Test
    void aStackOverflowIsTheAnalysisFailedDiagnosticNotACrash() throws Exception {
        Path p = dir.resolve("nested.dts");
        Files.writeString(p, "/dts-v1/;\n/ {\n" + "n {".repeat(1000) + "};".repeat(1000) + "\n};\n");
        Boards boards = new Boards(List.of(), false);
        Analysis[] out = new Analysis[1];
        // a thread with a tiny stack: the parser's recursion overflows well inside the nesting budget
        Thread t = new Thread(null, () -> out[0] = boards.analyse(p, () -> false), "small-stack", 128 << 10);
        t.start();
        t.join();
        List<Diagnostic> ds = out[0].result().diagnostics();
        assertEquals(1, ds.size(), ds.toString());
        assertEquals(Code.LIM002, ds.get(0).code());
        assertTrue(ds.get(0).message().contains("nested too deeply for the stack"), ds.toString());
    }

    @Test
    void scenarioLimits() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Scenario.parse("[".repeat(100) + "]".repeat(100)));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= dtdma.check.Budgets.MAX_SCENARIO_EVENTS; i++) {
            many.append(i == 0 ? "" : ",").append("{\"op\":\"resume\",\"device\":\"d\"}");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenario.parse(many + "]"));
        assertTrue(e.getMessage().contains("limited to 10000 events"), e.getMessage());
        assertEquals(1, Scenario.parse("[{\"op\":\"resume\",\"device\":\"d\"}]").events().size());
        assertThrows(java.io.IOException.class, () -> Scenario.read(Path.of("/dev/zero")));
        assertThrows(java.io.IOException.class, () -> Scenario.read(dir));
        assertFalse(Files.isRegularFile(Path.of("/dev/zero")));
    }
}
