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

    /** The jar reports the project version from its manifest, and carries no benchmark or conformance code. */
    @Test
    void versionFromTheManifestAndNoTestCodeInTheJar() throws Exception {
        Path jar = ServerAdapterTest.REPO.resolve("server/target/dtdma.jar");
        Path jvm = Path.of(System.getProperty("java.home"), "bin", "java");
        Process proc = new ProcessBuilder(jvm.toString(), "-jar", jar.toString(), "--version").redirectErrorStream(true)
                .start();
        String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(proc.waitFor(30, TimeUnit.SECONDS));
        String pom = Files.readString(ServerAdapterTest.REPO.resolve("server/pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find());
        assertEquals("dtdma " + m.group(1), out);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            assertTrue(z.stream().noneMatch(e -> e.getName().startsWith("dtdma/bench/")
                    || e.getName().startsWith("dtdma/conformance/")), "test code in the product jar");
        }
    }
}
