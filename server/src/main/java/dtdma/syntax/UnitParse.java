package dtdma.syntax;

import dtdma.check.Diagnostic;
import java.util.List;

/**
 * The memoised parse of one preprocessor unit on its own, as a sequence of top-level items.
 *
 * @param items the unit's top-level items (includes spliced in)
 * @param diagnostics syntax diagnostics found in the unit and its includes
 * @param clean true when the unit parsed as whole top-level items without syntax errors, so its items can
 *        be reused wherever the unit is included at a statement boundary
 * @param hasTokens whether the unit produced any token (an empty unit leaves the lexer mode alone)
 */
record UnitParse(List<Ast.TopItem> items, List<Diagnostic> diagnostics, boolean clean, boolean hasTokens) {
}
