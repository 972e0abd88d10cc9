package dtdma.bindings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.conformance.DtcOracle;
import dtdma.conformance.OracleResult;
import dtdma.testing.Kernel;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * dtdma's binding validation against dt-schema's own ({@code dt-mk-schema} + {@code dt-validate}, Debian's
 * dt-schema 2022.08, the release matching Linux 6.1) on real i.MX boards: each board compiled by cpp + dtc,
 * validated by dt-validate (cached, it is slow), and compared with dtdma's findings on (node name as dt-validate
 * prints it, property or child, kind of failure). By default a fixed sample covering every i.MX SoC family;
 * {@code -Ddtdma.bindings.allBoards=true} runs every {@code imx*.dts} in arm and {@code freescale/*.dts} in arm64
 * (add {@code -Ddtdma.bindings.cachedOnly=true} to compare only the boards dt-validate has already reported on);
 * {@code -Ddtdma.bindings.boards=arm/boot/dts/a.dts,...} runs the boards named (relative to {@code arch}).
 * The sample must agree exactly; the full run may differ on at most 5% of the findings.
 *
 * <p>One difference is dt-validate's, not a finding: its jsonschema library also reports a property whose value
 * failed a rule as "unevaluated" when the binding closes the node with {@code unevaluatedProperties: false}.
 * That echo is not counted when the same node has another finding on the same property (dtdma does not
 * report it twice either). Values dt-validate cannot decode from the blob (string lists of a property no binding
 * types, printed as {@code b'...'}) are not compared: dtdma reads their type from the source.
 */
class BindingsDifferentialTest {
    static final List<String> SAMPLE = List.of(
            "arm/boot/dts/imx1-ads.dts", "arm/boot/dts/imx23-evk.dts", "arm/boot/dts/imx25-pdk.dts",
            "arm/boot/dts/imx27-pdk.dts", "arm/boot/dts/imx28-evk.dts", "arm/boot/dts/imx31-bug.dts",
            "arm/boot/dts/imx35-pdk.dts", "arm/boot/dts/imx50-evk.dts", "arm/boot/dts/imx51-babbage.dts",
            "arm/boot/dts/imx53-qsb.dts", "arm/boot/dts/imx6q-sabresd.dts", "arm/boot/dts/imx6sl-evk.dts",
            "arm/boot/dts/imx6sll-evk.dts", "arm/boot/dts/imx6sx-sdb.dts", "arm/boot/dts/imx6ul-14x14-evk.dts",
            "arm/boot/dts/imx6ull-14x14-evk.dts", "arm/boot/dts/imx7d-sdb.dts", "arm/boot/dts/imx7ulp-evk.dts",
            "arm/boot/dts/imxrt1050-evk.dts", "arm64/boot/dts/freescale/imx8mm-evk.dts",
            "arm64/boot/dts/freescale/imx8mn-evk.dts", "arm64/boot/dts/freescale/imx8mp-evk.dts",
            "arm64/boot/dts/freescale/imx8mq-evk.dts", "arm64/boot/dts/freescale/imx8qxp-mek.dts",
            "arm64/boot/dts/freescale/imx8ulp-evk.dts", "arm64/boot/dts/freescale/imx93-11x11-evk.dts",
            // where the every-board run differed: an anyOf failing on an item and on the list (syscon), a plain
            // "contains" (PCI functions), dt-validate's echo of a dropped "required" in a disabled node (nwl-dsi's
            // ports) and its echo inside a child checked from the parent (the SCU watchdog)
            "arm64/boot/dts/freescale/fsl-ls1028a-rdb.dts", "arm64/boot/dts/freescale/imx8mq-thor96.dts",
            "arm64/boot/dts/freescale/imx8dxl-evk.dts");

    @Test
    void agreesWithDtValidate() throws Exception {
        Path kernel = Kernel.tree();
        Assumptions.assumeTrue(DtValidateOracle.available(),
                "dt-validate not installed: install Debian's dt-schema (scripts/setup-corpus.sh does)");
        Path dtSchema = BindingSources.dtSchemaDir(null).orElse(null);
        Assumptions.assumeTrue(dtSchema != null, "dt-schema's schemas not found");
        Path bindingsDir = kernel.resolve("Documentation/devicetree/bindings");
        List<Path> boards = boards(kernel);
        DtValidateOracle oracle = DtValidateOracle.create(bindingsDir, DtcOracle.defaultCacheDir());
        DtcOracle dtc = DtcOracle.create(kernel);
        BindingSet set = BindingSet.load(bindingsDir, dtSchema, BindingSources.defaultCacheDir(), null);
        Boards shared = new Boards(List.of(), true);
        shared.setBindings(set);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Path, Future<String>> reports = new HashMap<>();
        for (Path b : boards) {
            reports.put(b, pool.submit(() -> {
                OracleResult r = dtc.compile(b);
                return r.ok() ? oracle.validate(r.dtb()) : null;
            }));
        }
        int agreed = 0;
        int compared = 0;
        int skipped = 0;
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        long dtdmaNanos = 0;
        try {
            for (Path b : boards) {
                String report = reports.get(b).get();
                if (report == null) {
                    skipped++;
                    continue; // dtc rejects the board, or (cachedOnly) dt-validate has not seen it yet
                }
                compared++;
                long t0 = System.nanoTime();
                Analysis a = shared.analyse(b, () -> false);
                dtdmaNanos += System.nanoTime() - t0;
                List<DtValidateOracle.Key> theirs = DtValidateOracle.parse(report);
                List<DtValidateOracle.Key> ours = new ArrayList<>();
                if (a.bindings() != null) {
                    a.bindings().findings().forEach(f -> ours.add(DtValidateOracle.key(f)));
                }
                Set<String> otherFindings = new HashSet<>();
                for (DtValidateOracle.Key k : theirs) {
                    if (!k.unevaluated()) {
                        otherFindings.add(k.node() + "\0" + k.property());
                    }
                }
                theirs.removeIf(k -> k.unevaluated() && otherFindings.contains(k.node() + "\0" + k.property()));
                theirs.replaceAll(DtValidateOracle.Key::plain);
                String name = kernel.resolve("arch").relativize(b).toString();
                for (DtValidateOracle.Key k : theirs) {
                    if (ours.remove(k)) {
                        agreed++;
                    } else {
                        missing.add(name + ": " + k);
                    }
                }
                for (DtValidateOracle.Key k : ours) {
                    extra.add(name + ": " + k);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("dtdma vs %s on %d i.MX boards (%d not compared): %d findings agreed, %d missing, %d extra%n",
                DtValidateOracle.version(), compared, skipped, agreed, missing.size(), extra.size());
        System.out.printf("dtdma analysis with binding validation: %.1f s for all boards%n", dtdmaNanos / 1e9);
        List<String> all = new ArrayList<>();
        missing.forEach(m -> all.add("missing " + m));
        extra.forEach(m -> all.add("extra   " + m));
        Files.write(Path.of("target/bindings-differential.txt"), all);
        missing.stream().limit(15).forEach(m -> System.out.println("  missing " + m));
        extra.stream().limit(15).forEach(m -> System.out.println("  extra   " + m));
        assertTrue(agreed > 0, "no finding agreed: the comparison is broken");
        int differences = missing.size() + extra.size();
        if (!Boolean.getBoolean("dtdma.bindings.allBoards")) {
            // the sample agrees exactly: any difference is a regression
            assertTrue(differences == 0, "findings differ from dt-validate's on the sample: " + missing.size()
                    + " missing, " + extra.size() + " extra (see target/bindings-differential.txt)");
        } else {
            assertTrue(differences * 20 <= agreed,
                    "more than 5% of the findings differ from dt-validate's: " + differences + " of " + agreed);
        }
    }

    private static List<Path> boards(Path kernel) throws IOException {
        String named = System.getProperty("dtdma.bindings.boards", "");
        if (!named.isBlank()) {
            return java.util.Arrays.stream(named.split(",")).map(String::strip)
                    .map(s -> kernel.resolve("arch").resolve(s)).filter(Files::isRegularFile).toList();
        }
        if (!Boolean.getBoolean("dtdma.bindings.allBoards")) {
            return SAMPLE.stream().map(s -> kernel.resolve("arch").resolve(s)).filter(Files::isRegularFile).toList();
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(kernel.resolve("arch/arm/boot/dts"))) {
            s.filter(p -> p.getFileName().toString().matches("imx.*\\.dts")).sorted().forEach(out::add);
        }
        try (Stream<Path> s = Files.list(kernel.resolve("arch/arm64/boot/dts/freescale"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".dts")).sorted().forEach(out::add);
        }
        return out;
    }
}
