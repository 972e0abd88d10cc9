package dtdma.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dtdma.format.FormatOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatSettingsTest {
    @Test
    void readsTheFormatKeysAndKeepsDefaultsOnBadValues() {
        List<String> warnings = new ArrayList<>();
        FormatSettings s = FormatSettings.fromJson(JsonParser.parseString(
                "{\"dtdma\": {\"format\": {\"enable\": false, \"lineWidth\": 80, \"keepFileStyle\": false}, \"style\": true}}"),
                FormatSettings.DEFAULT, warnings::add);
        assertEquals(new FormatSettings(false, 80, false, true), s);
        assertEquals(List.of(), warnings);
        FormatSettings bad = FormatSettings.fromJson(JsonParser.parseString(
                "{\"format\": {\"enable\": \"yes\", \"lineWidth\": 5}, \"style\": 3}"), s, warnings::add);
        assertEquals(s, bad);
        assertEquals(3, warnings.size(), warnings.toString());
        assertEquals(s, FormatSettings.fromJson(JsonParser.parseString("{\"format\": 7}"), s, warnings::add));
        assertEquals(FormatSettings.DEFAULT, FormatSettings.fromJson(null, FormatSettings.DEFAULT, warnings::add));
    }

    @Test
    void requestOptionsAreHonoured() {
        FormatOptions spaces = FormatSettings.DEFAULT.options(true, 2);
        assertFalse(spaces.useTabs());
        assertEquals(2, spaces.indentWidth());
        assertTrue(spaces.keepFileStyle());
        FormatOptions tabs = FormatSettings.DEFAULT.options(false, 4);
        assertTrue(tabs.useTabs());
        assertEquals(4, tabs.tabWidth());
        assertEquals(FormatOptions.KERNEL, FormatSettings.DEFAULT.options(null, null));
    }
}
