package dtdma.tree;

import dtdma.text.Span;

/** One place where a node or property was defined, changed or deleted. */
public record History(Kind kind, Span span) {
    public enum Kind { DEFINED, CHANGED, DELETED, REFERENCED_PHANDLE_ADDED }
}
