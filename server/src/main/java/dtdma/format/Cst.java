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
        /** Comments between a node's name and its '{', on that line. */
        final List<Trivia> headComments = new ArrayList<>();
        /** Comments on the line of '{' after it. */
        final List<Trivia> openTrailing = new ArrayList<>();
        /** Comments on the line of the final ';' after it. */
        final List<Trivia> trailing = new ArrayList<>();
        /** Comments and directives before the closing '}'. */
        final List<Trivia> closeLeading = new ArrayList<>();

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

        /** The value's tokens as written (a macro invocation with its arguments is one token). */
        public List<Token> valueTokens() {
            List<Token> out = new ArrayList<>();
            boolean bytes = false;
            for (Tok t : value) {
                if (t.is("[")) {
                    bytes = true;
                } else if (t.is("]")) {
                    bytes = false;
                }
                out.add(new Token(t.kind == Scanner.Kind.WORD ? (bytes ? "BYTES" : "WORD") : t.kind.name(), t.text,
                        t.start, t.end));
            }
            return out;
        }

        /** The name is written with a macro ({@code NAME(args)}): its real name is only known after cpp. */
        public boolean nameIsMacro() {
            return name != null && name.text.indexOf('(') >= 0;
        }

        /** Whether a directive line sits among the leading lines, inside the body or before the closing '}'. */
        public boolean hasDirectives() {
            if (leading.stream().anyMatch(t -> !t.isComment()) || closeLeading.stream().anyMatch(t -> !t.isComment())) {
                return true;
            }
            return children.stream().anyMatch(Stmt::hasDirectives);
        }

        /** Whether a directive line sits among the leading lines of this statement. */
        public boolean hasLeadingDirective() {
            return leading.stream().anyMatch(t -> !t.isComment());
        }

        /** Directives before the closing '}' of a node (or at the end of a file). */
        public boolean hasClosingDirective() {
            return closeLeading.stream().anyMatch(t -> !t.isComment());
        }

        /** Offset after the last trailing comment on the statement's last line. */
        public int endWithTrailing() {
            if (trailing.isEmpty()) {
                return end();
            }
            Trivia t = trailing.get(trailing.size() - 1);
            return t.start + t.text.length();
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

        /** Whether a directive line follows the last statement. */
        public boolean hasTrailingDirective() {
            return endTrivia.stream().anyMatch(t -> !t.isComment());
        }
    }

    /** A token of a value: kind (WORD, BYTES, STRING, REF, PUNCT, ...), text and offsets. */
    public record Token(String kind, String text, int start, int end) {
    }

    private Cst() {
    }
}
