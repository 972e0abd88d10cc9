package dtdma.lsp;

import dtdma.features.CodeActionFeature;
import dtdma.features.CompletionFeature;
import dtdma.features.DocumentLinkFeature;
import dtdma.features.FoldingFeature;
import dtdma.features.FormattingFeature;
import dtdma.features.LanguageService;
import dtdma.features.InlayHintsFeature;
import dtdma.features.Place;
import dtdma.features.RenameFeature;
import dtdma.features.SymbolsFeature;
import dtdma.text.Cancel;
import dtdma.workspace.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * {@code textDocument/*}: each handler turns LSP parameters into one call of the {@link LanguageService} and
 * converts its plain result; {@code $/cancelRequest} cancels the call's work (the analysis and the feature poll
 * the request's cancel signal). A request on a file the server knows nothing about answers null or an
 * empty list; no handler throws.
 */
final class DtsTextDocumentService implements TextDocumentService {
    private static final Logger LOG = Logger.getLogger(DtsTextDocumentService.class.getName());

    private final DtdmaLanguageServer server;
    /**
     * A fixed number of request threads (a storm of requests and cancellations queues instead of starting a
     * thread each); a request cancelled while queued is answered without running.
     */
    static final int REQUEST_THREADS = 4;
    private final java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(
            REQUEST_THREADS, r -> {
                Thread t = new Thread(null, r, "dtdma-request", 64L << 20); // the pipeline may run here and recurses
                t.setDaemon(true);
                return t;
            });

    DtsTextDocumentService(DtdmaLanguageServer server) {
        this.server = server;
    }

    /** The language service's call for one request, with the request's query. */
    private interface Compute<T> {
        T apply(LanguageService.Query q);
    }

    private LanguageService service() {
        return server.service();
    }

    /** The query of a request: the document, a position, the settings in force, the request's cancel signal. */
    private <T> CompletableFuture<T> compute(String uri, org.eclipse.lsp4j.Position at, T empty, Compute<T> f) {
        return CompletableFutures.computeAsync(requests, (CancelChecker cc) -> {
            cc.checkCanceled();
            Path p = Convert.path(uri);
            if (p == null) {
                return empty;
            }
            // $/cancelRequest cancels the work: the analysis and the feature poll this signal
            Cancel cancel = cancelOf(cc);
            try {
                LanguageService.Query q = new LanguageService.Query(p, at == null ? 0 : at.getLine(),
                        at == null ? 0 : at.getCharacter(), server.ws().settings(), cancel);
                T r = f.apply(q);
                return r == null ? empty : r;
            } catch (CancellationException | org.eclipse.lsp4j.jsonrpc.ResponseErrorException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "request on " + uri + " failed", e);
                return empty;
            }
        });
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        Path p = Convert.path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        server.rememberUri(p, params.getTextDocument().getUri());
        server.ws().open(p, params.getTextDocument().getVersion(), params.getTextDocument().getText());
        server.engine().changed(p);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Path p = Convert.path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        List<Document.Change> changes = new ArrayList<>();
        for (TextDocumentContentChangeEvent e : params.getContentChanges()) {
            var r = e.getRange();
            changes.add(new Document.Change(r == null ? null : new Document.Range(r.getStart().getLine(),
                    r.getStart().getCharacter(), r.getEnd().getLine(), r.getEnd().getCharacter()), e.getText()));
        }
        Integer v = params.getTextDocument().getVersion();
        if (server.ws().change(p, v == null ? 0 : v, changes) != null) {
            server.engine().changed(p);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Path p = Convert.path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        server.ws().close(p);
        server.engine().changed(p);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the buffer is already current; the disk copy matters only once the file is closed
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return compute(params.getTextDocument().getUri(), params.getPosition(), null, q -> {
            LanguageService.Answer<LanguageService.Hover> r = service().hover(q);
            if (r == null) {
                return null;
            }
            Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, r.value().markdown()));
            if (r.value().range() != null) {
                h.setRange(Convert.range(r.file(), r.value().range()));
            }
            return h;
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return compute(params.getTextDocument().getUri(), params.getPosition(), Either.forLeft(List.of()), q -> {
            LanguageService.Answer<List<Place>> r = service().definition(q);
            return r == null ? null : Either.forLeft(locations(r.value()));
        });
    }

    private static List<Location> locations(List<Place> places) {
        List<Location> out = new ArrayList<>();
        for (Place p : places) {
            out.add(Convert.location(p));
        }
        return out;
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() != null && params.getContext().isIncludeDeclaration();
        return compute(params.getTextDocument().getUri(), params.getPosition(), List.of(), q -> {
            LanguageService.Answer<List<Place>> r = service().references(q, decl);
            return r == null ? null : locations(r.value());
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return compute(params.getTextDocument().getUri(), null, List.of(), q -> {
            var r = service().documentSymbols(q);
            if (r == null) {
                return null;
            }
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            for (SymbolsFeature.Symbol s : r.value()) {
                out.add(Either.forRight(Convert.symbol(r.file(), s)));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return compute(params.getTextDocument().getUri(), null, List.of(), q -> {
            var r = service().folds(q);
            if (r == null) {
                return null;
            }
            List<FoldingRange> out = new ArrayList<>();
            for (FoldingFeature.Fold fold : r.value()) {
                out.add(Convert.fold(fold));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        var range = params.getRange();
        return compute(params.getTextDocument().getUri(), range == null ? null : range.getStart(), List.of(), q -> {
            LanguageService.Query to = range == null ? null
                    : new LanguageService.Query(q.file(), range.getEnd().getLine(), range.getEnd().getCharacter(),
                            q.settings(), q.cancel());
            var r = service().inlayHints(q, to);
            if (r == null) {
                return null;
            }
            List<InlayHint> out = new ArrayList<>();
            for (InlayHintsFeature.Hint h : r.value()) {
                InlayHint ih = new InlayHint(Convert.position(r.file().lines(), h.offset()), Either.forLeft(h.label()));
                ih.setKind(InlayHintKind.Parameter);
                ih.setPaddingLeft(true);
                ih.setTooltip(new MarkupContent(MarkupKind.MARKDOWN, h.tooltip()));
                out.add(ih);
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- editing: completion, signatures, links,
    // rename, quick fixes (EditConvert holds their conversions)

    @Override
    public CompletableFuture<Either<List<org.eclipse.lsp4j.CompletionItem>, org.eclipse.lsp4j.CompletionList>> completion(
            org.eclipse.lsp4j.CompletionParams params) {
        String trigger = params.getContext() == null ? null : params.getContext().getTriggerCharacter();
        return compute(params.getTextDocument().getUri(), params.getPosition(),
                Either.forRight(new org.eclipse.lsp4j.CompletionList()), q -> {
                    LanguageService.Answer<LanguageService.Completion> r = service().completion(q, trigger);
                    if (r == null) {
                        return null;
                    }
                    List<org.eclipse.lsp4j.CompletionItem> items = new ArrayList<>();
                    for (CompletionFeature.Item i : r.value().items()) {
                        items.add(EditConvert.completion(r.file(), r.value().result(), i));
                    }
                    return Either.forRight(new org.eclipse.lsp4j.CompletionList(r.value().incomplete(), items));
                });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SignatureHelp> signatureHelp(org.eclipse.lsp4j.SignatureHelpParams params) {
        return compute(params.getTextDocument().getUri(), params.getPosition(), null, q -> {
            var r = service().signatureHelp(q);
            return r == null ? null : EditConvert.signature(r.value());
        });
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.DocumentLink>> documentLink(org.eclipse.lsp4j.DocumentLinkParams params) {
        return compute(params.getTextDocument().getUri(), null, List.of(), q -> {
            var r = service().links(q);
            if (r == null) {
                return null;
            }
            List<org.eclipse.lsp4j.DocumentLink> out = new ArrayList<>();
            for (DocumentLinkFeature.Link l : r.value()) {
                out.add(EditConvert.link(r.file(), l));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range,
            org.eclipse.lsp4j.PrepareRenameResult, org.eclipse.lsp4j.PrepareRenameDefaultBehavior>> prepareRename(
            org.eclipse.lsp4j.PrepareRenameParams params) {
        return compute(params.getTextDocument().getUri(), params.getPosition(), null, q -> {
            var r = service().prepareRename(q);
            return r == null ? null
                    : org.eclipse.lsp4j.jsonrpc.messages.Either3.forSecond(new org.eclipse.lsp4j.PrepareRenameResult(
                            Convert.range(r.file(), r.value().span()), r.value().label()));
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams params) {
        return compute(params.getTextDocument().getUri(), params.getPosition(), null, q -> {
            try {
                var r = service().rename(q, params.getNewName());
                return r == null ? null : EditConvert.edit(r.value(), server::uriOf);
            } catch (RenameFeature.RenameException e) {
                throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                        org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidParams, e.getMessage(), null));
            }
        });
    }

    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>> codeAction(
            org.eclipse.lsp4j.CodeActionParams params) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (only != null && only.stream().noneMatch(k -> org.eclipse.lsp4j.CodeActionKind.QuickFix.startsWith(k))) {
            return CompletableFuture.completedFuture(List.of()); // only quick fixes are offered
        }
        var range = params.getRange();
        return compute(params.getTextDocument().getUri(), range.getStart(), List.of(), q -> {
            var r = service().codeActions(q, new LanguageService.Query(q.file(), range.getEnd().getLine(),
                    range.getEnd().getCharacter(), q.settings(), q.cancel()), server.formatSettings().style());
            if (r == null) {
                return null;
            }
            List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> out = new ArrayList<>();
            for (CodeActionFeature.Action x : r.value()) {
                out.add(Either.forRight(EditConvert.action(x, r.analysis().sources(), server::uriOf)));
            }
            return out;
        });
    }

    /** Declaration is definition in devicetree: a label's {@code label:}, a macro's {@code #define}. */
    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> declaration(
            org.eclipse.lsp4j.DeclarationParams params) {
        return definition(new DefinitionParams(params.getTextDocument(), params.getPosition()));
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(
            org.eclipse.lsp4j.SemanticTokensParams params) {
        return compute(params.getTextDocument().getUri(), null, new org.eclipse.lsp4j.SemanticTokens(List.of()), q -> {
            var r = service().semanticTokens(q);
            return r == null ? null : FeatureConvert.tokens(r.file(), r.value());
        });
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(
            org.eclipse.lsp4j.CodeLensParams params) {
        return compute(params.getTextDocument().getUri(), null, List.of(), q -> {
            var r = service().codeLenses(q);
            if (r == null) {
                return null;
            }
            List<org.eclipse.lsp4j.CodeLens> out = new ArrayList<>();
            for (dtdma.features.CodeLensFeature.Lens l : r.value()) {
                out.add(FeatureConvert.lens(r.file(), l));
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- formatting: the open buffer's text, with the
    // entry sizes of arrays from its context's analysis when that analysis read this very text (FormattingFeature)

    /** Formatting of one buffer: its text, the options and the entry sizes from the merged tree. */
    private interface FormatRequest {
        List<FormattingFeature.Edit> apply(String text, dtdma.format.FormatOptions o, dtdma.format.EntryHints hints,
                Cancel cancel);
    }

    private CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatWith(String uri,
            org.eclipse.lsp4j.FormattingOptions options, FormatRequest f) {
        return CompletableFutures.computeAsync(requests, cc -> {
            Path p = Convert.path(uri);
            dtdma.workspace.Document doc = p == null ? null : server.ws().document(p);
            if (doc == null || !server.formatSettings().enable()) {
                return List.of();
            }
            try {
                dtdma.format.FormatOptions o = server.formatSettings().options(
                        options == null ? null : options.isInsertSpaces(), options == null ? null : options.getTabSize());
                String text = doc.text();
                dtdma.format.EntryHints hints = dtdma.format.EntryHints.NONE;
                Cancel cancel = cancelOf(cc);
                try {
                    hints = dtdma.workspace.FormatHints.entries(server.ws().analysisFor(p, cancel), p, text, cancel);
                } catch (RuntimeException | StackOverflowError e) {
                    if (e instanceof CancellationException c) {
                        throw c;
                    }
                    LOG.log(Level.FINE, "no analysis for formatting " + uri, e);
                }
                List<org.eclipse.lsp4j.TextEdit> out = new ArrayList<>();
                for (FormattingFeature.Edit e : f.apply(text, o, hints, cancel)) {
                    out.add(new org.eclipse.lsp4j.TextEdit(new org.eclipse.lsp4j.Range(
                            new org.eclipse.lsp4j.Position(e.startLine0(), e.startColumn0()),
                            new org.eclipse.lsp4j.Position(e.endLine0(), e.endColumn0())), e.newText()));
                }
                return out;
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "formatting " + uri + " failed", e);
                return List.of();
            }
        });
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatting(
            org.eclipse.lsp4j.DocumentFormattingParams params) {
        return formatWith(params.getTextDocument().getUri(), params.getOptions(), FormattingFeature::format);
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> rangeFormatting(
            org.eclipse.lsp4j.DocumentRangeFormattingParams params) {
        org.eclipse.lsp4j.Range r = params.getRange();
        return formatWith(params.getTextDocument().getUri(), params.getOptions(),
                (text, o, h, c) -> FormattingFeature.formatRange(text, o, h, r.getStart().getLine(), r.getEnd().getLine(), c));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> onTypeFormatting(
            org.eclipse.lsp4j.DocumentOnTypeFormattingParams params) {
        org.eclipse.lsp4j.Position at = params.getPosition();
        return formatWith(params.getTextDocument().getUri(), params.getOptions(), (text, o, h, c) -> {
            dtdma.text.LineIndex li = new dtdma.text.LineIndex(text);
            int line = Math.min(at.getLine(), li.lineCount() - 1);
            int offset = Math.min(text.length(), li.lineStart(line) + at.getCharacter());
            return FormattingFeature.onType(text, o, h, Math.max(0, offset - 1), c);
        });
    }

    /** The request's {@code $/cancelRequest} as the {@link Cancel} the work polls. */
    private static Cancel cancelOf(org.eclipse.lsp4j.jsonrpc.CancelChecker cc) {
        return () -> {
            try {
                cc.checkCanceled();
                return false;
            } catch (CancellationException e) {
                return true;
            }
        };
    }
}
