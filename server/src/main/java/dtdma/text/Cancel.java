package dtdma.text;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A cancel signal that long-running work polls: the preprocessor, the parser, the tree builder, every check and
 * every feature call {@link #check()} in their loops, so a superseded analysis or a cancelled request stops within
 * milliseconds instead of running to the end on stale text.
 *
 * <p>It lives in the lowest layer so that every package can take one without importing a higher layer.
 */
@FunctionalInterface
public interface Cancel {

    /** Never cancelled: for the CLI and for tests. */
    Cancel NONE = () -> false;

    /** True once the work should stop. Cheap enough to call in an inner loop. */
    boolean isCancelled();

    /**
     * Stops the work when it is cancelled.
     *
     * @throws CancellationException when {@link #isCancelled()} is true
     */
    default void check() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }

    /** A cancel signal that fires when either this one or {@code other} does. */
    default Cancel or(Cancel other) {
        if (other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        return () -> isCancelled() || other.isCancelled();
    }

    /** Adapts a flag such as the LSP cancel checker's or an epoch comparison. */
    static Cancel of(BooleanSupplier flag) {
        return flag::getAsBoolean;
    }
}
