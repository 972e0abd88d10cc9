package dtdma.preprocess;

/** A preprocessing token (internal). File tokens are shared and never mutated; expansion copies them. */
final class Tok {
    static final byte IDENT = 0;
    static final byte NUMBER = 1;
    static final byte STRING = 2;
    static final byte CHAR = 3;
    static final byte PUNCT = 4;
    static final byte OTHER = 5;
    static final byte PLACEMARKER = 6;

    final byte kind;
    final String text;
    /** Whitespace (or a newline inside a macro argument) precedes this token. */
    boolean space;
    /** First token of a logical line (file tokens only). */
    boolean bol;
    /** Original offsets of file tokens; -1 for generated tokens. */
    int s = -1;
    int e = -1;
    /** Offsets in the spliced buffer (file tokens only). */
    int cs = -1;
    int ce = -1;
    /** Macros that must not expand this token (the hide set). */
    HideSet hs;
    /** Expansion context: tokens of different contexts may need a space to avoid pasting. */
    int ctx;
    /** The right operand of an invalid paste: printed adjacent with no space. */
    boolean pasted;

    Tok(byte kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    Tok copy() {
        Tok t = new Tok(kind, text);
        t.space = space;
        t.s = s;
        t.e = e;
        t.hs = hs;
        t.ctx = ctx;
        t.pasted = pasted;
        return t;
    }

    boolean is(String p) {
        return kind == PUNCT && text.equals(p);
    }

    boolean isIdent(String p) {
        return kind == IDENT && text.equals(p);
    }

    @Override
    public String toString() {
        return text;
    }

    /** An immutable set of macro names (usually tiny). */
    static final class HideSet {
        final String name;
        final HideSet next;
        final int size;

        HideSet(String name, HideSet next) {
            this.name = name;
            this.next = next;
            this.size = next == null ? 1 : next.size + 1;
        }

        static boolean contains(HideSet h, String n) {
            for (; h != null; h = h.next) {
                if (h.name.equals(n)) {
                    return true;
                }
            }
            return false;
        }

        static int size(HideSet h) {
            return h == null ? 0 : h.size;
        }

        static HideSet add(HideSet h, String n) {
            return contains(h, n) ? h : new HideSet(n, h);
        }

        static HideSet union(HideSet a, HideSet b) {
            if (a == null) {
                return b;
            }
            if (b == null || a == b) {
                return a;
            }
            HideSet r = b;
            for (HideSet x = a; x != null; x = x.next) {
                r = add(r, x.name);
            }
            return r;
        }

        static HideSet intersect(HideSet a, HideSet b) {
            if (a == null || b == null) {
                return null;
            }
            if (a == b) {
                return a;
            }
            HideSet r = null;
            for (HideSet x = a; x != null; x = x.next) {
                if (contains(b, x.name)) {
                    r = new HideSet(x.name, r);
                }
            }
            return r;
        }
    }
}
