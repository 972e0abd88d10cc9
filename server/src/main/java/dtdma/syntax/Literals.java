package dtdma.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Decoding of dtc literals: escape sequences in strings and char literals (dgibson/dtc {@code util.c}
 * {@code get_escape_char}), integer literals with dtc's {@code strtoull(…, 0)} rules and suffixes.
 * Problems are reported through a callback as plain messages; the caller attaches code and span.
 */
public final class Literals {
    private Literals() {
    }

    /**
     * The bytes of a string or char literal body (without its quotes) after escape processing: ordinary
     * characters contribute their UTF-8 bytes, an escape contributes the one byte it denotes.
     */
    public static byte[] unescape(String body, Consumer<String> error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c != '\\') {
                int start = i;
                while (i < n && body.charAt(i) != '\\') {
                    i++;
                }
                byte[] b = body.substring(start, i).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            i++;
            if (i >= n) {
                out.write('\\');
                break;
            }
            char e = body.charAt(i++);
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 't' -> out.write(9);
                case 'n' -> out.write(10);
                case 'v' -> out.write(11);
                case 'f' -> out.write(12);
                case 'r' -> out.write(13);
                case 'x' -> {
                    int v = 0;
                    int k = 0;
                    while (k < 2 && i < n && Character.digit(body.charAt(i), 16) >= 0 && body.charAt(i) < 128) {
                        v = v * 16 + Character.digit(body.charAt(i), 16);
                        i++;
                        k++;
                    }
                    if (k == 0) {
                        error.accept("\\x used with no following hex digits");
                    } else {
                        out.write(v & 0xff);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 1;
                        while (k < 3 && i < n && body.charAt(i) >= '0' && body.charAt(i) <= '7') {
                            v = v * 8 + (body.charAt(i) - '0');
                            i++;
                            k++;
                        }
                        out.write(v & 0xff);
                    } else {
                        // any other character stands for itself (\\ \" \' and also \q -> q)
                        int cp = Character.isHighSurrogate(e) && i < n ? Character.toCodePoint(e, body.charAt(i++)) : e;
                        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                        out.write(b, 0, b.length);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** The value of a char literal body (without quotes): exactly one byte after escapes, else an error and 0. */
    public static long charValue(String body, Consumer<String> error) {
        byte[] b = unescape(body, error);
        if (b.length == 0) {
            error.accept("empty character literal");
            return 0;
        }
        if (b.length > 1) {
            error.accept("character literal has " + b.length + " characters instead of 1");
            return 0;
        }
        return b[0] & 0xffL;
    }

    /**
     * The value of an integer literal ({@code 123}, {@code 0x1f}, octal {@code 017}, optional
     * {@code U L UL LL ULL} suffix) as an unsigned 64-bit value; invalid octal digits and values above
     * 2^64-1 are reported and give 0.
     */
    public static long integerValue(String text, Consumer<String> error) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == 'U' || text.charAt(end - 1) == 'L')) {
            end--;
        }
        String digits = text.substring(0, end);
        int radix = 10;
        String body = digits;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            body = digits.substring(2);
        } else if (digits.length() > 1 && digits.charAt(0) == '0') {
            radix = 8;
            body = digits.substring(1);
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c > '7') {
                    error.accept("invalid octal digit '" + c + "' in '" + text + "' (a leading 0 makes the number octal)");
                    return 0;
                }
            }
        }
        try {
            return Long.parseUnsignedLong(body, radix);
        } catch (NumberFormatException e) {
            error.accept("integer literal '" + text + "' is out of the 64-bit range");
            return 0;
        }
    }
}
