package dtdma.lsp;

import java.util.List;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The capabilities of the editing features: completion, signature help, document links, rename, quick fixes. */
final class EditCapabilities {
    /** Characters that open a completion: a reference, a cell list, a string, a path separator, the next cell. */
    static final List<String> COMPLETION_TRIGGERS = List.of("&", "<", "\"", "/", " ");

    private EditCapabilities() {
    }

    static void declare(ServerCapabilities sc) {
        sc.setCompletionProvider(new CompletionOptions(false, COMPLETION_TRIGGERS));
        SignatureHelpOptions sh = new SignatureHelpOptions(List.of(" ", "&"), List.of(" "));
        sc.setSignatureHelpProvider(sh);
        sc.setDeclarationProvider(true);
        sc.setDocumentLinkProvider(new DocumentLinkOptions(false));
        RenameOptions ro = new RenameOptions();
        ro.setPrepareProvider(true);
        sc.setRenameProvider(Either.forRight(ro));
        sc.setCodeActionProvider(Either.forRight(new CodeActionOptions(List.of(CodeActionKind.QuickFix))));
    }
}
