package dtdma.preprocess;

import dtdma.check.Diagnostic;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.List;

/**
 * The preprocessed form of one file as included at one point: its own output text pieces interleaved
 * with the units of the files it includes. Units are immutable and may be shared between boards (the
 * preprocessor cache returns the same unit for the same file content and macro environment), so a later
 * stage may memoise work per unit in {@link #memo()}.
 */
public final class PpUnit {
    /** A piece of a unit's output. */
    public sealed interface Piece permits Text, Include {
    }

    /** Output text produced by this unit's own file, with its map. */
    public record Text(String text, SourceMap map) implements Piece {
    }

    /**
     * An included file at this point. {@code raw} is true for dtc's {@code /include/}, whose file is not
     * run through the C preprocessor. {@code unit} is null when the include failed (see diagnostics).
     */
    public record Include(Span directive, String spelled, PpUnit unit, boolean raw) implements Piece {
    }

    private final SourceFile file;
    private final List<Piece> pieces;
    private final List<Diagnostic> diagnostics;
    private final Object memo = new Object[1];

    public PpUnit(SourceFile file, List<Piece> pieces, List<Diagnostic> diagnostics) {
        this.file = file;
        this.pieces = List.copyOf(pieces);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public SourceFile file() {
        return file;
    }

    public List<Piece> pieces() {
        return pieces;
    }

    /** Diagnostics raised while preprocessing this unit's own file (not its includes). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** A one-slot holder for later stages to cache per-unit work (e.g. the parsed AST). */
    public Object[] memo() {
        return (Object[]) memo;
    }

    /** All diagnostics of this unit and, recursively, its includes (each unit once). */
    public void collectDiagnostics(List<Diagnostic> out) {
        collect(this, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static void collect(PpUnit u, List<Diagnostic> out, java.util.Set<PpUnit> seen) {
        if (!seen.add(u)) {
            return;
        }
        out.addAll(u.diagnostics);
        for (Piece p : u.pieces) {
            if (p instanceof Include inc && inc.unit() != null) {
                collect(inc.unit(), out, seen);
            }
        }
    }
}
