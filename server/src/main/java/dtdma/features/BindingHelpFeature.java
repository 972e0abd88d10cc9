package dtdma.features;

import dtdma.bindings.Binding;
import dtdma.bindings.BindingDocs;
import dtdma.bindings.BindingSet;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * What the node's binding says, for hover and completion: the binding's title, description and file for a
 * node; a property's description, type and allowed values; the property names a binding lists and the values of
 * an enumerated property ({@code dma-names}, {@code clock-names}, {@code reset-names} and any {@code enum}).
 */
public final class BindingHelpFeature {
    private BindingHelpFeature() {
    }

    private static List<Binding> bindings(Analysis a, Node n) {
        BindingSet set = a.bindings() == null ? null : a.bindings().set();
        if (set == null || n == null) {
            return List.of();
        }
        return BindingDocs.forNode(set, n.compatibles());
    }

    /** Markdown about a node's binding(s), or "" when none applies. */
    public static String node(Analysis a, Node n) {
        StringBuilder sb = new StringBuilder();
        for (Binding b : bindings(a, n)) {
            sb.append("\n**Binding:** ").append(b.title() == null ? b.file() : b.title().strip()).append(" — [")
                    .append(b.displayFile()).append("](").append(b.path().toUri()).append(")\n\n");
            if (b.description() != null && !b.description().isBlank()) {
                String d = b.description().strip();
                sb.append(d.length() > 600 ? d.substring(0, 597) + "..." : d).append("\n");
            }
        }
        return sb.toString();
    }

    /** Markdown about a property from the node's binding(s), or "" when no binding lists it. */
    public static String property(Analysis a, Node n, String prop) {
        for (Binding b : bindings(a, n)) {
            BindingDocs.Prop p = BindingDocs.property(b, prop);
            if (p == null) {
                continue;
            }
            StringBuilder sb = new StringBuilder("\n**Binding** `").append(b.displayFile()).append("`");
            if (p.type() != null) {
                sb.append(" — type `").append(p.type()).append('`');
            }
            if (p.required()) {
                sb.append(" — required");
            }
            sb.append("\n\n");
            if (p.description() != null) {
                sb.append(p.description()).append("\n\n");
            }
            if (!p.values().isEmpty()) {
                sb.append("Allowed: ");
                for (int i = 0; i < p.values().size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append('`').append(p.values().get(i)).append('`');
                }
                sb.append('\n');
            }
            return sb.toString();
        }
        return "";
    }

    /** The property names the node's binding(s) list, required ones first. */
    public static List<BindingDocs.Prop> properties(Analysis a, Node n) {
        List<BindingDocs.Prop> req = new ArrayList<>();
        List<BindingDocs.Prop> rest = new ArrayList<>();
        for (Binding b : bindings(a, n)) {
            for (BindingDocs.Prop p : BindingDocs.properties(b)) {
                (p.required() ? req : rest).add(p);
            }
        }
        req.addAll(rest);
        return req;
    }

    /**
     * The quick fix of a BND002 diagnostic: the missing property, with a placeholder value of its type, as the
     * first line of the node's body; null when the node's text is not in {@code file}.
     */
    public static CodeActionFeature.Action addRequired(Analysis a, dtdma.text.SourceFile file,
            dtdma.check.Diagnostic d) {
        String prop = d.subject() == null ? null : d.subject().property();
        String path = d.subject() == null ? null : d.subject().nodePath();
        if (prop == null || path == null || d.span() == null || d.span().fileId() != file.id()) {
            return null;
        }
        Node n = a.tree().resolvePath(path);
        String t = file.text();
        int brace = t.indexOf('{', d.span().end());
        if (n == null || brace < 0) {
            return null;
        }
        BindingDocs.Prop p = null;
        for (Binding b : bindings(a, n)) {
            p = BindingDocs.property(b, prop);
            if (p != null) {
                break;
            }
        }
        String value = placeholder(prop, p);
        int ls = t.lastIndexOf('\n', d.span().start() - 1) + 1;
        int i = ls;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
            i++;
        }
        String indent = t.substring(ls, i) + (t.substring(ls, i).contains("\t") || i == ls ? "\t" : "    ");
        String line = "\n" + indent + prop + (value.isEmpty() ? "" : " = " + value) + ";";
        java.util.Map<dtdma.text.SourceFile, List<TextEdit>> edits = new java.util.LinkedHashMap<>();
        edits.put(file, List.of(new TextEdit(dtdma.text.Span.at(file.id(), brace + 1), line)));
        return new CodeActionFeature.Action("Add required property " + prop, d, edits, true);
    }

    private static String placeholder(String prop, BindingDocs.Prop p) {
        String type = p == null ? null : p.type();
        List<String> values = p == null ? List.of() : p.values();
        if ("flag".equals(type) || "boolean".equals(type)) {
            return "";
        }
        boolean strings = prop.endsWith("-names") || prop.equals("compatible")
                || (type != null && type.startsWith("string"));
        if (strings) {
            if (!values.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (String v : values) {
                    sb.append(sb.length() == 0 ? "" : ", ").append('"').append(v).append('"');
                }
                return sb.toString();
            }
            return "\"\"";
        }
        if ((type != null && type.startsWith("phandle")) || prop.endsWith("-supply")
                || List.of("clocks", "resets", "dmas", "power-domains", "interrupt-parent").contains(prop)) {
            return "<&>";
        }
        if (!values.isEmpty() && values.get(0).matches("-?\\d+|0x[0-9a-fA-F]+")) {
            return "<" + values.get(0) + ">";
        }
        return "<0>";
    }

    /** The values the node's binding(s) allow for a property (in the binding's order), or an empty list. */
    public static List<String> values(Analysis a, Node n, String prop) {
        for (Binding b : bindings(a, n)) {
            BindingDocs.Prop p = BindingDocs.property(b, prop);
            if (p != null && !p.values().isEmpty()) {
                return p.values();
            }
        }
        return List.of();
    }
}
