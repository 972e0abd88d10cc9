package dtdma.style;

import dtdma.format.Cst;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Name rules of the kernel's DTS coding style, shared by the checks and their quick fixes. */
public final class Names {
    private Names() {
    }

    /** A node name's part before '@'. */
    public static String base(String nodeName) {
        int at = nodeName.indexOf('@');
        return at < 0 ? nodeName : nodeName.substring(0, at);
    }

    /** A node name's unit address (after '@'), or null. */
    public static String unit(String nodeName) {
        int at = nodeName.indexOf('@');
        return at < 0 ? null : nodeName.substring(at + 1);
    }

    /** Only a-z, 0-9 and '-' (a vendor prefix "vendor," is allowed in property names). */
    public static boolean goodChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The name with uppercase letters lowered and '_' turned into '-'. */
    public static String suggest(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a node name (before '@') follows the rule: optional "vendor," (as in bindings), then a-z 0-9 '-'. */
    public static boolean goodNodeName(String base) {
        int comma = base.indexOf(',');
        if (comma >= 0) {
            return goodChars(base.substring(0, comma)) && goodChars(base.substring(comma + 1));
        }
        return goodChars(base);
    }

    /** Whether a property name follows the rule: optional '#', optional "vendor,", then a-z 0-9 '-'. */
    public static boolean goodPropertyName(String name) {
        if (name.equals("device_type")) {
            return true; // the Devicetree Specification's own name
        }
        String n = name.startsWith("#") ? name.substring(1) : name;
        int comma = n.indexOf(',');
        if (comma >= 0) {
            return goodChars(n.substring(0, comma)) && goodChars(n.substring(comma + 1));
        }
        return goodChars(n);
    }

    /** A unit address in the style's form: each comma-separated part lowercase hex without leading zeros. */
    public static String normalUnit(String unit) {
        List<String> parts = new ArrayList<>();
        for (String p : unit.split(",", -1)) {
            String q = p.toLowerCase(Locale.ROOT);
            if (q.matches("[0-9a-f]+")) {
                q = q.replaceFirst("^0+(?=.)", "");
            }
            parts.add(q);
        }
        return String.join(",", parts);
    }

    /** The unit address as numbers (each comma-separated part as hex), or null when it is not hex. */
    public static List<BigInteger> unitValue(String unit) {
        List<BigInteger> out = new ArrayList<>();
        for (String p : unit.split(",", -1)) {
            if (!p.matches("[0-9a-fA-F]{1,32}")) {
                return null;
            }
            out.add(new BigInteger(p, 16));
        }
        return out;
    }

    public static int compareUnits(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Natural order: runs of digits compare as numbers ("vdd-0v9" < "vdd-1v8" < "vdd-12v"). */
    public static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int i2 = i;
                while (i2 < a.length() && Character.isDigit(a.charAt(i2))) {
                    i2++;
                }
                int j2 = j;
                while (j2 < b.length() && Character.isDigit(b.charAt(j2))) {
                    j2++;
                }
                int c = new BigInteger(a.substring(i, i2)).compareTo(new BigInteger(b.substring(j, j2)));
                if (c != 0) {
                    return c;
                }
                i = i2;
                j = j2;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Group of a property in the style's order: 0 compatible (and {@code device_type}, which stands for it in cpu
     * and memory nodes), 1 reg, 2 ranges, 3 standard, 4 vendor, 5 status.
     */
    public static int propertyGroup(String name) {
        return switch (name) {
            case "compatible", "device_type" -> 0;
            case "reg" -> 1;
            case "ranges" -> 2;
            case "status" -> 5;
            default -> name.indexOf(',') > 0 && !name.startsWith("#") ? 4 : 3;
        };
    }

    public static final String[] GROUP_NAMES = {"compatible", "reg", "ranges", "standard properties",
        "vendor properties", "status"};
}
