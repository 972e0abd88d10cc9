package dtdma.workspace;

import java.nio.file.Path;
import java.util.List;

/** Loading whole boards: the single entry point the conformance test and the benchmark use. */
public final class Boards {
    private Boards() {
    }

    /**
     * Preprocesses, parses and merges one board file as the kernel build would.
     *
     * @param board       the {@code .dts} file
     * @param includeDirs the preprocessor's {@code -I} directories (for the kernel:
     *                    {@code scripts/dtc/include-prefixes})
     * @throws UnsupportedOperationException until the front end is merged
     */
    public static BoardResult load(Path board, List<Path> includeDirs) {
        throw new UnsupportedOperationException("front end not merged yet");
    }
}
