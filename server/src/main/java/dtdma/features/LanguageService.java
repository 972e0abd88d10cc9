package dtdma.features;

import dtdma.text.Cancel;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import dtdma.workspace.Settings;
import dtdma.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The language service: the one object the protocol adapter talks to. Each call takes the document, the
 * position (0-based line and UTF-16 column), the settings and a {@link Cancel}, finds the analysis of the
 * document's active context, runs the feature and returns plain results; the product decisions (what a hover
 * shows and in which order, which references a position means, which completions a trigger character offers)
 * are made here, so the adapter only converts. Every call checks {@code cancel} before the analysis, inside it
 * (the whole pipeline polls it), and before answering, and every feature polls it in its loops (per node, item,
 * reference or proposal). A request on a file the service knows nothing about answers null or an empty list.
 *
 * <p>Hover, definition, completion, signature help and prepare-rename do not wait for the analysis of text typed
 * since the last one finished: they are answered from that last analysis, the position mapped back through the
 * edits since and every range of the answer mapped forward (see {@link Workspace#view}); when that cannot be done
 * they wait. References and rename wait for the analysis of the current text (their answers must include what
 * was typed since), as do the requests about a whole document.
 */
public final class LanguageService {
    private final Workspace ws;
    private final WorkspaceSymbolsFeature workspaceSymbols = new WorkspaceSymbolsFeature();

    public LanguageService(Workspace ws) {
        this.ws = ws;
    }

    public Workspace workspace() {
        return ws;
    }

    /** A request: the document, a position in it, the settings in force and the cancel signal. */
    public record Query(Path file, int line, int character, Settings settings, Cancel cancel) {
        public Query {
            cancel = cancel == null ? Cancel.NONE : cancel;
        }

        /** A request about a whole document (no position). */
        public static Query of(Path file, Settings settings, Cancel cancel) {
            return new Query(file, 0, 0, settings, cancel);
        }
    }

    /** The analysed text of the document (for converting spans) with a feature's result. */
    public record Answer<T>(Analysis analysis, SourceFile file, T value) {
    }

    /** The analysis and the document's analysed text, or null when the file is not part of its context. */
    private Answer<Integer> at(Query q) {
        q.cancel().check();
        if (q.file() == null) {
            return null;
        }
        Analysis a = ws.analysisFor(q.file(), q.cancel());
        SourceFile f = a.file(q.file());
        if (f == null) {
            return null;
        }
        q.cancel().check();
        return new Answer<>(a, f, f.lines().offset(q.line(), q.character()));
    }

    // ---------------------------------------------------------------- position requests during typing

    /**
     * Where a position request is answered: the analysis, the analysed text of the document and the offset in
     * it, the document's current text and the offset in that, and the edits between the two (null when the
     * analysis read the current text).
     */
    private record Pos(Workspace.View view, SourceFile analysed, int offset, SourceFile current, int currentOffset,
            dtdma.workspace.EditMap edits) {
        Analysis analysis() {
            return view.analysis();
        }

        /** A span of this document in the analysis, moved to the current text. */
        Span forward(Span s) {
            if (edits == null) {
                return s;
            }
            Span m = edits.toCurrent(s);
            if (m == null) {
                throw new Unmapped();
            }
            return m;
        }

        /** A place (in any file of the analysis) moved to the current text of its file. */
        Place forward(Place p) {
            dtdma.workspace.EditMap m = p.file() == null ? null : view.edits(p.file().path());
            if (m == null) {
                return p;
            }
            Span s = m.toCurrent(p.span());
            if (s == null) {
                throw new Unmapped();
            }
            return new Place(m.current(), s);
        }
    }

    /** An answer from an older analysis that cannot be carried to the current text: wait for the current one. */
    private static final class Unmapped extends RuntimeException {
        Unmapped() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs a position request. While the analysis of the current text is not ready, it is answered from the
     * newest finished analysis of the file's active context: the position is mapped back through the edits since
     * (with {@code nearest}, a position in text typed since maps to where the typing began, for completion and
     * signature help, which read the current text themselves) and every range of the answer forward; when that
     * is not possible (the position or a range lies in text changed since, or the workspace cannot map it), the
     * request waits for the analysis of the current text.
     */
    private <T> Answer<T> positional(Query q, boolean nearest, java.util.function.Function<Pos, Answer<T>> f) {
        q.cancel().check();
        if (q.file() == null) {
            return null;
        }
        Workspace.View v = ws.view(q.file(), q.cancel());
        if (v.stale()) {
            Pos p = pos(v, q, nearest);
            if (p != null) {
                try {
                    return f.apply(p);
                } catch (Unmapped e) {
                    // fall through: the answer needs the current text's analysis
                }
            }
            v = ws.currentView(q.file(), q.cancel());
        }
        Pos p = pos(v, q, nearest);
        return p == null ? null : f.apply(p);
    }

    private static Pos pos(Workspace.View v, Query q, boolean nearest) {
        SourceFile f = v.analysis().file(q.file());
        if (f == null) {
            return null;
        }
        q.cancel().check();
        dtdma.workspace.EditMap m = v.edits(q.file());
        if (m == null) {
            int off = f.lines().offset(q.line(), q.character());
            return new Pos(v, f, off, f, off, null);
        }
        int cur = m.current().lines().offset(q.line(), q.character());
        int old = nearest ? m.toAnalysedNearest(cur) : m.toAnalysed(cur);
        return old < 0 ? null : new Pos(v, f, old, m.current(), cur, m);
    }

    private static <T> Answer<T> answer(Pos p, T value, Cancel cancel) {
        cancel.check(); // a request cancelled while the feature ran is not answered
        return value == null ? null : new Answer<>(p.analysis(), p.current(), value);
    }

    private <T> Answer<T> answer(Answer<Integer> at, T value, Cancel cancel) {
        cancel.check(); // a request cancelled while the feature ran is not answered
        return value == null ? null : new Answer<>(at.analysis(), at.file(), value);
    }

    // ---------------------------------------------------------------- hover

    /** A merged hover: Markdown and the range of the document it describes (null when none). */
    public record Hover(String markdown, Span range) {
    }

    /**
     * The hover at a position: the board the file was analysed in, the device-link summary when there is one,
     * the feature's text, then the device-link section; the range only when it lies in this document.
     */
    public Answer<Hover> hover(Query q) {
        return positional(q, false, p -> hover(q, p));
    }

    private Answer<Hover> hover(Query q, Pos p) {
        Analysis a = p.analysis();
        SourceFile f = p.analysed();
        int offset = p.offset();
        HoverFeature.Result r = HoverFeature.hover(a, f, offset, q.cancel());
        if (r == null) {
            return null;
        }
        q.cancel().check();
        String dl = DevlinkHoverFeature.markdown(a, f, offset, q.cancel());
        String pm = dl == null ? null : DevlinkHoverFeature.summary(a, f, offset, q.cancel());
        String md = boardLine(a) + (pm == null ? "" : pm + "\n\n") + r.markdown() + (dl == null ? "" : "\n\n---\n\n" + dl);
        for (Map.Entry<Path, dtdma.workspace.EditMap> e : p.view().edits().entrySet()) {
            if (!e.getValue().linesKept() && md.contains(e.getKey().getFileName() + ":")) {
                throw new Unmapped(); // it quotes a line number of a file whose lines moved since
            }
        }
        Span range = r.span() != null && r.span().fileId() == f.id() ? p.forward(r.span()) : null;
        return answer(p, new Hover(md, range), q.cancel());
    }

    /** The first line of every hover: the board the file was analysed in. */
    public static String boardLine(Analysis a) {
        String name = a.root().getFileName().toString();
        return Boards.isBoard(a.root()) ? "Board: `" + name + "`\n\n"
                : "Board: none (`" + name + "` analysed alone: no board includes it)\n\n";
    }

    // ---------------------------------------------------------------- navigation

    public Answer<List<Place>> definition(Query q) {
        return positional(q, false, p -> {
            List<Place> found = DefinitionFeature.definition(p.analysis(), p.analysed(), p.offset(), q.cancel());
            if (found == null) {
                return null;
            }
            List<Place> out = new ArrayList<>();
            for (Place x : found) {
                out.add(p.forward(x));
            }
            return answer(p, out, q.cancel());
        });
    }

    /**
     * References at a position: on a node name or path reference, the node's references; otherwise (a label,
     * a {@code &label}) the label's references, with the {@code dmas} specifiers that point at a DMA controller.
     */
    public Answer<List<Place>> references(Query q, boolean includeDeclaration) {
        Answer<Integer> at = at(q);
        if (at == null) {
            return null;
        }
        List<Place> node = NodeReferencesFeature.references(at.analysis(), at.file(), at.value(), includeDeclaration,
                q.cancel());
        List<Place> out = node != null ? node
                : ReferencesFeature.references(at.analysis(), at.file(), at.value(), includeDeclaration, q.cancel());
        return answer(at, out, q.cancel());
    }

    public Answer<List<SymbolsFeature.Symbol>> documentSymbols(Query q) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, SymbolsFeature.symbols(at.analysis(), at.file(), q.cancel()), q.cancel());
    }

    public Answer<List<FoldingFeature.Fold>> folds(Query q) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, FoldingFeature.folds(at.analysis(), at.file(), q.cancel()), q.cancel());
    }

    /** Inlay hints between two positions of the document (the whole document when {@code to} is null). */
    public Answer<List<InlayHintsFeature.Hint>> inlayHints(Query from, Query to) {
        Answer<Integer> at = at(from);
        if (at == null) {
            return null;
        }
        int end = to == null ? at.file().text().length() : at.file().lines().offset(to.line(), to.character());
        return answer(at, InlayHintsFeature.hints(at.analysis(), at.file(), at.value(), end, from.cancel()), from.cancel());
    }

    public Answer<List<SemanticTokensFeature.Token>> semanticTokens(Query q) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, SemanticTokensFeature.tokens(at.analysis(), at.file(), q.cancel()), q.cancel());
    }

    public Answer<List<CodeLensFeature.Lens>> codeLenses(Query q) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, CodeLensFeature.lenses(at.analysis(), at.file(), q.cancel()), q.cancel());
    }

    public Answer<List<DocumentLinkFeature.Link>> links(Query q) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, DocumentLinkFeature.links(at.analysis(), at.file(), q.cancel()), q.cancel());
    }

    /** Workspace symbols whose name contains the query (at most {@code limit}). */
    public List<WorkspaceSymbolsFeature.Symbol> workspaceSymbols(String query, int limit, Cancel cancel) {
        Cancel c = cancel == null ? Cancel.NONE : cancel;
        List<WorkspaceSymbolsFeature.Symbol> out = workspaceSymbols.search(ws, query, limit, c::isCancelled);
        c.check();
        return out;
    }

    // ---------------------------------------------------------------- editing

    /**
     * Completion at a position. A space typed as the trigger character offers only specifier cells (events,
     * peripheral types, priorities: a space starts the next cell); every other trigger offers everything.
     *
     * @param incomplete set when macro names are offered (the list is cut and narrows as the user types)
     */
    public record Completion(CompletionFeature.Result result, List<CompletionFeature.Item> items, boolean incomplete) {
    }

    public Answer<Completion> completion(Query q, String triggerCharacter) {
        return positional(q, true, p -> completion(q, p, triggerCharacter));
    }

    /** The typed prefix and the range replaced come from the current text; the analysis gives the context. */
    private Answer<Completion> completion(Query q, Pos p, String triggerCharacter) {
        CompletionFeature.Result r = CompletionFeature.complete(p.analysis(), p.current(), p.currentOffset(),
                p.offset(), ws.includeDirsOf(p.current().path()), q.cancel());
        List<CompletionFeature.Item> items = new ArrayList<>();
        boolean macros = false;
        for (CompletionFeature.Item i : r.items()) {
            boolean cell = i.kind() == CompletionFeature.Kind.EVENT || i.kind() == CompletionFeature.Kind.TYPE
                    || i.kind() == CompletionFeature.Kind.PRIORITY;
            if (" ".equals(triggerCharacter) && !cell) {
                continue;
            }
            macros |= i.kind() == CompletionFeature.Kind.MACRO;
            items.add(i);
        }
        return answer(p, new Completion(r, items, macros), q.cancel());
    }

    /** Reads the current text; the analysis gives only the controllers' cells. */
    public Answer<SignatureHelpFeature.Signature> signatureHelp(Query q) {
        return positional(q, true, p -> answer(p, SignatureHelpFeature.help(p.analysis(), p.current(),
                p.currentOffset(), q.cancel()), q.cancel()));
    }

    /** What a rename at a position would rename, when it lies in this document; else null. */
    public Answer<RenameFeature.Target> prepareRename(Query q) {
        return positional(q, false, p -> {
            RenameFeature.Target t = RenameFeature.prepare(p.analysis(), p.analysed(), p.offset(), q.cancel());
            return answer(p, t == null || t.span().fileId() != p.analysed().id() ? null
                    : new RenameFeature.Target(t.label(), p.forward(t.span())), q.cancel());
        });
    }

    /** @throws RenameFeature.RenameException when the new name is not valid there */
    public Answer<Map<SourceFile, List<TextEdit>>> rename(Query q, String newName) {
        Answer<Integer> at = at(q);
        return at == null ? null : answer(at, RenameFeature.rename(at.analysis(), at.file(), at.value(), newName, q.cancel()), q.cancel());
    }

    /**
     * Quick fixes for the range between two positions: the checks' fixes, then (with {@code style}, the
     * {@code dtdma.style} setting) the kernel-style fixes.
     */
    public Answer<List<CodeActionFeature.Action>> codeActions(Query from, Query to, boolean style) {
        Answer<Integer> at = at(from);
        if (at == null) {
            return null;
        }
        int end = at.file().lines().offset(to.line(), to.character());
        List<CodeActionFeature.Action> out = new ArrayList<>(
                CodeActionFeature.actions(at.analysis(), at.file(), at.value(), end, from.cancel()));
        if (style) {
            out.addAll(StyleActions.actions(at.file(), dtdma.workspace.FormatHints.labelOrder(at.analysis()), at.value(),
                    end, from.cancel()));
        }
        return answer(at, out, from.cancel());
    }
}
