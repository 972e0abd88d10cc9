package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every entry of {@link DriverRequests} is checked against the driver's source in the Debian 6.1 tree. */
class KernelDriverRequestsTest {
    @Test
    void tableAgreesWithTheKernelSources() throws IOException {
        Path kernel = Kernel.tree();
        List<String> wrong = new ArrayList<>();
        int facts = 0;
        for (DriverRequests.Driver d : DriverRequests.all()) {
            Path src = kernel.resolve(d.source());
            assertTrue(Files.isRegularFile(src), src + " missing; scripts/setup-corpus.sh unpacks it");
            String text = Files.readString(src);
            facts++;
            if (!Pattern.compile("\\b" + d.function() + "\\s*\\(").matcher(text).find()) {
                wrong.add(d.name() + ": no function " + d.function() + " in " + d.source());
            }
            for (String c : d.compatibles()) {
                facts++;
                if (!text.contains(".compatible = \"" + c + "\"")) {
                    wrong.add(d.name() + ": compatible " + c + " not in the match table of " + d.source());
                }
            }
            for (String n : d.names()) {
                facts++;
                if (!Pattern.compile("dma_request_(chan|slave_channel)\\(\\s*\\w+\\s*,\\s*\"" + n + "\"\\s*\\)")
                        .matcher(text).find()) {
                    wrong.add(d.name() + ": no request for \"" + n + "\" in " + d.source());
                }
            }
        }
        System.out.println("driver facts checked: " + facts + ", wrong: " + wrong.size());
        assertEquals(List.of(), wrong);
    }
}
