package dtdma.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralsTest {
    @Test
    void escapes() {
        List<String> errs = new ArrayList<>();
        assertArrayEquals(new byte[] {7, 8, 9, 10, 11, 12, 13}, Literals.unescape("\\a\\b\\t\\n\\v\\f\\r", errs::add));
        assertArrayEquals(new byte[] {0, 'x', 0x53, '4'}, Literals.unescape("\\0x\\1234", errs::add));
        assertArrayEquals(new byte[] {(byte) 0xab, 'c', 0x0f, 'g'}, Literals.unescape("\\xabc\\xfg", errs::add));
        assertArrayEquals(new byte[] {(byte) 0xff}, Literals.unescape("\\777", errs::add));
        assertArrayEquals(new byte[] {'q', '\\', '"'}, Literals.unescape("\\q\\\\\\\"", errs::add));
        assertEquals(List.of(), errs);
        Literals.unescape("\\xg", errs::add);
        assertEquals(List.of("\\x used with no following hex digits"), errs);
    }

    @Test
    void integers() {
        List<String> errs = new ArrayList<>();
        assertEquals(8, Literals.integerValue("010", errs::add));
        assertEquals(0, Literals.integerValue("0", errs::add));
        assertEquals(0, Literals.integerValue("00", errs::add));
        assertEquals(255, Literals.integerValue("0xffULL", errs::add));
        assertEquals(-1L, Literals.integerValue("0xffffffffffffffff", errs::add));
        assertEquals(-1L, Literals.integerValue("01777777777777777777777", errs::add));
        assertEquals(List.of(), errs);
        Literals.integerValue("09", errs::add);
        Literals.integerValue("18446744073709551616", errs::add);
        assertEquals(2, errs.size());
    }
}
