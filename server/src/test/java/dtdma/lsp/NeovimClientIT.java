package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real editor: headless Neovim's built-in LSP client starts {@code dtdma.jar lsp}, opens the broken demo
 * board, waits for diagnostics, hovers on a {@code dmas} specifier and jumps to a label's definition. An
 * integration test (maven-failsafe, after {@code package}); scripts/setup-corpus.sh installs Neovim.
 */
class NeovimClientIT {
    @Test
    void neovimReceivesDiagnosticsHoverAndDefinition() throws Exception {
        Path repo = ServerAdapterTest.REPO;
        Path jar = repo.resolve("server/target/dtdma.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": integration tests run after mvn package");
        Path nvim = onPath("nvim");
        assertNotNull(nvim, "nvim not installed: scripts/setup-corpus.sh installs Debian's neovim");
        Path script = repo.resolve("server/src/test/resources/lsp/nvim-client.lua");
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-c", "luafile " + script);
        pb.environment().put("DTDMA_JAR", jar.toString());
        pb.environment().put("DTDMA_REPO", repo.toString());
        pb.environment().put("DTDMA_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out;
        try {
            p.getOutputStream().close();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvim did not finish");
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        String line = out.lines().filter(l -> l.contains("RESULT ")).findFirst().orElse(null);
        assertNotNull(line, "no result from nvim: " + out);
        JsonObject r = JsonParser.parseString(line.substring(line.indexOf("RESULT ") + 7)).getAsJsonObject();
        assertTrue(r.get("gotDiagnostics").getAsBoolean(), r.toString());
        String codes = r.get("codes").toString();
        assertTrue(codes.contains("\"SD") || codes.contains("\"DT0"), "a DMA finding: " + codes);
        String hover = r.get("hover").getAsString();
        assertTrue(hover.contains("event: 22") && hover.contains("IMX_DMATYPE_UART"), hover);
        assertTrue(r.get("definitionUri").getAsString().endsWith("demo-soc.dtsi"), r.toString());
        List<String> soc = Files.readAllLines(repo.resolve("examples/imx-demo/demo-soc.dtsi"));
        int labelLine = -1;
        for (int i = 0; i < soc.size(); i++) {
            if (soc.get(i).contains("uart1: serial@")) {
                labelLine = i;
            }
        }
        assertEquals(labelLine, r.get("definitionLine").getAsInt());
    }

    private static Path onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path c = Path.of(d, exe);
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        return null;
    }
}
