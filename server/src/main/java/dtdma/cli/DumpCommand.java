package dtdma.cli;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.tree.DtsWriter;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code dtdma dump}: prints a board's merged tree as canonical DTS. */
final class DumpCommand {
    private final PrintStream out;
    private final PrintStream err;

    DumpCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return """
                Usage: dtdma dump [OPTIONS] BOARD

                Prints the merged tree of BOARD (.dts, .dtsi or .dtso) as canonical devicetree source: labels
                kept, references written as &label, phandles as dtc assigns them. Errors go to stderr; the
                exit status is 1 if the board has errors (the tree is printed anyway).

                Options:
                  -I DIR               add an include directory (repeatable)
                  --no-kernel-detect   do not look for a Linux kernel tree around BOARD
                  -h, --help           show this text
                """;
    }

    int run(String[] args) {
        Options o = new Options(args);
        while (o.hasNext()) {
            String a = o.next();
            if (a.equals("-h") || a.equals("--help")) {
                out.print(help());
                return 0;
            } else if (!o.common(a)) {
                o.positionalOrUnknown(a);
            }
        }
        Path board = o.singleBoard();
        Boards boards = new Boards(o.includes, o.detectKernel);
        BoardResult r = boards.load(board);
        List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        Reporter.of("text", boards.sources()).report(List.of(r), Severity.WARNING, err);
        out.print(DtsWriter.write(r.tree()));
        return errors.isEmpty() ? 0 : 1;
    }
}
