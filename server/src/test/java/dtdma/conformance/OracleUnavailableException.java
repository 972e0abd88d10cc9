package dtdma.conformance;

/** The reference tools ({@code cpp} or {@code dtc}) cannot be run on this machine. */
public final class OracleUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OracleUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
