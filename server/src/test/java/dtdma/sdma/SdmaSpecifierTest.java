package dtdma.sdma;

import static org.junit.jupiter.api.Assertions.*;

import dtdma.check.Code;
import dtdma.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdmaSpecifierTest {
    private static DriverData dd(String compatible) {
        return DriverData.forCompatible(compatible).orElseThrow();
    }

    private static final DriverData IMX8MQ = dd("fsl,imx8mq-sdma");
    private static final DriverData IMX6Q = dd("fsl,imx6q-sdma");
    private static final DriverData IMX6UL = dd("fsl,imx6ul-sdma");

    // --- E.6 worked example: imx8mp ecspi1 ---

    @Test
    void workedExampleImx8mpEcspi1() {
        DriverData.Match m = DriverData.match(List.of("fsl,imx8mp-sdma", "fsl,imx8mq-sdma")).orElseThrow();
        assertTrue(m.fallback());
        assertEquals("fsl,imx8mq-sdma", m.matched());
        DriverData d = m.data();
        assertEquals("sdma_imx8mq", d.symbol());
        assertEquals(48, d.numEvents());
        assertEquals("sdma_script_imx7d", d.rom().orElseThrow().symbol());
        assertFalse(d.ecspiFixed());

        SdmaSpecifier.Decoded rx = SdmaSpecifier.decode(d, 0, 7, 1, "rx");
        assertTrue(rx.eventInRange());
        assertEquals(PeripheralType.CSPI, rx.type());
        assertEquals(Direction.DEV_TO_MEM, rx.direction());
        SdmaSpecifier.ScriptUse rxs = rx.script(Direction.DEV_TO_MEM).orElseThrow();
        assertEquals(ScriptField.APP_2_MCU, rxs.field());
        assertEquals(685, rxs.address());
        assertEquals(ScriptSource.ROM, rxs.source());
        assertEquals(2, rx.registerPriority());
        // the ROM script is used, but CSPI sets is_ram_script for the whole channel on non-fixed SoCs:
        // only an uncertain INFO note, no warning
        assertTrue(rxs.firmwareGated());
        assertEquals(1, rx.findings().size(), rx.findings().toString());
        assertEquals(Code.SD005, rx.findings().get(0).code());
        assertEquals(Severity.INFO, rx.findings().get(0).severity());
        assertTrue(rx.findings().get(0).uncertain());

        SdmaSpecifier.Decoded tx = SdmaSpecifier.decode(d, 1, 7, 2, "tx");
        assertEquals(Direction.MEM_TO_DEV, tx.direction());
        SdmaSpecifier.ScriptUse txs = tx.script(Direction.MEM_TO_DEV).orElseThrow();
        assertEquals(ScriptField.MCU_2_ECSPI, txs.field());
        assertEquals(ScriptSource.RAM_FIRMWARE, txs.source());
        assertEquals(ScriptTable.ABSENT, txs.address());
        assertEquals(1, tx.registerPriority());
        assertEquals(1, tx.findings().size());
        SdmaFinding f = tx.findings().get(0);
        assertEquals(Code.SD005, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("imx/sdma/sdma-imx7d.bin"), f.message());
        assertTrue(f.message().contains("mcu_2_ecspi"), f.message());
        assertTrue(f.message().contains("sdma firmware not ready!"), f.message());
    }

    // --- events (SD002) ---

    @Test
    void eventOutOfRangeGivesSd002WithKernelReason() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX8MQ, 50, 4, 0, "rx");
        assertFalse(d.eventInRange());
        SdmaFinding f = d.findings().stream().filter(x -> x.code() == Code.SD002).findFirst().orElseThrow();
        assertTrue(f.message().startsWith("sdma_config returns -EINVAL: event 50 >= 48 events on this SoC"),
            f.message());
        assertEquals(Severity.ERROR, f.severity());
    }

    @ParameterizedTest
    @CsvSource({"0,true", "47,true", "48,false", "4294967295,false"})
    void eventBoundaries48(long event, boolean ok) {
        assertEquals(ok, SdmaSpecifier.decode(IMX6Q, event, 4, 0, "rx").eventInRange());
    }

    @Test
    void imx31HasOnly32Events() {
        DriverData imx31 = dd("fsl,imx31-sdma");
        assertEquals(32, imx31.numEvents());
        assertEquals(0x80, imx31.chnenbl0());
        assertTrue(SdmaSpecifier.decode(imx31, 31, 4, 0, "rx").eventInRange());
        assertTrue(SdmaSpecifier.decode(imx31, 32, 4, 0, "rx").has(Code.SD002));
    }

    // --- types (SD003) ---

    @ParameterizedTest
    @CsvSource({"9", "17", "28", "99", "4294967295"})
    void unsupportedTypesGiveSd003(long type) {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX6Q, 1, type, 0, "rx");
        assertFalse(d.typeSupported());
        SdmaFinding f = d.findings().stream().filter(x -> x.code() == Code.SD003).findFirst().orElseThrow();
        assertTrue(f.message().startsWith("Unsupported transfer type"), f.message());
        assertTrue(d.scripts().stream().allMatch(s -> s.source() == ScriptSource.UNSUPPORTED));
    }

    @Test
    void i2cAndHdmiDependOnKernel() {
        var on61 = new SdmaSpecifier.Options(KernelBaseline.LINUX_6_1, null);
        var preI2c = new SdmaSpecifier.Options(KernelBaseline.MAINLINE_PRE_I2C, null);
        assertTrue(SdmaSpecifier.decode(IMX8MQ, 1, 27, 0, "rx", on61).has(Code.SD003));
        assertTrue(SdmaSpecifier.decode(IMX8MQ, 1, 27, 0, "rx", preI2c).has(Code.SD003));
        assertTrue(SdmaSpecifier.decode(IMX8MQ, 1, 26, 0, "tx", on61).has(Code.SD003));
        assertFalse(SdmaSpecifier.decode(IMX8MQ, 1, 26, 0, "tx", preI2c).has(Code.SD003));
        SdmaSpecifier.Decoded i2c = SdmaSpecifier.decode(IMX8MQ, 1, 27, 0, "rx");
        assertFalse(i2c.has(Code.SD003));
        assertTrue(i2c.has(Code.SD005));
        assertTrue(SdmaSpecifier.decode(IMX8MQ, 1, 27, 0, "rx", on61).findings().get(0).message()
            .contains("Linux 6.1 has no IMX_DMATYPE_I2C"));
    }

    // --- scripts (SD004, SD005, SD005b) ---

    @Test
    void cspiTxIsRomOnEcspiFixedSoCs() {
        SdmaSpecifier.Decoded tx = SdmaSpecifier.decode(IMX6UL, 4, 7, 2, "tx");
        SdmaSpecifier.ScriptUse s = tx.script(Direction.MEM_TO_DEV).orElseThrow();
        assertEquals(ScriptField.MCU_2_APP, s.field());
        assertEquals(747, s.address());
        assertEquals(ScriptSource.ROM, s.source());
        assertTrue(tx.findings().isEmpty());
        // imx6q: same ROM table, but not fixed -> RAM mcu_2_ecspi
        assertTrue(SdmaSpecifier.decode(IMX6Q, 4, 7, 2, "tx").has(Code.SD005));
    }

    @Test
    void ramScriptTypesGiveSd005() {
        for (int type : new int[] {20, 22}) {
            assertTrue(SdmaSpecifier.decode(IMX6Q, 17, type, 1, "rx").has(Code.SD005), "type " + type);
        }
        SdmaSpecifier.Decoded hdmi = SdmaSpecifier.decode(IMX8MQ, 26, 26, 0, "tx");
        assertTrue(hdmi.has(Code.SD005));
        assertEquals(ScriptField.HDMI_DMA, hdmi.script(Direction.MEM_TO_DEV).orElseThrow().field());
    }

    @Test
    void firmwareNameFromNodeWins() {
        var opt = new SdmaSpecifier.Options(KernelBaseline.MAINLINE, "custom/fw.bin");
        SdmaFinding f = SdmaSpecifier.decode(IMX8MQ, 1, 7, 2, "tx", opt).findings().get(0);
        assertTrue(f.message().contains("custom/fw.bin"), f.message());
    }

    @Test
    void multiSaiGivesSd005b() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX8MQ, 24, 25, 0x80000000L, "rx");
        SdmaSpecifier.ScriptUse s = d.script(Direction.DEV_TO_MEM).orElseThrow();
        assertEquals(ScriptField.SAI_2_MCU, s.field());
        assertEquals(ScriptSource.FIRMWARE_V3, s.source());
        assertTrue(d.has(Code.SD005B));
        assertFalse(d.has(Code.SD005));
        assertTrue(d.has(Code.SD006));
    }

    @Test
    void noScriptForDirectionIsSd004Error() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX6Q, 1, 11, 0, "tx"); // CCM has only per->mem
        SdmaFinding f = d.findings().stream().filter(x -> x.code() == Code.SD004).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertFalse(f.uncertain());
        assertEquals(ScriptSource.NONE, d.script(Direction.MEM_TO_DEV).orElseThrow().source());
    }

    @Test
    void slotMissingFromRomIsUncertainSd004Warning() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX6Q, 1, 6, 0, "rx"); // FIRI not in imx6q ROM
        SdmaFinding f = d.findings().get(0);
        assertEquals(Code.SD004, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.uncertain());
        assertTrue(f.message().contains("sdma_script_imx6q"), f.message());
        // FIRI is in the imx53 ROM
        SdmaSpecifier.Decoded imx53 = SdmaSpecifier.decode(dd("fsl,imx53-sdma"), 1, 6, 0, "rx");
        assertEquals(1193, imx53.script(Direction.DEV_TO_MEM).orElseThrow().address());
        assertTrue(imx53.findings().isEmpty());
    }

    @Test
    void socWithoutRomTableNeedsFirmwareForEverything() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(dd("fsl,imx35-sdma"), 1, 4, 0, "rx");
        SdmaFinding f = d.findings().get(0);
        assertEquals(Code.SD004, f.code());
        assertTrue(f.uncertain());
        assertTrue(f.message().contains("sdma_imx35 has none"), f.message());
    }

    @Test
    void asrcSpDevToDevRomOnImx6qButNotImx7d() {
        assertEquals(6331, SdmaTables.SCRIPT_IMX6Q.slot(ScriptField.PER_2_PER));
        assertEquals(ScriptTable.ABSENT, SdmaTables.SCRIPT_IMX7D.slot(ScriptField.PER_2_PER));
        ScriptChoice c = SdmaTables.scriptChoice(PeripheralType.ASRC_SP, false).orElseThrow();
        assertEquals(ScriptField.PER_2_PER, c.field(Direction.DEV_TO_DEV).orElseThrow());
        assertFalse(c.ramScript());
    }

    @Test
    void asrcDevToDevNeedsTheRamFirmwareWhereTheRomLacksPer2Per() {
        // type 23 (IMX_DMATYPE_ASRC_SP) on i.MX8M: sdma_script_imx7d has no per_2_per
        SdmaSpecifier.Decoded easrc = SdmaSpecifier.decode(IMX8MQ, 16, 23, 0, "ctx0_rx");
        SdmaSpecifier.ScriptUse p2p = easrc.script(Direction.DEV_TO_DEV).orElseThrow();
        assertEquals(ScriptField.PER_2_PER, p2p.field());
        assertEquals(ScriptTable.ABSENT, p2p.address());
        SdmaFinding f = easrc.findings().stream().filter(x -> x.message().contains("dev-to-dev")).findFirst()
                .orElseThrow(() -> new AssertionError(easrc.findings().toString()));
        assertEquals(Code.SD004, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("sdma_script_imx7d lacks"), f.message());
        assertTrue(f.message().contains("sdma-imx7d.bin"), f.message());
        // on i.MX6Q the ROM has it: no such finding
        assertTrue(SdmaSpecifier.decode(IMX6Q, 16, 23, 0, "ctx0_rx").findings().stream()
                .noneMatch(x -> x.message().contains("dev-to-dev")));
    }

    @Test
    void unknownNameEvaluatesBothDirections() {
        // ASRC: both directions need RAM -> one certain finding
        SdmaSpecifier.Decoded asrc = SdmaSpecifier.decode(IMX6Q, 17, 20, 1, "rxa");
        assertEquals(Direction.UNKNOWN, asrc.direction());
        // both peripheral directions, plus the dev-to-dev back end (per_2_per, in the imx6q ROM)
        assertEquals(3, asrc.scripts().size());
        assertEquals(ScriptSource.ROM, asrc.script(Direction.DEV_TO_DEV).orElseThrow().source());
        assertEquals(1, asrc.findings().size());
        assertFalse(asrc.findings().get(0).uncertain());
        // CSPI on imx8mq: tx needs RAM (warning), rx is gated (info) -> merged, most severe wins
        SdmaSpecifier.Decoded cspi = SdmaSpecifier.decode(IMX8MQ, 0, 7, 1, "rx-tx");
        assertEquals(1, cspi.findings().size());
        assertEquals(Severity.WARNING, cspi.findings().get(0).severity());
        // HDMI: per->mem has no script (SD004), mem->per needs RAM (SD005): each only "if used" that way
        SdmaSpecifier.Decoded hdmi = SdmaSpecifier.decode(IMX8MQ, 0, 26, 1, "rx-tx");
        assertEquals(List.of(Code.SD004, Code.SD005), hdmi.findings().stream().map(SdmaFinding::code).toList());
        assertTrue(hdmi.findings().stream().allMatch(SdmaFinding::uncertain));
        assertTrue(hdmi.findings().get(0).message().startsWith("if used per->mem"), hdmi.findings().get(0).message());
        assertTrue(hdmi.findings().get(1).message().startsWith("if used mem->per"), hdmi.findings().get(1).message());
        // ASRC_SP easrc names: ROM both ways; only the dev-to-dev back end (per_2_per) is missing from ROM
        assertEquals(List.of(Code.SD004), SdmaSpecifier.decode(IMX8MQ, 16, 23, 0, "ctx0_rx").findings().stream()
                .map(SdmaFinding::code).toList());
        // MEMORY: mem->mem ap_2_ap
        SdmaSpecifier.Decoded mem = SdmaSpecifier.decode(IMX8MQ, 0, 16, 0, null);
        assertEquals(644, mem.script(Direction.MEM_TO_MEM).orElseThrow().address());
    }

    // --- priorities (SD006) ---

    @ParameterizedTest
    @CsvSource({"0,3,true", "1,2,true", "2,1,true", "3,1,false", "2147483648,1,false"})
    void priorityMapping(long cell, int reg, boolean standard) {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX6Q, 25, 4, cell, "rx");
        assertEquals(reg, d.registerPriority());
        assertEquals(standard, d.priorityStandard());
        assertEquals(!standard, d.has(Code.SD006));
    }

    @Test
    void micfilPriorityMentionsUnverifiedFlag() {
        SdmaFinding f = SdmaSpecifier.decode(IMX8MQ, 24, 24, 0x80000000L, "rx").findings().get(0);
        assertEquals(Code.SD006, f.code());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("0x80000000"));
        assertTrue(f.message().contains("unverified"));
    }

    // --- directions ---

    @ParameterizedTest
    @CsvSource({"rx,DEV_TO_MEM", "tx,MEM_TO_DEV", "TX,MEM_TO_DEV", "rx-tx,UNKNOWN", "rxa,UNKNOWN",
        "ctx0_tx,UNKNOWN"})
    void directionFromName(String name, Direction d) {
        assertEquals(d, Direction.fromDmaName(name));
    }

    @Test
    void findingsSortedBySeverity() {
        SdmaSpecifier.Decoded d = SdmaSpecifier.decode(IMX8MQ, 60, 7, 5, "tx");
        assertEquals(List.of(Code.SD002, Code.SD005, Code.SD006), d.findings().stream().map(SdmaFinding::code).toList());
    }
}
