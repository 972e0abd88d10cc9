package dtdma.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output with a size budget: once a command has written {@code max} bytes the next write throws
 * {@link LimitExceeded}, which the command line reports as "output exceeds N bytes; stopped" with exit code 2.
 */
final class LimitedOutputStream extends FilterOutputStream {
    private final long max;
    private long written;

    LimitedOutputStream(OutputStream out, long max) {
        super(out);
        this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) {
        if (written + n > max) {
            written = max;
            throw new LimitExceeded("the output exceeds " + max + " bytes; stopped");
        }
        written += n;
    }

    /** The budget was exceeded. */
    static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }
}
