package dtdma.format;

import dtdma.format.Scanner.Tok;
import dtdma.format.Scanner.Trivia;
import java.util.ArrayList;
import java.util.List;

/**
 * The concrete syntax of one source file as written (before preprocessing): statements in order with their
 * comments and directive lines. Built by {@link CstParser}; read by the printer and by the style checks.
 * Offsets are into the LF-normalised text.
 */
public final class Cst {
    /** What a statement is. */
    public enum Kind { NODE, PROPERTY, DELETE_NODE, DELETE_PROPERTY, HEADER, MEMRESERVE, DTC_INCLUDE, OMIT_REF }

    /** One statement: a node with its body, a property, a deletion, a header. */
    public static final class Stmt {
        Kind kind;
        /** Labels and {@code /omit-if-no-ref/} before the name. */
        final List<Tok> prefix = new ArrayList<>();
        /** Keyword of a deletion, header or memreserve; null otherwise. */
        Tok keyword;
        /** Name: a node or property name, {@code /}, {@code &label}, {@code &{/path}}; the target of a deletion. */
        Tok name;
        /** Value tokens of a property (without the ';'), or the arguments of /memreserve/ and /include/. */
        final List<Tok> value = new ArrayList<>();
        Tok open;
        Tok close;
        Tok semi;
        final List<Stmt> children = new ArrayList<>();
        /** Comments and directives on lines of their own before the statement. */
        final List<Trivia> leading = new ArrayList<>();
        /** Comments on the line of '{' after it. */
        final List<Trivia> openTrailing = new ArrayList<>();
        /** Comments on the line of the final ';' after it. */
        final List<Trivia> trailing = new ArrayList<>();
        /** Comments and directives before the closing '}'. */
        final List<Trivia> closeLeading = new ArrayList<>();
        /** Newlines before the statement's first piece (leading trivia or first token). */
        int nlBefore;

        public Kind kind() {
            return kind;
        }

        /** The written name ({@code /} for the root, {@code &label} for an override). */
        public String name() {
            return name == null ? "" : name.text;
        }

        public int nameStart() {
            return name == null ? start() : name.start;
        }

        public int nameEnd() {
            return name == null ? start() : name.end;
        }

        /** The label definitions before the name, as written (with their colon). */
        public List<String> labels() {
            return prefix.stream().filter(t -> t.kind == Scanner.Kind.LABEL).map(t -> t.text).toList();
        }

        public List<int[]> labelSpans() {
            return prefix.stream().filter(t -> t.kind == Scanner.Kind.LABEL).map(t -> new int[] {t.start, t.end})
                    .toList();
        }

        public List<Stmt> children() {
            return children;
        }

        /** Offset of the statement's first token. */
        public int start() {
            if (!prefix.isEmpty()) {
                return prefix.get(0).start;
            }
            if (keyword != null) {
                return keyword.start;
            }
            return name == null ? 0 : name.start;
        }

        /** Offset after the statement's last token (its ';'). */
        public int end() {
            if (semi != null) {
                return semi.end;
            }
            if (close != null) {
                return close.end;
            }
            if (!value.isEmpty()) {
                return value.get(value.size() - 1).end;
            }
            return name == null ? start() : name.end;
        }

        /** Offset where the statement's own first line of leading comments starts (or its start). */
        public int leadingStart() {
            return leading.isEmpty() ? start() : leading.get(0).start;
        }

        /** Literal value tokens (numbers, identifiers, strings) with their offsets, as {text, start}. */
        public List<Object[]> valueTokens() {
            List<Object[]> out = new ArrayList<>();
            for (Tok t : value) {
                out.add(new Object[] {t.text, t.start, t.kind.name()});
            }
            return out;
        }
    }

    /** A file: its top-level statements and what follows the last one. */
    public static final class File {
        final List<Stmt> items = new ArrayList<>();
        final List<Trivia> endTrivia = new ArrayList<>();
        /** Newlines before the end of the file after the last piece. */
        int endNl;

        public List<Stmt> items() {
            return items;
        }
    }

    private Cst() {
    }
}
