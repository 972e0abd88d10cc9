package dtdma.conformance;

/**
 * What the reference toolchain (cpp, then dtc) made of one board.
 *
 * @param exitCode   dtc's exit code, or cpp's when cpp failed (then {@code dtb} is null); -1 after a timeout
 * @param dtb        the blob dtc wrote, or null when it wrote none
 * @param stderr     cpp's and dtc's standard error, in that order
 * @param stage      which tool decided the result: {@code "cpp"} or {@code "dtc"}
 * @param fromCache  whether dtc's part came from the on-disk cache
 */
public record OracleResult(int exitCode, byte[] dtb, String stderr, String stage, boolean fromCache) {
    /** Whether dtc accepted the board and wrote a blob. */
    public boolean ok() {
        return exitCode == 0 && dtb != null;
    }
}
