package dtdma.tree;

import dtdma.syntax.Ast;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/** A property of a merged node: its current value, labels, and every place it was defined or changed. */
public final class Property {
    private final String name;
    private PropValue value;
    final List<LabelDef> labelDefs = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    private Ast.PropDef definition;
    boolean deleted;
    /** Set on the placeholder a {@code /delete-property/ name;} leaves in the body that contains it. */
    Ast.DeleteProp deletionMarker;

    public Property(String name, PropValue value, Ast.PropDef definition) {
        this.name = name;
        this.value = value;
        this.definition = definition;
    }

    public String name() {
        return name;
    }

    public PropValue value() {
        return value;
    }

    void setValue(PropValue v, Ast.PropDef def) {
        this.value = v;
        this.definition = def;
    }

    public List<String> labels() {
        List<String> out = new ArrayList<>(labelDefs.size());
        for (LabelDef l : labelDefs) {
            if (!l.deleted) {
                out.add(l.name);
            }
        }
        return out;
    }

    public List<History> history() {
        return history;
    }

    /** The definition whose value is current (null for generated properties such as {@code phandle}). */
    public Ast.PropDef definition() {
        return definition;
    }

    /** The span of the current definition's name, or of the last history entry. */
    public Span span() {
        if (definition != null) {
            return definition.nameSpan();
        }
        return history.isEmpty() ? null : history.get(history.size() - 1).span();
    }

    @Override
    public String toString() {
        return name;
    }
}
