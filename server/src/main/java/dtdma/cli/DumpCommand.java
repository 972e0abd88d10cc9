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
                kept, references written as &label, phandles as dtc assigns them. As with dtc, the exit status
                is 0 whenever the tree builds: it is 1 only for errors that make dtc (or cpp) reject the
                source (syntax, preprocessor and merged-tree codes DTS, PP, TR), which go to stderr. DMA and
                other lint findings never change the exit status or the output; use dtdma check for them.

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
        List<Diagnostic> build = r.diagnostics().stream().filter(d -> buildsTree(d.code())).toList();
        Reporter.of("text", boards.sources()).report(List.of(new BoardResult(r.file(), r.tree(), build)),
                Severity.WARNING, err);
        out.print(DtsWriter.write(r.tree()));
        return build.stream().anyMatch(d -> d.severity() == Severity.ERROR) ? 1 : 0;
    }

    /** The codes that say whether dtc (after cpp) builds the tree: syntax, preprocessor, merged tree. */
    static boolean buildsTree(dtdma.check.Code c) {
        String id = c.id();
        return id.startsWith("DTS") || id.startsWith("PP") || id.startsWith("TR");
    }
}
