package dtdma.dtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtdma.check.Code;
import dtdma.testing.Kernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The warning levels as the kernel's build sets them, dtc's -W/-Wno- options, and the catalogue of checks. */
class DtcWarningsTest {
    @Test
    void kernelLevelIsWhatMakeDtbsShows() {
        DtcWarnings k = DtcWarnings.KERNEL;
        assertTrue(k.enabled("reg_format"));
        assertTrue(k.enabled("unit_address_format"));
        assertFalse(k.enabled("unit_address_vs_reg"));
        assertFalse(k.enabled("simple_bus_reg"));
        assertFalse(k.enabled("interrupt_provider"));
        assertFalse(k.enabled("node_name_chars_strict"), "off in dtc itself");
        assertFalse(k.enabled("deprecated_gpio_property"), "off in dtc itself");
    }

    @Test
    void w1AddsTheNoisyChecksAndW2TheStrictOnes() {
        DtcWarnings w1 = DtcWarnings.of("W=1");
        assertTrue(w1.enabled("unit_address_vs_reg") && w1.enabled("unique_unit_address") && w1.enabled("simple_bus_reg"));
        assertFalse(w1.enabled("interrupt_provider"));
        assertFalse(w1.enabled("node_name_chars_strict"));
        DtcWarnings w2 = DtcWarnings.of("w=2");
        assertTrue(w2.enabled("node_name_chars_strict") && w2.enabled("property_name_chars_strict")
                && w2.enabled("interrupt_provider"));
        assertFalse(w2.enabled("unit_address_vs_reg"), "W=2 alone keeps the -Wno list of W!=1");
        DtcWarnings w12 = DtcWarnings.of("W=12");
        assertTrue(w12.enabled("unit_address_vs_reg") && w12.enabled("node_name_chars_strict"));
        assertEquals(DtcChecks.all().size(), DtcWarnings.ALL.enabledChecks().size());
        assertTrue(DtcWarnings.NONE.enabledChecks().isEmpty());
    }

    @Test
    void dtcOptionsTurnSingleChecksOnAndOffInOrder() {
        DtcWarnings w = DtcWarnings.parse("kernel -Wunique_unit_address -Wno-reg_format");
        assertTrue(w.enabled("unique_unit_address"));
        assertFalse(w.enabled("reg_format"));
        assertTrue(w.with("-Wreg_format").enabled("reg_format"));
        assertFalse(w.with("-Wno-unique_unit_address").enabled("unique_unit_address"));
        assertEquals(Set.of("alias_paths"), DtcWarnings.parse("none -Walias_paths").enabledChecks());
        assertThrows(IllegalArgumentException.class, () -> DtcWarnings.parse("W=3"));
        assertThrows(IllegalArgumentException.class, () -> DtcWarnings.parse("kernel -Wno-such_check"));
        assertThrows(IllegalArgumentException.class, () -> DtcWarnings.parse("kernel W=1"));
    }

    @Test
    void everyCheckHasItsOwnCodeAndKnownPrerequisites() {
        Set<Code> codes = new HashSet<>();
        Set<String> errorChecks = Set.of("node_name_format", "phandle_references");
        for (DtcCheck c : DtcChecks.all()) {
            assertTrue(codes.add(c.code()), "code used twice: " + c.code());
            assertEquals(c, DtcChecks.byName(c.name()));
            assertEquals(c.name(), DtcChecks.nameOf(c.code()));
            for (String p : c.prerequisites()) {
                assertTrue(DtcChecks.byName(p) != null || errorChecks.contains(p), c.name() + " needs unknown " + p);
            }
        }
        assertEquals(75, codes.size());
    }

    /** The checks the kernel turns off by default are exactly those scripts/Makefile.lib names. */
    @Test
    void kernelOffListMatchesMakefileLib() throws IOException {
        Path mk = Kernel.path().resolve("scripts/Makefile.lib");
        Assumptions.assumeTrue(Files.isRegularFile(mk), "kernel tree not unpacked");
        String text = Files.readString(mk);
        int start = text.indexOf("ifeq ($(findstring 1,$(KBUILD_EXTRA_WARN)),)");
        int end = text.indexOf("endif", start);
        Set<String> noisy = new TreeSet<>();
        Matcher m = Pattern.compile("-Wno-([a-z0-9_]+)").matcher(text.substring(start, end));
        while (m.find()) {
            noisy.add(m.group(1));
        }
        assertEquals(new TreeSet<>(DtcWarnings.KERNEL_OFF), noisy);
        int w2 = text.indexOf("ifneq ($(findstring 2,$(KBUILD_EXTRA_WARN)),)");
        Set<String> strict = new TreeSet<>();
        Matcher s = Pattern.compile("-W([a-z0-9_]+)").matcher(text.substring(w2, text.indexOf("endif", w2)));
        while (s.find()) {
            strict.add(s.group(1));
        }
        assertEquals(new TreeSet<>(DtcWarnings.W2_ON), strict);
        assertTrue(text.contains("DTC_FLAGS += -Wno-interrupt_provider"));
    }
}
