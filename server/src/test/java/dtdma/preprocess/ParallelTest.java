package dtdma.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dtdma.source.IncludeResolver;
import dtdma.source.KernelTree;
import dtdma.source.SourceLoader;
import dtdma.text.SourceRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Boards preprocessed in parallel through one cache give the same text as one at a time. */
class ParallelTest {
    @Test
    void parallelMatchesSequential() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(OracleTest.KERNEL.resolve("scripts/dtc/include-prefixes")), "no kernel tree");
        List<Path> boards = OracleTest.boards();
        SourceLoader loader = new SourceLoader(new SourceRegistry());
        IncludeResolver res = new IncludeResolver(KernelTree.detect(boards.get(0)).orElseThrow().includePaths());
        Preprocessor seq = new Preprocessor(loader, res, new PpCache());
        List<String> expected = boards.stream().map(b -> Flattened.of(seq.preprocess(loader.load(b).file(), Map.of())).text()).toList();
        Preprocessor par = new Preprocessor(loader, res, new PpCache());
        for (int round = 0; round < 2; round++) {
            List<String> got = boards.parallelStream()
                    .map(b -> Flattened.of(par.preprocess(loader.load(b).file(), Map.of())).text()).toList();
            assertEquals(expected, got);
        }
    }
}
