package dtdma.style;

import dtdma.format.Cst;
import dtdma.format.Cst.Stmt;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The orders of the kernel's DTS coding style: child nodes (by unit address, or by name without one), overrides
 * ({@code &label} blocks, by label) and properties (compatible, reg, ranges, standard, vendor, status). Each
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

    /** The members sorted (stable). */
    public static List<Stmt> sorted(Kind k, List<Stmt> items) {
        List<Stmt> m = members(k, items);
        m.sort(comparator(k));
        return m;
    }
}
