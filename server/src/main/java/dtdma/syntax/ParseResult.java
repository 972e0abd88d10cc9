package dtdma.syntax;

import dtdma.check.Diagnostic;
import java.util.List;

/** The top-level items of a preprocessed board (in source order, includes spliced in) and syntax diagnostics. */
public record ParseResult(List<Ast.TopItem> items, List<Diagnostic> diagnostics) {
    public ParseResult {
        items = List.copyOf(items);
        diagnostics = List.copyOf(diagnostics);
    }
}
