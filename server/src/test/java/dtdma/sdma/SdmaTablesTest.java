package dtdma.sdma;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdmaTablesTest {
    @Test
    void peripheralTypesAreDense() {
        PeripheralType[] all = PeripheralType.values();
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i].number());
            assertEquals(all[i], PeripheralType.fromNumber(i).orElseThrow());
            assertEquals("IMX_DMATYPE_" + all[i].name(), all[i].kernelName());
        }
        assertTrue(PeripheralType.fromNumber(28).isEmpty());
        assertTrue(PeripheralType.fromNumber(-1).isEmpty());
        assertFalse(PeripheralType.SIM.supportedOn(KernelBaseline.MAINLINE));
        assertFalse(PeripheralType.FIFO_MEMORY.supportedOn(KernelBaseline.MAINLINE));
        assertTrue(PeripheralType.MULTI_SAI.supportedOn(KernelBaseline.LINUX_6_1));
    }

    @Test
    void everySupportedTypeHasAScriptChoice() {
        for (PeripheralType t : PeripheralType.values()) {
            assertEquals(t.driverSupported(), SdmaTables.scriptChoice(t, false).isPresent(), t.describe());
        }
    }

    @Test
    void scriptFieldLayout() {
        assertEquals(48, ScriptField.values().length); // mainline struct
        assertEquals("mcu_2_ecspi_addr", ScriptField.MCU_2_ECSPI.fieldName());
        assertEquals(ScriptField.HDMI_DMA, ScriptField.fromFieldName("hdmi_dma_addr").orElseThrow());
        assertEquals(35, ScriptField.MCU_2_SSISH.ordinal()); // first slot after v1
        assertEquals(47, KernelBaseline.MAINLINE.firmwareTableSize(3));
        assertEquals(-1, KernelBaseline.MAINLINE.firmwareTableSize(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fsl,imx6q-sdma;fsl,imx35-sdma|sdma_imx6q|0",
        "fsl,imx6sx-sdma;fsl,imx6q-sdma|sdma_imx6q|1",
        "fsl,imx6sl-sdma;fsl,imx6q-sdma|sdma_imx6q|1",
        "fsl,imx6ul-sdma;fsl,imx6q-sdma;fsl,imx35-sdma|sdma_imx6ul|0",
        "fsl,imx6sll-sdma;fsl,imx6ul-sdma|sdma_imx6ul|1",
        "fsl,imx7d-sdma;fsl,imx35-sdma|sdma_imx7d|0",
        "fsl,imx8mq-sdma;fsl,imx7d-sdma|sdma_imx8mq|0",
        "fsl,imx8mm-sdma;fsl,imx8mq-sdma|sdma_imx8mq|1",
        "fsl,imx8mn-sdma;fsl,imx8mq-sdma|sdma_imx8mq|1",
        "fsl,imx50-sdma;fsl,imx35-sdma|sdma_imx35|1",
        "FSL,IMX31-SDMA|sdma_imx31|0"})
    void fallbackMatching(String compat, String symbol, int index) {
        DriverData.Match m = DriverData.match(List.of(compat.split(";"))).orElseThrow();
        assertEquals(symbol, m.data().symbol());
        assertEquals(index, m.index());
        assertEquals(Certainty.DERIVED, m.certainty());
    }

    @Test
    void noDriverForUnknownCompatibles() {
        assertTrue(DriverData.match(List.of("fsl,imx8mp-sdma")).isEmpty());
        assertTrue(DriverData.match(List.of()).isEmpty());
    }

    @Test
    void driverDataFacts() {
        assertEquals(9, SdmaTables.DRIVER_DATA.size());
        DriverData ul = DriverData.forCompatible("fsl,imx6ul-sdma").orElseThrow();
        assertTrue(ul.ecspiFixed());
        assertSame(SdmaTables.SCRIPT_IMX6Q, ul.romScripts());
        DriverData mq = DriverData.forCompatible("fsl,imx8mq-sdma").orElseThrow();
        assertTrue(mq.checkRatio());
        assertSame(SdmaTables.SCRIPT_IMX7D, mq.romScripts());
        assertTrue(DriverData.forCompatible("fsl,imx35-sdma").orElseThrow().rom().isEmpty());
        for (DriverData d : SdmaTables.DRIVER_DATA) {
            assertEquals(d.compatible().equals("fsl,imx31-sdma") ? 32 : 48, d.numEvents(), d.symbol());
        }
    }

    @Test
    void romTableSpotChecks() {
        assertEquals(685, SdmaTables.SCRIPT_IMX7D.slot(ScriptField.APP_2_MCU));
        assertEquals(683, SdmaTables.SCRIPT_IMX6Q.slot(ScriptField.APP_2_MCU));
        assertEquals(961, SdmaTables.SCRIPT_IMX51.slot(ScriptField.MCU_2_SHP));
        assertEquals(1560, SdmaTables.SCRIPT_IMX25.slot(ScriptField.ATA_2_MCU));
        assertEquals(13, SdmaTables.SCRIPT_IMX25.entries().size());
        for (ScriptTable t : SdmaTables.ROM_TABLES) {
            assertFalse(t.entries().containsKey(ScriptField.MCU_2_ECSPI), t.symbol());
            assertTrue(t.entries().values().stream().allMatch(a -> a > 0), t.symbol());
        }
    }

    @Test
    void firmwareContentsAreUncertain() {
        assertTrue(SdmaTables.FIRMWARE_CONTENTS.uncertain());
        assertFalse(Certainty.DERIVED.uncertain());
    }
}
