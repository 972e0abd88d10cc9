package dtdma.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.testing.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry of the consumer-driver model ({@link DriverRequests}) against the driver's source in the Debian
 * 6.1 tree, one test per driver: each cited line says what the entry says, the compatibles are in the match
 * table, every requested name is requested, the request function is the one the entry names, and a driver
 * modelled as never requesting DMA has no dmaengine request at all.
 */
class KernelDriverRequestsTest {
    private static final Map<String, List<String>> FILES = new HashMap<>();

    static Stream<Arguments> drivers() {
        return DriverRequests.all().stream().map(d -> Arguments.of(d.name() + " (" + d.where() + ")", d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void entryAgreesWithTheKernelSource(String label, DriverRequests.Driver d) throws IOException {
        Path kernel = Kernel.tree();
        List<String> wrong = new ArrayList<>();
        String text = String.join("\n", lines(kernel, d.source()));
        boolean amba = text.contains("struct amba_driver");
        for (String c : d.compatibles()) {
            if (amba) {
                // AMBA drivers match the peripheral id; the part number in the compatible must be the cited id
                String part = c.replaceAll(".*,pl", "");
                if (d.cites().stream().noneMatch(x -> x.text().contains("0x00041" + part))) {
                    wrong.add("no cited AMBA id for " + c);
                }
            } else if (!text.contains(".compatible = \"" + c + "\"")) {
                wrong.add("compatible " + c + " not in the match table of " + d.source());
            }
        }
        for (DriverRequests.Cite cite : d.cites()) {
            List<String> ls = lines(kernel, cite.file());
            String at = cite.line() >= 1 && cite.line() <= ls.size() ? ls.get(cite.line() - 1) : "";
            if (!squash(at).contains(squash(cite.text()))) {
                wrong.add(cite + " should contain '" + cite.text() + "' but reads '" + at.strip() + "'");
            }
        }
        if (d.when() == DriverRequests.When.NEVER) {
            assertTrue(d.names().isEmpty(), "a driver that never requests lists no names");
            if (d.cites().isEmpty()) {
                assertFalse(Pattern.compile("dma_request_(chan|slave_channel|channel)\\b").matcher(text).find(),
                        d.source() + " requests DMA, but the entry says never");
            }
        } else {
            assertFalse(d.names().isEmpty(), "a requesting driver lists its names");
            assertTrue(d.cites().get(0).text().contains(d.how().function()),
                    "the first cite is the request itself, made with " + d.how().function());
            for (String n : d.names()) {
                if (!named(d, n)) {
                    wrong.add("no cited request for \"" + n + "\"");
                }
            }
        }
        assertEquals(List.of(), wrong, d.name());
    }

    /** The name is quoted in a cited line, or produced by a cited {@code sprintf(name, "...%c...")}. */
    private static boolean named(DriverRequests.Driver d, String name) {
        Pattern fmt = Pattern.compile("sprintf\\(name, \"([^\"]*)\"");
        for (DriverRequests.Cite c : d.cites()) {
            if (c.text().contains("\"" + name + "\"")) {
                return true;
            }
            Matcher m = fmt.matcher(c.text());
            if (m.find() && name.matches(Pattern.quote(m.group(1)).replace("%c", "\\E.\\Q"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyCompatibleHasOneDriverAndTheTableCoversTheIssueList() {
        Set<String> seen = new HashSet<>();
        for (DriverRequests.Driver d : DriverRequests.all()) {
            for (String c : d.compatibles()) {
                assertTrue(seen.add(c), c + " is listed by two entries");
            }
        }
        for (String c : List.of("fsl,imx6q-uart", "fsl,imx51-ecspi", "fsl,imx6q-i2c", "fsl,imx8mq-sai",
                "fsl,imx8mn-easrc", "fsl,imx53-asrc", "fsl,imx35-esai", "fsl,imx35-spdif", "fsl,imx8mm-micfil",
                "fsl,imx8mp-xcvr", "fsl,imx8mp-aud2htx", "fsl,imx27-nand", "snps,dw-apb-uart", "arm,pl011",
                "arm,pl022", "rockchip,rk3399-spi", "allwinner,sun8i-h3-spi", "allwinner,sun4i-a10-tcon",
                "st,stm32-sai-sub-a", "st,stm32h7-spi", "st,stm32f7-i2c", "st,stm32h7-uart")) {
            assertTrue(seen.contains(c), c + " has no entry");
        }
        assertEquals(DriverRequests.When.NEVER, DriverRequests.forCompatibles(List.of("fsl,imx31-nand",
                "fsl,imx27-nand")).when());
    }

    private static List<String> lines(Path kernel, String file) throws IOException {
        List<String> ls = FILES.get(file);
        if (ls == null) {
            Path p = kernel.resolve(file);
            assertTrue(Files.isRegularFile(p), p + " missing; scripts/setup-corpus.sh unpacks it");
            ls = Files.readAllLines(p);
            FILES.put(file, ls);
        }
        return ls;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
