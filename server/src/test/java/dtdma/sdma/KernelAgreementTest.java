package dtdma.sdma;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares the model's tables with a real kernel's {@code drivers/dma/imx-sdma.c} and
 * {@code include/linux/dma/imx-dma.h}, for the facts that kernel has. Each compared fact is counted;
 * the assertion lists every fact that differs.
 */
class KernelAgreementTest {
    private static String driver;
    private static String header;
    private static KernelBaseline baseline;
    private final List<String> failures = new ArrayList<>();
    private int passed;

    @BeforeAll
    static void read() throws IOException {
        assumeTrue(KernelTree.has("drivers/dma/imx-sdma.c") && KernelTree.has("include/linux/dma/imx-dma.h"),
            "no kernel tree at " + KernelTree.root());
        driver = KernelTree.stripComments(Files.readString(KernelTree.root().resolve("drivers/dma/imx-sdma.c")));
        header = KernelTree.stripComments(Files.readString(KernelTree.root().resolve("include/linux/dma/imx-dma.h")));
        List<String> names = enumNames();
        baseline = names.contains("IMX_DMATYPE_I2C") ? KernelBaseline.MAINLINE
            : names.contains("IMX_DMATYPE_HDMI") ? KernelBaseline.MAINLINE_PRE_I2C : KernelBaseline.LINUX_6_1;
    }

    private void fact(String name, Object expectedByModel, Object kernel) {
        if (Objects.equals(expectedByModel, kernel)) {
            passed++;
        } else {
            failures.add(name + ": model says " + expectedByModel + ", kernel says " + kernel);
        }
    }

    private void report(String what) {
        System.out.println("KernelAgreementTest[" + what + "] against " + KernelTree.root() + " (" + baseline.label()
            + "): " + passed + " passed, " + failures.size() + " failed");
        assertTrue(passed > 0, what + ": nothing compared");
        assertTrue(failures.isEmpty(), what + " differs from the kernel:\n  " + String.join("\n  ", failures));
    }

    private static String block(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        assertTrue(m.find(), "kernel source has no match for " + regex);
        return m.group(1);
    }

    private static List<String> enumNames() {
        String body = block(header, "enum\\s+sdma_peripheral_type\\s*\\{(.*?)\\}\\s*;");
        List<String> out = new ArrayList<>();
        for (String item : body.split(",")) {
            String t = item.trim();
            if (!t.isEmpty()) {
                assertTrue(!t.contains("="), "explicit enum values are not expected: " + t);
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void peripheralTypeEnum() {
        List<String> names = enumNames();
        for (int i = 0; i < names.size(); i++) {
            String model = PeripheralType.fromNumber(i).map(PeripheralType::kernelName).orElse("(none)");
            fact("enum sdma_peripheral_type value " + i, model, names.get(i));
        }
        for (PeripheralType t : PeripheralType.values()) {
            fact("type " + t.kernelName() + " present in " + baseline.label(), baseline.atLeast(t.since()),
                names.contains(t.kernelName()));
        }
        String prio = block(header, "enum\\s+imx_dma_prio\\s*\\{(.*?)\\}\\s*;").replaceAll("\\s+", "");
        fact("enum imx_dma_prio", "DMA_PRIO_HIGH=" + SdmaTables.DMA_PRIO_HIGH + ",DMA_PRIO_MEDIUM="
            + SdmaTables.DMA_PRIO_MEDIUM + ",DMA_PRIO_LOW=" + SdmaTables.DMA_PRIO_LOW, prio);
        report("enum");
    }

    @Test
    void scriptStructLayout() {
        String body = block(driver, "struct\\s+sdma_script_start_addrs\\s*\\{(.*?)\\}\\s*;");
        List<String> kernel = new ArrayList<>();
        Matcher m = Pattern.compile("s32\\s+(\\w+)\\s*;").matcher(body);
        while (m.find()) {
            kernel.add(m.group(1));
        }
        List<String> model = new ArrayList<>();
        for (ScriptField f : ScriptField.values()) {
            if (baseline.atLeast(f.since())) {
                model.add(f.fieldName());
            }
        }
        fact("struct sdma_script_start_addrs slot count", model.size(), kernel.size());
        for (int i = 0; i < Math.max(model.size(), kernel.size()); i++) {
            fact("struct sdma_script_start_addrs slot " + i, i < model.size() ? model.get(i) : null,
                i < kernel.size() ? kernel.get(i) : null);
        }
        Matcher v = Pattern.compile("#define\\s+SDMA_SCRIPT_ADDRS_ARRAY_SIZE_V(\\d)\\s+(\\d+)").matcher(driver);
        while (v.find()) {
            int major = Integer.parseInt(v.group(1));
            fact("SDMA_SCRIPT_ADDRS_ARRAY_SIZE_V" + major, baseline.firmwareTableSize(major),
                Integer.parseInt(v.group(2)));
        }
        fact("MAX_DMA_CHANNELS", SdmaTables.MAX_DMA_CHANNELS, intDefine("MAX_DMA_CHANNELS"));
        fact("EVENT_REMAP_CELLS", SdmaTables.EVENT_REMAP_CELLS, intDefine("EVENT_REMAP_CELLS"));
        report("struct");
    }

    private static Integer intDefine(String name) {
        Matcher m = Pattern.compile("#define\\s+" + name + "\\s+(0x[0-9a-fA-F]+|\\d+)").matcher(driver);
        return m.find() ? Integer.decode(m.group(1)) : null;
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\.(\\w+)\\s*=\\s*([^,}]+)").matcher(body);
        while (m.find()) {
            out.put(m.group(1), m.group(2).trim());
        }
        return out;
    }

    @Test
    void romScriptTables() {
        Matcher m = Pattern.compile("static\\s+(?:const\\s+)?struct\\s+sdma_script_start_addrs\\s+(\\w+)\\s*=\\s*\\{(.*?)\\}\\s*;",
            Pattern.DOTALL).matcher(driver);
        int tables = 0;
        while (m.find()) {
            tables++;
            String sym = m.group(1);
            ScriptTable model = SdmaTables.ROM_TABLES.stream().filter(t -> t.symbol().equals(sym)).findFirst()
                .orElse(null);
            fact("ROM table " + sym + " known to the model", true, model != null);
            if (model == null) {
                continue;
            }
            Map<String, String> k = fields(m.group(2));
            fact(sym + " entry count", model.entries().size(), k.size());
            for (Map.Entry<String, String> e : k.entrySet()) {
                ScriptField f = ScriptField.fromFieldName(e.getKey()).orElse(null);
                fact(sym + "." + e.getKey(), f == null ? null : model.entries().get(f), Integer.decode(e.getValue()));
            }
        }
        fact("number of ROM tables", SdmaTables.ROM_TABLES.size(), tables);
        report("ROM tables");
    }

    @Test
    void driverDataAndMatchTable() {
        Map<String, Map<String, String>> drvdata = new LinkedHashMap<>();
        Matcher m = Pattern.compile("static\\s+(?:const\\s+)?struct\\s+sdma_driver_data\\s+(\\w+)\\s*=\\s*\\{(.*?)\\}\\s*;",
            Pattern.DOTALL).matcher(driver);
        while (m.find()) {
            drvdata.put(m.group(1), fields(m.group(2)));
        }
        String ids = block(driver, "sdma_dt_ids\\s*\\[\\s*\\]\\s*=\\s*\\{(.*?)\\}\\s*;");
        Matcher e = Pattern.compile("\\.compatible\\s*=\\s*\"([^\"]+)\"\\s*,\\s*\\.data\\s*=\\s*&(\\w+)").matcher(ids);
        List<String> kernelOrder = new ArrayList<>();
        while (e.find()) {
            String compat = e.group(1);
            String sym = e.group(2);
            kernelOrder.add(compat);
            DriverData d = DriverData.forCompatible(compat).orElse(null);
            fact("sdma_dt_ids " + compat + " known to the model", true, d != null);
            if (d == null) {
                continue;
            }
            fact("sdma_dt_ids " + compat + " .data", d.symbol(), sym);
            Map<String, String> f = drvdata.get(sym);
            fact("struct sdma_driver_data " + sym + " found", true, f != null);
            if (f == null) {
                continue;
            }
            fact(sym + ".chnenbl0 macro", d.chnenbl0Macro(), f.get("chnenbl0"));
            fact(sym + ".chnenbl0 value", d.chnenbl0(), intDefine(f.get("chnenbl0")));
            fact(sym + ".num_events", d.numEvents(), Integer.decode(f.get("num_events")));
            String scripts = f.get("script_addrs");
            fact(sym + ".script_addrs", d.rom().map(t -> "&" + t.symbol()).orElse(null),
                scripts == null ? null : scripts.replaceAll("\\s+", ""));
            fact(sym + ".check_ratio", d.checkRatio(), truthy(f.get("check_ratio")));
            fact(sym + ".ecspi_fixed", d.ecspiFixed(), truthy(f.get("ecspi_fixed")));
        }
        fact("sdma_dt_ids order", SdmaTables.DRIVER_DATA.stream().map(DriverData::compatible).toList(), kernelOrder);
        report("driver data");
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("true") || v.equals("1"));
    }

    @Test
    void getPcCases() {
        String body = block(driver, "static\\s+int\\s+sdma_get_pc\\s*\\([^)]*\\)\\s*\\{(.*?)\\n\\}");
        String sw = body.substring(body.indexOf("switch"));
        // split into case groups: labels followed by statements up to break; / default:
        Matcher g = Pattern.compile("((?:case\\s+IMX_DMATYPE_\\w+\\s*:\\s*)+)(.*?)\\bbreak\\s*;", Pattern.DOTALL)
            .matcher(sw);
        int groups = 0;
        List<PeripheralType> seen = new ArrayList<>();
        while (g.find()) {
            groups++;
            List<String> labels = new ArrayList<>();
            Matcher l = Pattern.compile("case\\s+(IMX_DMATYPE_\\w+)").matcher(g.group(1));
            while (l.find()) {
                labels.add(l.group(1));
            }
            String stmts = g.group(2);
            List<String> perToMem = assigned(stmts, "per_2_emi");
            List<String> memToPer = assigned(stmts, "emi_2_per");
            List<String> perToPer = assigned(stmts, "per_2_per");
            List<String> memToMem = assigned(stmts, "emi_2_emi");
            boolean ram = stmts.contains("is_ram_script = true");
            for (String label : labels) {
                PeripheralType t = PeripheralType.fromKernelName(label).orElse(null);
                fact("sdma_get_pc case " + label + " known", true, t != null);
                if (t == null) {
                    continue;
                }
                seen.add(t);
                ScriptChoice plain = SdmaTables.scriptChoice(t, false).orElse(null);
                ScriptChoice fixed = SdmaTables.scriptChoice(t, true).orElse(null);
                fact("sdma_get_pc " + label + " handled", true, plain != null);
                if (plain == null) {
                    continue;
                }
                fact("sdma_get_pc " + label + " per->mem", names(plain.perToMem()), perToMem);
                fact("sdma_get_pc " + label + " per->per", names(plain.perToPer()), perToPer);
                fact("sdma_get_pc " + label + " mem->mem", names(plain.memToMem()), memToMem);
                fact("sdma_get_pc " + label + " is_ram_script", plain.ramScript(), ram);
                if (t == PeripheralType.CSPI) {
                    // if (ecspi_fixed) emi_2_per = ...; else { emi_2_per = ...; is_ram_script = true; }
                    fact("sdma_get_pc CSPI mem->per (fixed, not fixed)",
                        List.of(fixed.memToPer().fieldName(), plain.memToPer().fieldName()), memToPer);
                    fact("sdma_get_pc CSPI fixed is_ram_script", false, fixed.ramScript());
                } else {
                    fact("sdma_get_pc " + label + " mem->per", names(plain.memToPer()), memToPer);
                }
            }
        }
        for (PeripheralType t : PeripheralType.values()) {
            fact("sdma_get_pc handles " + t.kernelName(), t.supportedOn(baseline), seen.contains(t));
        }
        assertTrue(groups > 10, "sdma_get_pc parse found only " + groups + " case groups");
        report("sdma_get_pc");
    }

    private static List<String> assigned(String stmts, String var) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + var + "\\s*=\\s*sdma->script_addrs->(\\w+)").matcher(stmts);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> names(ScriptField f) {
        return f == null ? List.of() : List.of(f.fieldName());
    }
}
