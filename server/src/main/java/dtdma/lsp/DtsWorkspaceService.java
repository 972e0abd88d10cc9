package dtdma.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/*}: settings changes and files changed on disk. */
final class DtsWorkspaceService implements WorkspaceService {
    private final DtdmaLanguageServer server;

    DtsWorkspaceService(DtdmaLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.applySettings(params.getSettings());
        server.engine().refreshAll();
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        List<Path> files = new ArrayList<>();
        for (FileEvent e : params.getChanges()) {
            Path p = Convert.path(e.getUri());
            if (p != null) {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            return;
        }
        server.ws().filesChanged(files);
        for (Path p : files) {
            server.engine().changed(p);
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<
            List<? extends org.eclipse.lsp4j.SymbolInformation>, List<? extends org.eclipse.lsp4j.WorkspaceSymbol>>> symbol(
            org.eclipse.lsp4j.WorkspaceSymbolParams params) {
        return org.eclipse.lsp4j.jsonrpc.CompletableFutures.computeAsync(cc -> {
            List<org.eclipse.lsp4j.WorkspaceSymbol> out = new ArrayList<>();
            for (dtdma.features.WorkspaceSymbolsFeature.Symbol s : server.service().workspaceSymbols(params.getQuery(), 500,
                    () -> {
                        try {
                            cc.checkCanceled();
                            return false;
                        } catch (java.util.concurrent.CancellationException e) {
                            return true;
                        }
                    })) {
                out.add(FeatureConvert.symbol(s));
            }
            return org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(out);
        });
    }
}
