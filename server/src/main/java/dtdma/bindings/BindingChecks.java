package dtdma.bindings;

import dtdma.bindings.checks.BindingConditionNotMet;
import dtdma.bindings.checks.NotAllowedByBinding;
import dtdma.bindings.checks.RequiredPropertyMissing;
import dtdma.bindings.checks.ValueNotAllowed;
import dtdma.bindings.checks.WrongEntryCount;
import dtdma.bindings.checks.WrongValueType;
import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.Span;
import dtdma.tree.Node;
import dtdma.tree.Property;
import java.util.ArrayList;
import java.util.List;

/** The BND checks, one class per code, and the way each turns a finding into a diagnostic. */
public final class BindingChecks {
    private BindingChecks() {
    }

    public static List<Check<BindingResults>> all() {
        return List.of(new NotAllowedByBinding(), new RequiredPropertyMissing(), new ValueNotAllowed(),
                new WrongEntryCount(), new WrongValueType(), new BindingConditionNotMet());
    }

    /** Adds a diagnostic of {@code code} for every finding of {@code kind}. */
    public static void report(BindingResults r, BindingFinding.Kind kind, Code code, List<Diagnostic> out) {
        for (BindingFinding f : r.findings()) {
            if (f.kind() == kind) {
                Diagnostic d = diagnostic(r, f, code);
                if (d != null) {
                    out.add(d);
                }
            }
        }
    }

    /**
     * The diagnostic of a finding: on the property where it was last written, on the child node's name for an
     * unexpected child, on the node's name for a missing property; the message names the property, what is
     * wrong and the binding file; the related information points at the rule in the binding.
     */
    public static Diagnostic diagnostic(BindingResults r, BindingFinding f, Code code) {
        Span span = place(f);
        if (span == null) {
            return null;
        }
        StringBuilder msg = new StringBuilder();
        boolean nodeName = "$nodename".equals(f.property());
        if (nodeName) {
            msg.append("node name: ");
        } else if (f.property() != null) {
            msg.append('`').append(f.property()).append("`: ");
        }
        msg.append(f.detail());
        msg.append(" (binding `").append(f.binding().displayFile()).append("`");
        if (f.node() != f.validated()) {
            msg.append(", checked from ").append(f.validated().path());
        }
        msg.append(')');
        if (f.disabled()) {
            msg.append("; the node is disabled (status = \"").append(f.node().status())
                    .append("\"), so this is latent until a board enables it");
        }
        List<Diagnostic.Related> related = new ArrayList<>();
        Span rule = r.locator() == null ? null : r.locator().locate(f.binding(), f.property());
        if (rule != null) {
            related.add(new Diagnostic.Related(rule, "rule " + f.rule() + " in " + f.binding().displayFile()));
        }
        return Diagnostic.of(code, span, msg.toString(), related).withSubject(new Diagnostic.Subject(
                f.node().path(), nodeName ? null : f.property(), null, f.binding().displayFile(), f.rule()));
    }

    private static Span place(BindingFinding f) {
        Node n = f.node();
        if (f.property() != null && f.kind() != BindingFinding.Kind.REQUIRED) {
            Property p = n.property(f.property());
            if (p != null && p.span() != null) {
                return p.span();
            }
            Node child = n.child(f.property());
            if (child != null && child.nameSpan() != null) {
                return child.nameSpan();
            }
        }
        for (Node x = n; x != null; x = x.parent()) {
            if (x.nameSpan() != null) {
                return x.nameSpan();
            }
        }
        return null;
    }
}
