package dtdma.lsp;

import dtdma.features.CodeActionFeature;
import dtdma.features.CompletionFeature;
import dtdma.features.DocumentLinkFeature;
import dtdma.features.SignatureHelpFeature;
import dtdma.features.TextEdit;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.nio.file.Path;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Conversions of the editing features' results (completion, signatures, links, edits, fixes) to LSP types. */
final class EditConvert {
    private EditConvert() {
    }

    static CompletionItemKind kind(CompletionFeature.Kind k) {
        switch (k) {
            case PROVIDER:
            case LABEL:
                return CompletionItemKind.Reference;
            case EVENT:
            case PRIORITY:
            case VALUE:
            case NAME:
                return CompletionItemKind.Value;
            case TYPE:
                return CompletionItemKind.EnumMember;
            case PROPERTY:
                return CompletionItemKind.Property;
            case MACRO:
                return CompletionItemKind.Constant;
            case FILE:
                return CompletionItemKind.File;
            case FOLDER:
                return CompletionItemKind.Folder;
            default:
                return CompletionItemKind.Text;
        }
    }

    static CompletionItem completion(SourceFile f, CompletionFeature.Result r, CompletionFeature.Item i) {
        CompletionItem c = new CompletionItem(i.label());
        c.setKind(kind(i.kind()));
        c.setDetail(i.detail());
        if (i.documentation() != null) {
            c.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, i.documentation()));
        }
        c.setSortText(i.sortText());
        c.setFilterText(i.filterText());
        c.setTextEdit(Either.forLeft(new org.eclipse.lsp4j.TextEdit(
                Convert.range(f, new Span(f.id(), r.replaceStart(), r.replaceEnd())), i.insertText())));
        return c;
    }

    static SignatureHelp signature(SignatureHelpFeature.Signature s) {
        List<ParameterInformation> ps = new ArrayList<>();
        for (SignatureHelpFeature.Param p : s.params()) {
            ps.add(new ParameterInformation(p.name(), p.documentation()));
        }
        SignatureInformation si = new SignatureInformation(s.label(), s.documentation(), ps);
        si.setActiveParameter(s.active());
        SignatureHelp h = new SignatureHelp(List.of(si), 0, s.active());
        return h;
    }

    static DocumentLink link(SourceFile f, DocumentLinkFeature.Link l) {
        DocumentLink d = new DocumentLink(Convert.range(f, l.span()), Convert.uri(l.target()));
        d.setTooltip(l.target().toString());
        return d;
    }

    static WorkspaceEdit edit(Map<SourceFile, List<TextEdit>> edits, Function<Path, String> uri) {
        Map<String, List<org.eclipse.lsp4j.TextEdit>> changes = new LinkedHashMap<>();
        for (Map.Entry<SourceFile, List<TextEdit>> e : edits.entrySet()) {
            List<org.eclipse.lsp4j.TextEdit> l = new ArrayList<>();
            for (TextEdit t : e.getValue()) {
                l.add(new org.eclipse.lsp4j.TextEdit(Convert.range(e.getKey(), t.span()), t.newText()));
            }
            changes.put(uri.apply(e.getKey().path()), l);
        }
        return new WorkspaceEdit(changes);
    }

    static CodeAction action(CodeActionFeature.Action a, SourceRegistry reg, Function<Path, String> uri) {
        CodeAction c = new CodeAction(a.title());
        c.setKind(CodeActionKind.QuickFix);
        c.setDiagnostics(List.of(Convert.diagnostic(a.diagnostic(), reg)));
        c.setEdit(edit(a.edits(), uri));
        c.setIsPreferred(a.preferred());
        return c;
    }
}
