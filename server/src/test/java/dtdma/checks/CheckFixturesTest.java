package dtdma.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dtdma.check.Diagnostic;
import dtdma.devlink.DevlinkSettings;
import dtdma.dtc.DtcWarnings;
import dtdma.style.StyleChecks;
import dtdma.testing.Kernel;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One fixture per check under {@code fixtures/checks/<CheckClass>.dts}. A line ending in
 * {@code // expect CODE TEXT} expects a diagnostic with that code whose range covers exactly TEXT on that
 * line (several may share a line); every diagnostic in the fixture must be expected, and every expectation met.
 * A line starting {@code // style:} also runs the style checks (STY0xx) on the fixture.
 * A line {@code // devlink: WORDS} runs the device-link simulation with {@link DevlinkSettings#parse}{@code (WORDS)}.
 * dtc's checks (DC0xx) run at the kernel's default level, as for users, unless a line
 * {@code // dtc-warnings: SPEC} says otherwise ({@link DtcWarnings#parse}, e.g. {@code none -Wreg_format}, so that
 * a fixture of one of dtc's checks shows that check alone).
 * A line {@code // bindings: DIR} validates against the binding schemas in DIR (relative to the fixture) and an
 * installed dt-schema's core schemas (skipped when dt-schema is not installed).
 */
class CheckFixturesTest {
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect\\s+(\\w+)\\s+(.+?)\\s*(?=//\\s*expect|$)");
    private static final Pattern STYLE = Pattern.compile("^//\\s*style:");
    private static final Pattern DEVLINK = Pattern.compile("//\\s*devlink:\\s*(.*?)\\s*$");
    private static final Pattern BINDINGS = Pattern.compile("//\\s*bindings:\\s*(.*?)\\s*$");
    private static final Pattern DTC = Pattern.compile("//\\s*dtc-warnings:\\s*(.*?)\\s*$");

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        Path dir = Kernel.repo().resolve("fixtures/checks");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no fixtures in " + dir);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path fixture) throws IOException {
        List<String> lines = Files.readAllLines(fixture);
        TreeSet<String> expected = new TreeSet<>();
        DevlinkSettings devlink = DevlinkSettings.NONE;
        Path bindings = null;
        DtcWarnings dtc = DtcWarnings.KERNEL;
        boolean style = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            while (m.find()) {
                expected.add((i + 1) + " " + m.group(1) + " " + m.group(2));
            }
            style |= STYLE.matcher(lines.get(i)).find();
            Matcher d = DEVLINK.matcher(lines.get(i));
            if (d.find()) {
                devlink = DevlinkSettings.parse(d.group(1));
            }
            Matcher b = BINDINGS.matcher(lines.get(i));
            if (b.find()) {
                bindings = fixture.getParent().resolve(b.group(1)).normalize();
            }
            Matcher w = DTC.matcher(lines.get(i));
            if (w.find()) {
                dtc = DtcWarnings.parse(w.group(1));
            }
        }
        assertFalse(expected.isEmpty(), fixture + " expects nothing");
        Boards boards = new Boards(List.of(), false, devlink, dtc);
        if (bindings != null) {
            Path dtSchema = dtdma.bindings.BindingSources.dtSchemaDir(null).orElse(null);
            org.junit.jupiter.api.Assumptions.assumeTrue(dtSchema != null,
                    "dt-schema not installed (scripts/setup-corpus.sh installs it)");
            boards.setBindings(dtdma.bindings.BindingSet.load(bindings, dtSchema,
                    dtdma.bindings.BindingSources.defaultCacheDir(), null));
        }
        BoardResult r = boards.load(fixture);
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        if (style) {
            for (int id = 0; id < boards.sources().size(); id++) {
                SourceFile sf = boards.sources().get(id);
                if (sf != null && sf.path().getFileName().equals(fixture.getFileName())) {
                    all.addAll(StyleChecks.run(sf, dtdma.workspace.FormatHints.labelOrder(r.tree())));
                }
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        for (Diagnostic d : all) {
            SourceFile f = boards.sources().get(d.span().fileId());
            LineIndex.Location at = f.lines().location(d.span().start());
            String where = f.path().getFileName().toString().equals(fixture.getFileName().toString())
                    ? String.valueOf(at.line1()) : f.path().getFileName() + ":" + at.line1();
            actual.add(where + " " + d.code().id() + " " + f.text().substring(d.span().start(), d.span().end()));
        }
        assertEquals(new ArrayList<>(expected), new ArrayList<>(actual), "diagnostics of " + fixture.getFileName());
    }

    /** Codes that no source can produce, with the reason (a fixture cannot show them). */
    private static final java.util.Map<dtdma.check.Code, String> UNREACHABLE = java.util.Map.of(
            dtdma.check.Code.TR017, "a bad /bits/ size is reported by the parser (DTS003), which then reads the cells as 32 bits");

    /**
     * dtc's checks that record what later checks need (cell sizes, bus kinds) and report nothing themselves: their
     * fixtures show their effect on the checks that depend on them.
     */
    private static final java.util.Set<String> REPORT_NOTHING = java.util.Set.of("AddrSizeCells", "SimpleBusBridge",
            "GraphNodes");

    /**
     * Checks whose findings come only from a scenario step after boot, which a fixture (analysed as a board is, up
     * to boot) cannot take: DL014 needs a controller unbound while clients hold channels (DevlinkScenarioTest).
     */
    private static final java.util.Set<String> SCENARIO_ONLY = java.util.Set.of("UnbindWithActiveClients");

    /** Every check class in every registry has its fixture, named after the class, expecting the check's code. */
    @org.junit.jupiter.api.Test
    void everyCheckClassHasAFixture() throws IOException {
        Path dir = Kernel.repo().resolve("fixtures/checks");
        List<dtdma.check.Check<?>> checks = new ArrayList<>();
        checks.addAll(dtdma.tree.TreeChecks.all());
        checks.addAll(dtdma.dtc.DtcChecks.all());
        checks.addAll(dtdma.dma.DmaChecks.all());
        checks.addAll(dtdma.sdma.SdmaChecks.all());
        checks.addAll(dtdma.devlink.DevlinkChecks.all());
        checks.addAll(dtdma.style.StyleChecks.ALL);
        List<String> missing = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (dtdma.check.Check<?> c : checks) {
            String name = c.getClass().getSimpleName();
            org.junit.jupiter.api.Assertions.assertTrue(names.add(name), "two check classes are named " + name);
            Path f = dir.resolve(name + ".dts");
            if (SCENARIO_ONLY.contains(name)) {
                continue;
            }
            if (!Files.isRegularFile(f)) {
                missing.add(name + " (no " + f.getFileName() + ")");
            } else if (!REPORT_NOTHING.contains(name) && !Files.readString(f).matches("(?s).*//\\s*expect\\s+" + c.code().id() + "\\b.*")) {
                missing.add(name + " (" + f.getFileName() + " expects no " + c.code().id() + ")");
            }
        }
        assertEquals(List.of(), missing, "check classes without a fixture showing their code");
    }

    /** Every TR code (found while the tree is built) is expected, with its exact range, in some fixture. */
    @org.junit.jupiter.api.Test
    void everyTreeCodeIsExpectedWithItsRange() throws IOException {
        Path dir = Kernel.repo().resolve("fixtures/checks");
        java.util.Set<String> expected = new java.util.HashSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".dts")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = EXPECT.matcher(line);
                    while (m.find()) {
                        expected.add(m.group(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (dtdma.check.Code c : dtdma.check.Code.values()) {
            if (c.id().startsWith("TR") && !expected.contains(c.id()) && !UNREACHABLE.containsKey(c)) {
                missing.add(c.id());
            }
        }
        assertEquals(List.of(), missing, "TR codes no fixture expects");
        for (dtdma.check.Code c : UNREACHABLE.keySet()) {
            assertFalse(expected.contains(c.id()), c.id() + " is expected in a fixture: remove it from UNREACHABLE");
        }
    }
}
