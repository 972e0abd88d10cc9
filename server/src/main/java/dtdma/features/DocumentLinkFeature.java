package dtdma.features;

import dtdma.text.Cancel;
import dtdma.bindings.Binding;
import dtdma.bindings.BindingSet;
import dtdma.preprocess.PpUnit;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Document links: the file name of every resolved {@code #include} and {@code /include/} of a file, and each
 * string of a {@code compatible} property whose binding is known, to that binding's YAML file.
 */
public final class DocumentLinkFeature {
    /** A link: the span of the written file name and the file it opens. */
    public record Link(Span span, Path target) {
    }

    private DocumentLinkFeature() {
    }

    public static List<Link> links(Analysis a, SourceFile file) {
        return links(a, file, Cancel.NONE);
    }

    /** The links, polling {@code cancel} per include and per top-level node. */
    public static List<Link> links(Analysis a, SourceFile file, Cancel cancel) {
        List<Link> out = new ArrayList<>();
        String t = file.text();
        cancel.check();
        for (PpUnit.Include inc : a.includes()) {
            cancel.check();
            Span d = inc.directive();
            if (d.fileId() != file.id() || inc.unit() == null || d.end() > t.length()) {
                continue;
            }
            String spelled = inc.spelled();
            String name = spelled.length() >= 2 ? spelled.substring(1, spelled.length() - 1) : spelled;
            int at = name.isEmpty() ? -1 : t.substring(d.start(), d.end()).indexOf(name);
            Span s = at < 0 ? d : new Span(file.id(), d.start() + at, d.start() + at + name.length());
            out.add(new Link(s, inc.unit().file().path()));
        }
        BindingSet set = a.bindings() == null ? null : a.bindings().set();
        if (set != null) {
            for (Ast.TopItem top : a.parsed().items()) {
                cancel.check();
                if (top instanceof Ast.RootNode r) {
                    compatibles(r.body(), file, set, out);
                } else if (top instanceof Ast.RefNode r) {
                    compatibles(r.body(), file, set, out);
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        return out;
    }

    /** A link on each string written in this file in a {@code compatible} whose binding the set knows. */
    private static void compatibles(Ast.NodeBody b, SourceFile file, BindingSet set, List<Link> out) {
        if (b == null) {
            return;
        }
        String t = file.text();
        for (Ast.BodyItem i : b.items()) {
            if (i instanceof Ast.NodeDef n) {
                compatibles(n.body(), file, set, out);
            } else if (i instanceof Ast.PropDef p && p.name().equals("compatible")) {
                for (Ast.Value v : p.value()) {
                    Span s = v instanceof Ast.Str str ? str.span() : null;
                    // only a string written here in quotes (not one a macro expanded to)
                    if (s == null || s.fileId() != file.id() || s.end() > t.length() || s.end() - s.start() < 2
                            || t.charAt(s.start()) != '"' || t.charAt(s.end() - 1) != '"') {
                        continue;
                    }
                    String compatible = new String(((Ast.Str) v).bytes(), java.nio.charset.StandardCharsets.UTF_8);
                    Binding target = null; // the kernel's binding first, else dt-schema's own (simple-bus, ...)
                    for (Binding c : set.forCompatible(compatible)) {
                        if (c.path() != null && (target == null || target.core() && !c.core())) {
                            target = c;
                        }
                    }
                    if (target != null) {
                        out.add(new Link(new Span(file.id(), s.start() + 1, s.end() - 1), target.path()));
                    }
                }
            }
        }
    }
}
