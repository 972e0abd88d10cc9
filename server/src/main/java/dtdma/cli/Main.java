package dtdma.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Entry point of {@code dtdma.jar}: dispatches to the subcommands. Exit codes follow the linter convention:
 * 0 clean, 1 findings at or above the threshold, 2 usage, I/O or internal error.
 */
public final class Main {
    /** The build's version, from the jar's manifest. */
    public static final String VERSION = dtdma.workspace.Version.get();

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new LimitedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                Long.getLong("dtdma.maxOutputBytes", dtdma.check.Budgets.MAX_CLI_OUTPUT_BYTES)), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        // The pipeline recurses over nesting (bounded by the parser's nesting budget): run it on a thread whose
        // stack does not depend on the JVM's -Xss default.
        int[] code = {2};
        Thread t = new Thread(null, () -> code[0] = run(args, out, err), "dtdma-main", 512L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(code[0]);
    }

    /** Runs a command line and returns the exit code; never calls {@code System.exit}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return 2;
        }
        String cmd = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (cmd) {
                case "check" -> new CheckCommand(out, err).run(rest);
                case "dump" -> new DumpCommand(out, err).run(rest);
                case "dma" -> new DmaCommand(out, err).run(rest);
                case "topology" -> new TopologyCommand(out, err).run(rest);
                case "format" -> new FormatCommand(out, err).run(rest);
                case "lsp" -> lsp(rest, out);
                case "help", "-h", "--help" -> {
                    out.print(usage());
                    yield 0;
                }
                case "--version", "version" -> {
                    out.println("dtdma " + VERSION);
                    yield 0;
                }
                default -> {
                    err.println("dtdma: unknown command '" + cmd + "'");
                    err.print(usage());
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("dtdma " + cmd + ": " + e.getMessage());
            err.println("Try 'dtdma " + cmd + " --help'.");
            return 2;
        } catch (InputException e) {
            err.println("dtdma " + cmd + ": " + e.getMessage());
            return 2;
        } catch (LimitedOutputStream.LimitExceeded e) {
            err.println("dtdma " + cmd + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println("dtdma: internal error: " + e);
            return 2;
        }
    }

    private static int lsp(String[] args, PrintStream out) {
        long pid = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--stdio")) {
                continue;
            } else if (a.equals("-h") || a.equals("--help")) {
                out.print("""
                        Usage: dtdma lsp [--stdio] [--clientProcessId=N]

                        Runs the language server over stdin/stdout (JSON-RPC only on stdout; logs on stderr).
                        Exits when the client process N (or initialize's processId) dies.
                        """);
                return 0;
            } else if (a.startsWith("--clientProcessId")) {
                String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : "");
                try {
                    pid = Long.parseLong(v.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("--clientProcessId needs a number, not '" + v + "'");
                }
            } else {
                throw new UsageException("unknown option '" + a + "'");
            }
        }
        return dtdma.lsp.LspMain.runStdio(pid);
    }

    static String usage() {
        return """
                Usage: dtdma COMMAND [OPTIONS] ...

                Devicetree checker with a model of DMA bindings.

                Commands:
                  check FILE|DIR...   report problems in boards (.dts, .dtso) and partial files (.dtsi)
                  dump BOARD          print the merged tree of a board as canonical DTS
                  dma BOARD           print the DMA map of a board: controllers, consumers, decoded cells
                  topology BOARD      simulate DMA device links and runtime PM (modes, scenarios, dot/svg)
                  format FILE|DIR...  lay sources out in the kernel's DTS style (--check, --diff for CI)
                  lsp                 run the language server on stdin/stdout (--stdio, --clientProcessId=N)
                  help                show this text
                  --version           show the version

                Run 'dtdma COMMAND --help' for a command's options.
                Exit status: 0 clean, 1 problems at or above the threshold, 2 usage, I/O or internal error.
                """;
    }

    /** An input that cannot be read (a missing file): reported with the command's name and exit code 2. */
    static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /** A command-line mistake: reported with the command's name and exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
