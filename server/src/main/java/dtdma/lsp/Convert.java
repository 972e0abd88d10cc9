package dtdma.lsp;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.features.FoldingFeature;
import dtdma.features.Place;
import dtdma.features.SymbolsFeature;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;

/** Conversions between the engine's spans and paths and LSP's positions and URIs (0-based, UTF-16). */
final class Convert {
    private Convert() {
    }

    /** The path of a {@code file:} URI, or null for anything else or a malformed URI. */
    static Path path(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI u = URI.create(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return null;
            }
            return Path.of(u).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException | SecurityException e) {
            return null;
        }
    }

    static String uri(Path p) {
        return p.toUri().toString();
    }

    static Position position(LineIndex li, int offset) {
        LineIndex.Location l = li.location(offset);
        return new Position(l.line0(), l.column0());
    }

    static Range range(SourceFile f, Span s) {
        LineIndex li = f.lines();
        return new Range(position(li, s.start()), position(li, s.end()));
    }

    static int offset(SourceFile f, Position p) {
        return f.lines().offset(p.getLine(), p.getCharacter());
    }

    static Location location(Place p) {
        return new Location(uri(p.file().path()), range(p.file(), p.span()));
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d, SourceRegistry reg) {
        SourceFile f = reg == null ? null : reg.get(d.span().fileId());
        Range r = f == null ? new Range(new Position(0, 0), new Position(0, 0)) : range(f, d.span());
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(r, d.message(), severity(d.severity()),
                "dtdma", d.code().id());
        List<DiagnosticRelatedInformation> rel = new ArrayList<>();
        for (Diagnostic.Related x : d.related()) {
            SourceFile rf = reg == null ? null : reg.get(x.span().fileId());
            if (rf != null) {
                rel.add(new DiagnosticRelatedInformation(new Location(uri(rf.path()), range(rf, x.span())), x.message()));
            }
        }
        if (!rel.isEmpty()) {
            out.setRelatedInformation(rel);
        }
        return out;
    }

    static DiagnosticSeverity severity(Severity s) {
        if (s == Severity.ERROR) {
            return DiagnosticSeverity.Error;
        } else if (s == Severity.WARNING) {
            return DiagnosticSeverity.Warning;
        } else if (s == Severity.INFO) {
            return DiagnosticSeverity.Information;
        }
        return DiagnosticSeverity.Hint;
    }

    static DocumentSymbol symbol(SourceFile f, SymbolsFeature.Symbol s) {
        SymbolKind k;
        if (s.kind() == SymbolsFeature.Kind.ROOT) {
            k = SymbolKind.Namespace;
        } else if (s.kind() == SymbolsFeature.Kind.REFERENCE) {
            k = SymbolKind.Object;
        } else if (s.kind() == SymbolsFeature.Kind.NODE) {
            k = SymbolKind.Struct;
        } else {
            k = SymbolKind.Property;
        }
        DocumentSymbol d = new DocumentSymbol(s.name(), k, range(f, s.range()), range(f, s.selection()));
        List<DocumentSymbol> children = new ArrayList<>();
        for (SymbolsFeature.Symbol c : s.children()) {
            children.add(symbol(f, c));
        }
        d.setChildren(children);
        return d;
    }

    static FoldingRange fold(FoldingFeature.Fold f) {
        FoldingRange r = new FoldingRange(f.startLine0(), f.endLine0());
        r.setKind(FoldingRangeKind.Region);
        return r;
    }
}
