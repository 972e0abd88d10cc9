package dtdma.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/**
 * Wire tier over the real process: {@code java -jar server/target/dtdma.jar lsp}. Runs as an integration test
 * (maven-failsafe, after {@code package}), so the jar is the one just built.
 */
class JarIT {
    @Test
    void overTheJarsStdio() throws Exception {
        Path jar = ServerAdapterTest.REPO.resolve("server/target/dtdma.jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": integration tests run after mvn package");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process proc = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "lsp", "--stdio",
                "--clientProcessId=" + ProcessHandle.current().pid())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            InputStream in = proc.getInputStream();
            OutputStream out = proc.getOutputStream();
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(client, in, out);
            cl.startListening();
            WireTest.session(cl.getRemoteProxy(), client);
            cl.getRemoteProxy().exit();
            assertTrue(proc.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, proc.exitValue());
        } finally {
            proc.destroyForcibly();
        }
    }

}
