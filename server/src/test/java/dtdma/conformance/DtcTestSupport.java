package dtdma.conformance;

import dtdma.fdt.Fdt;
import dtdma.fdt.FdtException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: compile small inline sources with the real dtc (tests skip when it is missing). */
public final class DtcTestSupport {
    private DtcTestSupport() {
    }

    /** An oracle without a cache, or a skipped test when cpp or dtc is missing. */
    public static DtcOracle oracle(Path kernel, Path cache) {
        try {
            return new DtcOracle(kernel, cache, "cpp", "dtc", Duration.ofSeconds(30));
        } catch (OracleUnavailableException e) {
            Assumptions.abort("reference tools unavailable: " + e.getMessage());
            throw e;
        }
    }

    /** Compiles dts text with dtc and returns the blob, failing the test if dtc rejects it. */
    public static byte[] dtb(String dts) throws IOException {
        OracleResult r = oracle(Path.of("."), null).compilePreprocessed(dts.getBytes(StandardCharsets.UTF_8), List.of());
        if (!r.ok()) {
            throw new AssertionError("dtc rejected the test source: exit " + r.exitCode() + "\n" + r.stderr());
        }
        return r.dtb();
    }

    public static Fdt fdt(String dts) throws IOException, FdtException {
        return Fdt.parse(dtb(dts));
    }
}
