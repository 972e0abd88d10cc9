package dtdma.sdma;

import dtdma.check.Code;
import dtdma.check.Severity;
import java.util.Objects;

/**
 * A finding of the SDMA model before it has a place in a file: the caller turns it into a
 * {@code dtdma.check.Diagnostic} by attaching the span of the cell or property it is about.
 *
 * @param code      the catalogue code (SD0xx)
 * @param severity  the severity; usually the code's own, lower when the outcome depends on firmware
 * @param message   one line that carries the kernel's reason
 * @param uncertain true when the finding rests on a fact the domain document marks UNVERIFIED (or on a
 *                  heuristic), so the UI must present it as uncertain
 */
public record SdmaFinding(Code code, Severity severity, String message, boolean uncertain) {
    public SdmaFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A finding with the code's default severity. */
    public static SdmaFinding of(Code code, String message, boolean uncertain) {
        return new SdmaFinding(code, code.severity(), message, uncertain);
    }
}
