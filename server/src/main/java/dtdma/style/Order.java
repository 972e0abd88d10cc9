package dtdma.style;

import dtdma.format.Cst;
import dtdma.format.Cst.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The orders of the kernel's DTS coding style: child nodes (by unit address, or by name without one), overrides
 * ({@code &label} blocks, by label or in the order their nodes are defined) and properties (compatible, reg, ranges, standard, vendor, status). Each
 * order sorts the statements of one kind among the places they already take, stably.
 */
public final class Order {
    private Order() {
    }

    /** The places (indexes into {@code items}) of the statements one order sorts, or null when none can be sorted. */
    public enum Kind { NODES_WITH_ADDRESS, NODES_WITHOUT_ADDRESS, OVERRIDES, PROPERTIES }

    public static boolean member(Kind k, Stmt s) {
        return switch (k) {
            case NODES_WITH_ADDRESS -> s.kind() == Cst.Kind.NODE && !s.nameIsMacro() && isNamed(s)
                    && Names.unit(s.name()) != null;
            case NODES_WITHOUT_ADDRESS -> s.kind() == Cst.Kind.NODE && !s.nameIsMacro() && isNamed(s)
                    && Names.unit(s.name()) == null;
            case OVERRIDES -> s.kind() == Cst.Kind.NODE && s.name().startsWith("&") && !s.name().startsWith("&{");
            case PROPERTIES -> s.kind() == Cst.Kind.PROPERTY && !s.nameIsMacro();
        };
    }

    private static boolean isNamed(Stmt s) {
        return !s.name().startsWith("&") && !s.name().equals("/");
    }

    /** Compares two members; never called across kinds. */
    public static Comparator<Stmt> comparator(Kind k) {
        return switch (k) {
            case NODES_WITH_ADDRESS -> (a, b) -> {
                List<BigInteger> x = Names.unitValue(Names.unit(a.name()));
                List<BigInteger> y = Names.unitValue(Names.unit(b.name()));
                if (x == null || y == null) {
                    return 0;
                }
                int c = Names.compareUnits(x, y);
                return c != 0 ? c : Names.natural(Names.base(a.name()), Names.base(b.name()));
            };
            case NODES_WITHOUT_ADDRESS -> (a, b) -> Names.natural(a.name(), b.name());
            case OVERRIDES -> (a, b) -> Names.natural(a.name().substring(1), b.name().substring(1));
            case PROPERTIES -> Comparator.comparingInt(s -> Names.propertyGroup(s.name()));
        };
    }

    /** The members of {@code items}, in their order. */
    public static List<Stmt> members(Kind k, List<Stmt> items) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : items) {
            if (member(k, s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first member that sorts before a member written earlier, with that earlier member; or null. */
    public static Stmt[] firstOutOfOrder(Kind k, List<Stmt> items) {
        Comparator<Stmt> c = comparator(k);
        Stmt max = null;
        for (Stmt s : members(k, items)) {
            if (max != null && c.compare(s, max) < 0) {
                return new Stmt[] {s, max};
            }
            if (max == null || c.compare(s, max) > 0) {
                max = s;
            }
        }
        return null;
    }

    /**
     * How a file's {@code &label} overrides stand against the two orders the kernel's style accepts: null when they
     * follow one of them (alphanumeric by label, or the order the labelled nodes are defined in, when the hints
     * know every label); otherwise the first override out of the nearer order (the one fewer overrides would
     * have to move to reach; alphanumeric on a tie), the override it comes after, and the overrides sorted in that
     * order.
     */
    public static OverrideVerdict overrides(List<Stmt> items, StyleHints hints) {
        List<Stmt> m = members(Kind.OVERRIDES, items);
        Stmt[] alpha = firstOutOfOrder(Kind.OVERRIDES, items);
        if (alpha == null) {
            return null;
        }
        Comparator<Stmt> byDef = definitionComparator(m, hints == null ? StyleHints.NONE : hints);
        if (byDef == null) {
            return new OverrideVerdict(alpha[0], alpha[1], false, sorted(Kind.OVERRIDES, items), false);
        }
        Stmt[] def = firstOutOfOrder(m, byDef);
        if (def == null) {
            return null;
        }
        boolean nearerDef = misplaced(m, byDef) < misplaced(m, comparator(Kind.OVERRIDES));
        List<Stmt> s = new ArrayList<>(m);
        s.sort(nearerDef ? byDef : comparator(Kind.OVERRIDES));
        Stmt[] bad = nearerDef ? def : alpha;
        return new OverrideVerdict(bad[0], bad[1], nearerDef, s, true);
    }

    /**
     * @param byDefinition the nearer order is the order of definition (else alphanumeric)
     * @param bothKnown    the order of definition was known (else only the alphanumeric order was judged)
     */
    public record OverrideVerdict(Stmt override, Stmt after, boolean byDefinition, List<Stmt> sorted,
            boolean bothKnown) {
    }

    /** Compares overrides by where their labels' nodes are defined, or null when a label is not known. */
    private static Comparator<Stmt> definitionComparator(List<Stmt> overrides, StyleHints hints) {
        java.util.Map<Stmt, Integer> rank = new java.util.IdentityHashMap<>();
        for (Stmt s : overrides) {
            int r = hints.definitionOrder(s.name().substring(1));
            if (r < 0) {
                return null;
            }
            rank.put(s, r);
        }
        return Comparator.comparingInt(rank::get);
    }

    private static Stmt[] firstOutOfOrder(List<Stmt> members, Comparator<Stmt> c) {
        Stmt max = null;
        for (Stmt s : members) {
            if (max != null && c.compare(s, max) < 0) {
                return new Stmt[] {s, max};
            }
            if (max == null || c.compare(s, max) > 0) {
                max = s;
            }
        }
        return null;
    }

    /** How many members must move to put them in order: their number less the longest run already in order. */
    static int misplaced(List<Stmt> members, Comparator<Stmt> c) {
        int n = members.size();
        int[] best = new int[n];
        int longest = 0;
        for (int i = 0; i < n; i++) {
            best[i] = 1;
            for (int j = 0; j < i; j++) {
                if (c.compare(members.get(j), members.get(i)) <= 0 && best[j] + 1 > best[i]) {
                    best[i] = best[j] + 1;
                }
            }
            longest = Math.max(longest, best[i]);
        }
        return n - longest;
    }

    /** The members sorted (stable). */
    public static List<Stmt> sorted(Kind k, List<Stmt> items) {
        List<Stmt> m = members(k, items);
        m.sort(comparator(k));
        return m;
    }
}
