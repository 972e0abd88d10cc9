package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Mode;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service tier: the device-link and severity settings, and their tolerance of bad values. */
class SettingsJsonTest {
    final List<String> warnings = new ArrayList<>();

    Settings parse(String json, Settings fallback) {
        return Settings.fromJson(JsonParser.parseString(json), null, fallback, warnings::add);
    }

    @Test
    void readsEveryDevlinkKey() {
        Settings s = parse("""
                {"dtdma": {"devlink": {"mode": "custom", "fwDevlinkStrict": true,
                  "runtimePm": {"channelPm": true, "controllerPm": false, "irqSafe": ["fsl,imx8mp-ecspi"]},
                  "customFlags": "STATELESS|PM_RUNTIME", "customSupplier": "channel"}}}""", Settings.DEFAULT);
        assertEquals(List.of(), warnings);
        assertEquals(Mode.CUSTOM, s.devlink().mode());
        assertTrue(s.devlink().fwDevlinkStrict());
        assertTrue(s.devlink().channelPm());
        assertFalse(s.devlink().controllerPm());
        assertTrue(s.devlink().customToChannel());
        assertEquals(DlFlags.STATELESS | DlFlags.PM_RUNTIME, s.devlink().customFlags());
        assertTrue(s.devlink().irqSafe().contains("fsl,imx8mp-ecspi"));
    }

    @Test
    void runtimePmAcceptsSimulatorWords() {
        Settings s = parse("{\"devlink\": {\"mode\": \"frank-legal\", \"runtimePm\": \"channel-pm controller-pm\"}}",
                Settings.DEFAULT);
        assertEquals(Mode.FRANK_LEGAL, s.devlink().mode());
        assertTrue(s.devlink().channelPm() && s.devlink().controllerPm());
    }

    @Test
    void badValuesWarnAndKeepThePreviousValue() {
        Settings before = parse("{\"devlink\": {\"mode\": \"felsch-v2\"}}", Settings.DEFAULT);
        Settings s = parse("""
                {"devlink": {"mode": "felsch-v9", "fwDevlinkStrict": "yes", "customFlags": "BOGUS",
                  "runtimePm": 3}, "severity": {"SD005": "loud", "XX999": "off", "SD011": "off"}}""", before);
        assertEquals(Mode.FELSCH_V2, s.devlink().mode());
        assertFalse(s.devlink().fwDevlinkStrict());
        assertEquals(6, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("felsch-v9"), warnings.toString());
        assertEquals(1, s.severity().levels().size());
    }

    @Test
    void fwDevlinkStrictModeNameMeansNonePlusStrict() {
        Settings s = parse("{\"devlink\": {\"mode\": \"fw_devlink-strict\"}}", Settings.DEFAULT);
        assertEquals(Mode.NONE, s.devlink().mode());
        assertTrue(s.devlink().fwDevlinkStrict());
    }

    @Test
    void severityOverridesRemapAndHide() {
        Settings s = parse("{\"severity\": {\"SD005\": \"error\", \"dl015\": \"off\"}}", Settings.DEFAULT);
        Diagnostic sd = Diagnostic.of(Code.SD005, new Span(0, 0, 0), "m");
        assertEquals(Severity.ERROR, s.severity().apply(sd).severity());
        assertNull(s.severity().apply(Diagnostic.of(Code.DL015, new Span(0, 0, 0), "m")));
        Diagnostic other = Diagnostic.of(Code.SD011, new Span(0, 0, 0), "m");
        assertEquals(other, s.severity().apply(other));
    }

    @Test
    void includeOnlyConstructorKeepsMainline() {
        Settings s = new Settings(List.of(), null);
        assertFalse(s.devlink().active());
        assertTrue(s.severity().levels().isEmpty());
    }
}
