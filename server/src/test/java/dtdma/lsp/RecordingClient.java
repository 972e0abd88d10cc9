package dtdma.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that records what the server sends; tests wait on futures, never on sleeps. */
class RecordingClient implements LanguageClient {
    final List<PublishDiagnosticsParams> diagnostics = new ArrayList<>();
    final List<MessageParams> logs = new ArrayList<>();
    final List<ProgressParams> progress = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Predicate<PublishDiagnosticsParams> match, CompletableFuture<PublishDiagnosticsParams> f) {
    }

    /** Completes with the first publication (already received or future) that matches. */
    synchronized CompletableFuture<PublishDiagnosticsParams> await(Predicate<PublishDiagnosticsParams> match) {
        CompletableFuture<PublishDiagnosticsParams> f = new CompletableFuture<>();
        for (PublishDiagnosticsParams p : diagnostics) {
            if (match.test(p)) {
                f.complete(p);
                return f;
            }
        }
        waiters.add(new Waiter(match, f));
        return f;
    }

    synchronized List<PublishDiagnosticsParams> publishedFor(String uri) {
        return diagnostics.stream().filter(p -> p.getUri().equals(uri)).toList();
    }

    synchronized PublishDiagnosticsParams last(String uri) {
        List<PublishDiagnosticsParams> l = publishedFor(uri);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnostics.add(p);
        waiters.removeIf(w -> {
            if (w.match().test(p)) {
                w.f().complete(p);
                return true;
            }
            return false;
        });
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams p) {
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void logMessage(MessageParams p) {
        logs.add(p);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }
}
