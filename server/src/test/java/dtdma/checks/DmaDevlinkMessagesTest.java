package dtdma.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import dtdma.devlink.DevlinkChecks;
import dtdma.devlink.DevlinkSettings;
import dtdma.dma.DmaChecks;
import dtdma.testing.Kernel;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The exact text of every DT and DL finding of the DT and DL check fixtures ({@code fixtures/checks/NAME.dts} of
 * each class of {@link DmaChecks} and {@link DevlinkChecks}): code, source range, severity and message, against
 * {@code dl-dt-messages.txt}. {@code CheckFixturesTest} asserts code and range only; each check class composes its
 * own message from the facts of the decode or the simulation, and this keeps the wording (the kernel's messages,
 * the leaked channel, the driver's fallback) as it is.
 */
class DmaDevlinkMessagesTest {
    private static final Pattern DEVLINK = Pattern.compile("//\\s*devlink:\\s*(.*?)\\s*$", Pattern.MULTILINE);

    /** One line per finding: {@code FILE CODE START-END SEVERITY MESSAGE}, in report order. */
    static List<String> findings(Path dir, List<String> classes) throws IOException {
        List<String> out = new ArrayList<>();
        for (String name : classes) {
            Path f = dir.resolve(name + ".dts");
            String text = Files.readString(f);
            Matcher m = DEVLINK.matcher(text);
            DevlinkSettings dl = m.find() ? DevlinkSettings.parse(m.group(1)) : DevlinkSettings.NONE;
            BoardResult r = new Boards(List.of(), false, dl).load(f);
            for (Diagnostic d : r.diagnostics()) {
                String c = d.code().id();
                if (c.startsWith("DL") || c.startsWith("DT")) {
                    out.add(f.getFileName() + " " + c + " " + d.span().start() + "-" + d.span().end() + " "
                            + d.severity() + " " + d.message());
                }
            }
        }
        return out;
    }

    @Test
    void everyDtAndDlFixtureFindingReadsAsBefore() throws IOException {
        List<String> classes = new ArrayList<>();
        for (Check<?> c : DmaChecks.all()) {
            classes.add(c.getClass().getSimpleName());
        }
        for (Check<?> c : DevlinkChecks.all()) {
            if (Files.exists(Kernel.repo().resolve("fixtures/checks/" + c.getClass().getSimpleName() + ".dts"))) {
                classes.add(c.getClass().getSimpleName());
            }
        }
        List<String> expected;
        try (InputStream in = DmaDevlinkMessagesTest.class.getResourceAsStream("dl-dt-messages.txt")) {
            assertNotNull(in, "dl-dt-messages.txt");
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(String.join("\n", expected),
                String.join("\n", findings(Kernel.repo().resolve("fixtures/checks"), classes)));
    }
}
