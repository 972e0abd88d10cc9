package dtdma.bindings;

import dtdma.tree.Node;

/**
 * One failure of a node against a binding, as dt-validate would report it.
 *
 * @param kind      what failed, mapped to one BND code
 * @param node      the node the failing value belongs to (the validated node, or the child node the
 *                  instance path leads into)
 * @param validated the node whose schema was being checked (dt-validate names this one)
 * @param property  the property concerned (the missing or unexpected one, or the one whose value failed), or null
 * @param path      the instance path below the validated node, as dt-validate prints it ({@code dma-names:0})
 * @param keyword   the failing JSON-Schema keyword ({@code enum}, {@code required}, ...)
 * @param schemaPath where in the binding the failing keyword sits ({@code #/properties/dma-names/items/0})
 * @param binding   the binding the keyword belongs to
 * @param detail    what is wrong, without the property name or the binding
 * @param disabled  whether the node is disabled ({@code status = "disabled"}, itself or inherited)
 */
public record BindingFinding(Kind kind, Node node, Node validated, String property, String path, String keyword,
        String schemaPath, Binding binding, String detail, boolean disabled) {

    /** The families of failures, one BND code each. */
    public enum Kind {
        /** A property or child node the binding does not allow. */
        UNEXPECTED,
        /** A required property is missing. */
        REQUIRED,
        /** A value outside the allowed set ({@code enum}, {@code const}, {@code pattern}, range). */
        VALUE,
        /** Too many or too few entries. */
        COUNT,
        /** A value of the wrong type or integer width. */
        TYPE,
        /** A combination the binding requires ({@code oneOf}, {@code anyOf}, dependencies, {@code not}). */
        CONDITION
    }

    /** {@code rule} as reported: the keyword and where it sits in the binding. */
    public String rule() {
        return keyword + " at " + schemaPath;
    }
}
