package dtdma.sdma;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dtdma.check.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sanity check of the tables against the real i.MX dtsi files: a plain text scan (no parser) for
 * {@code dmas = <&sdma...>} specifiers. Every peripheral type number in use must be a known enum value,
 * and, where the SDMA node's compatible is found in the same file, every event must be in range.
 */
class DtsiSpecifierScanTest {
    private static final Pattern CONTROLLER = Pattern.compile(
        "(\\w+)\\s*:\\s*[\\w-]+@[0-9a-fA-F]+\\s*\\{[^{}]*?compatible\\s*=\\s*((?:\"[^\"]*\"\\s*,?\\s*)+);",
        Pattern.DOTALL);
    private static final Pattern DMAS = Pattern.compile("\\bdmas\\s*=\\s*([^;]*);");
    private static final Pattern SPEC = Pattern.compile("<\\s*&(\\w+)\\s+([^>]*)>");

    private static List<Path> dtsiFiles() throws IOException {
        Path root = KernelTree.root();
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("arch/arm/boot/dts", "arch/arm/boot/dts/nxp/imx", "arch/arm64/boot/dts/freescale")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().matches("imx.*\\.dtsi")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static Long number(String s) {
        try {
            return Long.decode(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void everyTypeInUseIsKnownAndEventsAreInRange() throws IOException {
        List<Path> files = dtsiFiles();
        assumeTrue(!files.isEmpty(), "no i.MX dtsi files under " + KernelTree.root());
        int specifiers = 0;
        int decoded = 0;
        int nonNumeric = 0;
        Map<Integer, Integer> typeUse = new TreeMap<>();
        Map<String, Integer> codeCounts = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text = KernelTree.stripComments(Files.readString(f));
            Map<String, List<String>> controllers = new TreeMap<>();
            Matcher c = CONTROLLER.matcher(text);
            while (c.find()) {
                List<String> compat = new ArrayList<>();
                Matcher q = Pattern.compile("\"([^\"]*)\"").matcher(c.group(2));
                while (q.find()) {
                    compat.add(q.group(1));
                }
                controllers.put(c.group(1), compat);
            }
            Matcher d = DMAS.matcher(text);
            while (d.find()) {
                Matcher s = SPEC.matcher(d.group(1));
                while (s.find()) {
                    if (!s.group(1).startsWith("sdma")) {
                        continue;
                    }
                    specifiers++;
                    String[] args = s.group(2).trim().split("\\s+");
                    String where = f.getFileName() + ": <&" + s.group(1) + " " + s.group(2).trim() + ">";
                    if (args.length != 3) {
                        problems.add(where + ": " + args.length + " cells, expected 3");
                        continue;
                    }
                    Long event = number(args[0]);
                    Long type = number(args[1]);
                    Long prio = number(args[2]);
                    if (event == null || type == null || prio == null) {
                        nonNumeric++;
                        continue;
                    }
                    typeUse.merge(type.intValue(), 1, Integer::sum);
                    if (PeripheralType.fromNumber(type).isEmpty()) {
                        problems.add(where + ": type " + type + " is not an enum sdma_peripheral_type value");
                    }
                    List<String> compat = controllers.get(s.group(1));
                    if (compat == null) {
                        continue;
                    }
                    DriverData dd = DriverData.match(compat).map(DriverData.Match::data).orElse(null);
                    if (dd == null) {
                        problems.add(where + ": controller compatible " + compat + " has no driver data");
                        continue;
                    }
                    decoded++;
                    SdmaSpecifier.Decoded r = SdmaSpecifier.decode(dd, event, type, prio, null,
                        new SdmaSpecifier.Options(KernelBaseline.LINUX_6_1, null));
                    if (!r.eventInRange()) {
                        problems.add(where + ": event " + event + " >= " + dd.numEvents());
                    }
                    for (SdmaFinding x : r.findings()) {
                        codeCounts.merge(x.code().id(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("DtsiSpecifierScanTest: " + files.size() + " files, " + specifiers + " SDMA specifiers, "
            + decoded + " decoded against their controller, " + nonNumeric + " with macro cells; types in use "
            + typeUse + "; findings by code " + codeCounts);
        assertTrue(specifiers > 20, "too few SDMA specifiers found (" + specifiers + "): scan is broken");
        assertTrue(decoded > 20, "too few specifiers decoded (" + decoded + "): controller scan is broken");
        assertTrue(problems.isEmpty(), "dtsi specifiers the tables do not cover:\n  " + String.join("\n  ", problems));
        // imx31.dtsi uses type 17 (FIFO_MEMORY), which the driver does not support: the model must say so
        if (typeUse.containsKey(17)) {
            assertTrue(codeCounts.getOrDefault(Code.SD003.id(), 0) > 0, "type 17 in use but no SD003");
        }
    }
}
