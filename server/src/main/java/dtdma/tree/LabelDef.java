package dtdma.tree;

import dtdma.text.Span;

/** A label attached to a node or property while merging; deleted labels no longer resolve. */
final class LabelDef {
    final String name;
    final Span span;
    boolean deleted;

    LabelDef(String name, Span span) {
        this.name = name;
        this.span = span;
    }
}
