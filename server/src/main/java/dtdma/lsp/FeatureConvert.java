package dtdma.lsp;

import dtdma.features.CodeLensFeature;
import dtdma.features.Place;
import dtdma.features.SemanticTokensFeature;
import dtdma.features.WorkspaceSymbolsFeature;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Conversions for semantic tokens, code lenses and workspace symbols (0-based lines, UTF-16 columns). */
final class FeatureConvert {
    private FeatureConvert() {
    }

    /** The legend: {@link SemanticTokensFeature.Type} in order, then its modifiers. */
    static SemanticTokensLegend legend() {
        List<String> types = new ArrayList<>();
        for (SemanticTokensFeature.Type t : SemanticTokensFeature.Type.values()) {
            types.add(t.lspName());
        }
        return new SemanticTokensLegend(types, SemanticTokensFeature.MODIFIERS);
    }

    /** The relative encoding of LSP: (delta line, delta start, length, type, modifiers) per token. */
    static SemanticTokens tokens(SourceFile f, List<SemanticTokensFeature.Token> tokens) {
        LineIndex li = f.lines();
        List<Integer> data = new ArrayList<>(tokens.size() * 5);
        int prevLine = 0;
        int prevCol = 0;
        for (SemanticTokensFeature.Token t : tokens) {
            LineIndex.Location s = li.location(t.start());
            LineIndex.Location e = li.location(t.end());
            int len = e.line0() == s.line0() ? e.column0() - s.column0() : t.end() - t.start();
            if (len <= 0) {
                continue;
            }
            data.add(s.line0() - prevLine);
            data.add(s.line0() == prevLine ? s.column0() - prevCol : s.column0());
            data.add(len);
            data.add(t.type().ordinal());
            data.add(t.modifiers());
            prevLine = s.line0();
            prevCol = s.column0();
        }
        return new SemanticTokens(data);
    }

    static CodeLens lens(SourceFile f, CodeLensFeature.Lens l) {
        List<Location> locs = new ArrayList<>();
        for (Place p : l.specifiers()) {
            locs.add(Convert.location(p));
        }
        Range r = Convert.range(f, l.span());
        Command c = new Command(l.title(), CodeLensFeature.COMMAND,
                List.of(Convert.uri(f.path()), r.getStart(), locs));
        return new CodeLens(r, c, null);
    }

    static WorkspaceSymbol symbol(WorkspaceSymbolsFeature.Symbol s) {
        Location loc = new Location(Convert.uri(s.file()), new Range(new Position(s.line0(), s.startColumn0()),
                new Position(s.line0(), s.endColumn0())));
        WorkspaceSymbol w = new WorkspaceSymbol(s.name(),
                s.kind() == WorkspaceSymbolsFeature.Kind.LABEL ? SymbolKind.Key : SymbolKind.Struct, Either.forLeft(loc));
        w.setContainerName(s.container());
        return w;
    }
}
