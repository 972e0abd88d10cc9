package dtdma.text;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CancelTest {

    @Test
    void noneNeverCancels() {
        assertFalse(Cancel.NONE.isCancelled());
        assertDoesNotThrow(Cancel.NONE::check);
    }

    @Test
    void checkThrowsOnceTheFlagTurns() {
        AtomicBoolean flag = new AtomicBoolean();
        Cancel c = Cancel.of(flag::get);
        assertDoesNotThrow(c::check);
        flag.set(true);
        assertThrows(CancellationException.class, c::check);
    }

    @Test
    void orFiresWhenEitherDoes() {
        AtomicBoolean a = new AtomicBoolean();
        AtomicBoolean b = new AtomicBoolean();
        Cancel both = Cancel.of(a::get).or(Cancel.of(b::get));
        assertFalse(both.isCancelled());
        b.set(true);
        assertTrue(both.isCancelled());
        Cancel only = Cancel.of(a::get);
        assertSame(only, only.or(Cancel.NONE));
        assertSame(only, Cancel.NONE.or(only));
    }
}
