package dtdma.lsp;

import dtdma.check.Budgets;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on a pair of streams (stdio for {@code dtdma lsp}, pipes in tests). */
public final class LspMain {
    private static final Logger LOG = Logger.getLogger(LspMain.class.getName());

    private LspMain() {
    }

    /** Connects a new server to the streams and returns it with the running launcher. */
    public static Launcher<LanguageClient> launch(InputStream in, OutputStream out, IntConsumer exit) {
        DtdmaLanguageServer server = new DtdmaLanguageServer(exit);
        Launcher<LanguageClient> l = create(server, in, out);
        server.connect(l.getRemoteProxy());
        return l;
    }

    /**
     * The protocol stack: the framing layer ({@link FramingInputStream}: bad headers skipped, bodies above
     * {@link Budgets#MAX_MESSAGE_BYTES} refused) and the lifecycle gate ({@link LifecycleGate}) in front of LSP4J.
     */
    static Launcher<LanguageClient> create(DtdmaLanguageServer server, InputStream in, OutputStream out) {
        return new LSPLauncher.Builder<LanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(new FramingInputStream(in, Budgets.MAX_MESSAGE_BYTES))
                .setOutput(out)
                .wrapMessages(new LifecycleGate())
                .create();
    }

    /**
     * Runs the server on stdin/stdout until the client exits or the connection closes. Nothing but JSON-RPC
     * reaches stdout: {@code System.out} is redirected to stderr first.
     *
     * @param clientPid the client's process id from {@code --clientProcessId}, or -1
     * @return the exit code
     */
    public static int runStdio(long clientPid) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        InputStream in = System.in;
        OutputStream out = stdout;
        IntConsumer exit = code -> {
            stdout.flush();
            System.exit(code);
        };
        ExpectedFaults.install();
        // ExitOnOutOfMemoryError-style behaviour without the JVM flag: a thread that runs out of heap ends the
        // server with one line on stderr, so the editor restarts it instead of talking to a half-dead process
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof OutOfMemoryError) {
                System.err.println("dtdma: out of memory in thread " + t.getName() + "; exiting");
                Runtime.getRuntime().halt(3);
            }
            LOG.log(Level.SEVERE, "uncaught exception in thread " + t.getName(), e);
        });
        DtdmaLanguageServer server = new DtdmaLanguageServer(exit);
        Launcher<LanguageClient> l = create(server, in, out);
        server.connect(l.getRemoteProxy());
        if (clientPid > 0) {
            server.watchClientProcess(clientPid);
        }
        Future<Void> listening = l.startListening();
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "connection failed", e);
        }
        LOG.info("connection closed");
        return 1;
    }
}
