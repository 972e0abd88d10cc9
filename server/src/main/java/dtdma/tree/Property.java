package dtdma.tree;

import dtdma.syntax.Ast;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/** A property of a merged node: its current value, labels, and every place it was defined or changed. */
public final class Property {
    private final String name;
    private PropValue value;
    private final List<String> labels = new ArrayList<>();
    private final List<History> history = new ArrayList<>();
    private Ast.PropDef definition;

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
        return labels;
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
