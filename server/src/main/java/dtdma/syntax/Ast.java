package dtdma.syntax;

import dtdma.text.Span;
import java.util.List;

/**
 * The syntax tree of devicetree source after preprocessing. Immutable records; every span points into an
 * original file (macro-expanded text points at the macro invocation). The parser builds these from the
 * ANTLR parse tree; {@code tree} merges them into a device tree.
 */
public final class Ast {
    private Ast() {
    }

    /** A label definition {@code name:}. */
    public record Label(String name, Span span) {
    }

    /** {@code &label}, {@code &{/path}} or {@code &{label/path}}; {@code text} excludes {@code &} and braces. */
    public record Ref(boolean path, String text, Span span) {
        public String spelled() {
            return path ? "&{" + text + "}" : "&" + text;
        }
    }

    // ---------------------------------------------------------------- top level

    public sealed interface TopItem permits Header, MemReserve, RootNode, RefNode, DeleteNodeRef, OmitRef {
        Span span();
    }

    /** {@code /dts-v1/;} or {@code /plugin/;}. */
    public record Header(boolean plugin, Span span) implements TopItem {
    }

    /** {@code /memreserve/ addr size;}. */
    public record MemReserve(List<Label> labels, Expr address, Expr size, Span span) implements TopItem {
    }

    /** {@code / { ... };} */
    public record RootNode(List<Label> labels, NodeBody body, Span span) implements TopItem {
    }

    /** {@code [label:] &ref { ... };} */
    public record RefNode(List<Label> labels, Ref ref, NodeBody body, Span span) implements TopItem {
    }

    /** {@code /delete-node/ &ref;} at top level. */
    public record DeleteNodeRef(Ref ref, Span span) implements TopItem {
    }

    /** {@code /omit-if-no-ref/ &ref;} at top level. */
    public record OmitRef(Ref ref, Span span) implements TopItem {
    }

    // ---------------------------------------------------------------- node bodies

    /** The items between braces; {@code open}/{@code close} are the braces (close may be missing after an error). */
    public record NodeBody(List<BodyItem> items, Span open, Span close) {
    }

    public sealed interface BodyItem permits NodeDef, PropDef, DeleteProp, DeleteNode {
        Span span();
    }

    /** {@code [labels] [/omit-if-no-ref/] name { ... };}; {@code name} includes the unit address. */
    public record NodeDef(List<Label> labels, boolean omitIfNoRef, String name, Span nameSpan, NodeBody body, Span span)
            implements BodyItem {
    }

    /** {@code [labels] name [= value, ...];}; {@code value} is empty for a boolean property. */
    public record PropDef(List<Label> labels, String name, Span nameSpan, List<Value> value, Span span) implements BodyItem {
    }

    /** {@code /delete-property/ name;} */
    public record DeleteProp(String name, Span nameSpan, Span span) implements BodyItem {
    }

    /** {@code /delete-node/ name;} inside a node. */
    public record DeleteNode(String name, Span nameSpan, Span span) implements BodyItem {
    }

    // ---------------------------------------------------------------- values

    /** One comma-separated component of a property value, with the labels written around it. */
    public sealed interface Value permits Str, Cells, Bytes, PathRef, Incbin, ValueLabel {
        Span span();
    }

    /** A string literal; {@code bytes} are the escape-processed bytes without the terminating NUL. */
    public record Str(byte[] bytes, Span span) implements Value {
    }

    /** {@code [/bits/ N] < ... >}. */
    public record Cells(int bits, Span bitsSpan, List<CellItem> items, Span span) implements Value {
    }

    /** {@code [ab cd ...]}. */
    public record Bytes(List<ByteItem> items, Span span) implements Value {
    }

    /** A reference outside cells: the target node's full path as a string. */
    public record PathRef(Ref ref, Span span) implements Value {
    }

    /** {@code /incbin/("file"[, offset, length])}. */
    public record Incbin(String file, Span fileSpan, Expr offset, Expr length, Span span) implements Value {
    }

    /** A label between value components: {@code prop = a: "x", b: <1>;}. */
    public record ValueLabel(Label label, Span span) implements Value {
    }

    public sealed interface CellItem permits Cell, CellRef, CellLabel {
        Span span();
    }

    /** An integer element: a literal, char literal or parenthesised expression. */
    public record Cell(Expr expr, Span span) implements CellItem {
    }

    /** A phandle reference element {@code &label} / {@code &{/path}}. */
    public record CellRef(Ref ref, Span span) implements CellItem {
    }

    /** A label between elements. */
    public record CellLabel(Label label, Span span) implements CellItem {
    }

    public sealed interface ByteItem permits ByteVal, ByteLabel {
        Span span();
    }

    public record ByteVal(int value, Span span) implements ByteItem {
    }

    public record ByteLabel(Label label, Span span) implements ByteItem {
    }

    // ---------------------------------------------------------------- integer expressions

    public sealed interface Expr permits Num, Unary, Binary, Ternary {
        Span span();
    }

    /** An integer or character literal, as an unsigned 64-bit value. */
    public record Num(long value, Span span) implements Expr {
    }

    /** {@code -}, {@code ~}, {@code !}. */
    public record Unary(String op, Expr operand, Span span) implements Expr {
    }

    /** C binary operators: {@code * / % + - << >> < > <= >= == != & ^ | && ||}. */
    public record Binary(String op, Expr left, Expr right, Span span) implements Expr {
    }

    public record Ternary(Expr cond, Expr then, Expr otherwise, Span span) implements Expr {
    }
}
