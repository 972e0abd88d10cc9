package dtdma.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import dtdma.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service tier: code lenses, workspace symbols, node references and semantic tokens on the shipped examples. */
class EditorFeaturesTest {
    final Workspace ws = FeaturesTest.workspace();

    @Test
    void sdmaLensCountsConsumersAndChannelsLikeReferences() {
        Analysis a = ws.analysis(FeaturesTest.BOARD, () -> false);
        SourceFile soc = a.file(FeaturesTest.SOC);
        List<CodeLensFeature.Lens> lenses = CodeLensFeature.lenses(a, soc);
        CodeLensFeature.Lens sdma1 = lenses.stream().filter(l -> l.controller().endsWith("dma-controller@30bd0000"))
                .findFirst().orElseThrow();
        assertEquals(3, sdma1.consumers(), sdma1.toString());
        assertTrue(sdma1.title().matches("3 consumers \u00b7 \\d+ of 31 channels"), sdma1.title());
        // only ecspi1 holds channels after boot: imx-uart requests at open, and never for the console
        assertEquals(2, sdma1.channels(), sdma1.title());
        // the references from the label list the same specifiers the lens carries
        List<Place> refs = ReferencesFeature.references(a, soc, FeaturesTest.at(soc, "sdma1: dma", 1), false);
        for (Place p : sdma1.specifiers()) {
            assertTrue(refs.stream().anyMatch(r -> r.span().equals(p.span())), p + " not in " + refs);
        }
    }

    @Test
    void lensOnlyWhereTheControllerIsWritten() {
        Analysis a = ws.analysis(FeaturesTest.BOARD, () -> false);
        assertTrue(CodeLensFeature.lenses(a, a.file(FeaturesTest.BOARD)).isEmpty());
    }

    @Test
    void workspaceSymbolsFindLabelsAndNodes() {
        WorkspaceSymbolsFeature f = new WorkspaceSymbolsFeature();
        List<WorkspaceSymbolsFeature.Symbol> s = f.search(ws, "sdma", 100, () -> false);
        assertTrue(s.stream().anyMatch(x -> x.name().equals("sdma1") && x.kind() == WorkspaceSymbolsFeature.Kind.LABEL
                && x.container().equals("dma-controller@30bd0000")), s.toString());
        List<WorkspaceSymbolsFeature.Symbol> n = f.search(ws, "serial@3086", 100, () -> false);
        assertEquals(1, n.size(), n.toString());
        assertEquals(WorkspaceSymbolsFeature.Kind.NODE, n.get(0).kind());
        assertTrue(f.search(ws, "", 3, () -> false).size() <= 3);
    }

    @Test
    void workspaceSymbolsFollowOpenEditAndClose() throws Exception {
        WorkspaceSymbolsFeature f = new WorkspaceSymbolsFeature();
        assertTrue(f.search(ws, "freshlabel", 10, () -> false).isEmpty());
        String text = java.nio.file.Files.readString(FeaturesTest.SOC);
        ws.open(FeaturesTest.SOC, 1, text + "\n/ {\n\tfreshlabel: fresh-node { };\n};\n");
        assertEquals(1, f.search(ws, "freshlabel", 10, () -> false).size(), "the edited buffer's symbols");
        ws.close(FeaturesTest.SOC);
        assertTrue(f.search(ws, "freshlabel", 10, () -> false).isEmpty(), "closed: the disk text again");
    }

    @Test
    void nodeReferencesFromTheNodeName() {
        Analysis a = ws.analysis(FeaturesTest.BOARD, () -> false);
        SourceFile soc = a.file(FeaturesTest.SOC);
        List<Place> refs = NodeReferencesFeature.references(a, soc, FeaturesTest.at(soc, "serial@30890000", 2), true);
        assertNotNull(refs);
        // the declaration, its label, &uart2 in the board (stdout-path and the override block)
        assertTrue(refs.stream().filter(p -> p.file().path().endsWith("demo-board.dts")).count() >= 2, refs.toString());
        assertTrue(refs.stream().anyMatch(p -> p.file().text().substring(p.span().start(), p.span().end())
                .equals("serial@30890000")));
        assertNull(NodeReferencesFeature.references(a, soc, FeaturesTest.at(soc, "reg =", 1), true));
    }

    @Test
    void semanticTokensClassifyTheSource() {
        Analysis a = ws.analysis(FeaturesTest.BOARD, () -> false);
        SourceFile f = a.file(FeaturesTest.BOARD);
        List<SemanticTokensFeature.Token> t = SemanticTokensFeature.tokens(a, f);
        assertEquals(SemanticTokensFeature.Type.KEYWORD, typeAt(f, t, "/dts-v1/"));
        assertEquals(SemanticTokensFeature.Type.KEYWORD, typeAt(f, t, "/delete-node/"));
        assertEquals(SemanticTokensFeature.Type.COMMENT, typeAt(f, t, "A board on"));
        assertEquals(SemanticTokensFeature.Type.PROPERTY, typeAt(f, t, "stdout-path"));
        assertEquals(SemanticTokensFeature.Type.NODE, typeAt(f, t, "memory@40000000"));
        assertEquals(SemanticTokensFeature.Type.STRING, typeAt(f, t, "\"dtdma demo board\""));
        assertEquals(SemanticTokensFeature.Type.LABEL, typeAt(f, t, "&uart2;"));
        assertEquals(SemanticTokensFeature.Type.NUMBER, typeAt(f, t, "0x40000000 0"));
        assertEquals(SemanticTokensFeature.Type.MACRO, typeAt(f, t, "BOARD_UART_RX_EVENT SDMA"));
        SemanticTokensFeature.Token def = at(f, t, "BOARD_UART_RX_EVENT\t26");
        assertEquals(SemanticTokensFeature.Type.MACRO, def.type());
        assertEquals(SemanticTokensFeature.DECLARATION, def.modifiers());
        for (int i = 1; i < t.size(); i++) {
            assertTrue(t.get(i - 1).end() <= t.get(i).start(), "overlap at " + t.get(i));
            assertTrue(f.text().substring(t.get(i).start(), t.get(i).end()).indexOf('\n') < 0);
        }
    }

    static SemanticTokensFeature.Type typeAt(SourceFile f, List<SemanticTokensFeature.Token> t, String marker) {
        return at(f, t, marker).type();
    }

    static SemanticTokensFeature.Token at(SourceFile f, List<SemanticTokensFeature.Token> t, String marker) {
        int o = FeaturesTest.at(f, marker, 0);
        return t.stream().filter(x -> x.start() <= o && o < x.end()).findFirst()
                .orElseThrow(() -> new AssertionError("no token at " + marker));
    }
}
