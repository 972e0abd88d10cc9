package dtdma.format;

/** Text the formatter cannot lay out without risking its meaning; the file is then left as it is. */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public FormatException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset in the (LF-normalised) text where the problem was found. */
    public int offset() {
        return offset;
    }
}
