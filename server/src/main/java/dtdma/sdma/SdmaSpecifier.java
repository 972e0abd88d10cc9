package dtdma.sdma;

import dtdma.check.Code;
import dtdma.check.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes one SDMA specifier {@code <event type priority>} against a controller's driver data, the way
 * {@code sdma_xlate}, {@code sdma_alloc_chan_resources}, {@code sdma_config} and {@code sdma_get_pc} /
 * {@code sdma_load_context} of {@code drivers/dma/imx-sdma.c} would treat it, and reports SD002..SD006.
 * The cell-count check (SD001) belongs to the generic binding layer, which sees the raw specifier.
 */
public final class SdmaSpecifier {
    private SdmaSpecifier() {
    }

    /**
     * Options of a decode.
     *
     * @param kernel       the kernel baseline to judge against (types and slots it lacks are unsupported)
     * @param firmwareName the controller's {@code fsl,sdma-ram-script-name}, or null to use the SoC hint
     */
    public record Options(KernelBaseline kernel, String firmwareName) {
        /** Mainline, firmware name from the driver data's hint. */
        public static final Options DEFAULT = new Options(KernelBaseline.MAINLINE, null);
    }

    /**
     * The script the driver would load for one direction, before firmware.
     *
     * @param direction the transfer direction
     * @param field     the slot {@code sdma_get_pc} picks, or null if it sets none
     * @param address   the ROM address, {@link ScriptTable#ABSENT} (-22) if the ROM lacks the slot, or 0
     *                  when there is no slot at all
     * @param source    where the script comes from
     * @param firmwareGated the channel's type sets {@code is_ram_script}, so {@code sdma_transfer_init}
     *                  refuses every transfer on the channel until firmware has loaded, whatever the
     *                  direction and even when this direction's script is in ROM
     */
    public record ScriptUse(Direction direction, ScriptField field, int address, ScriptSource source,
                            boolean firmwareGated) {
        /** The slot, if any. */
        public Optional<ScriptField> slot() {
            return Optional.ofNullable(field);
        }
    }

    /**
     * A decoded specifier.
     *
     * @param driverData       the controller's driver data
     * @param event            cell 1
     * @param eventInRange     {@code event < num_events}
     * @param typeCell         cell 2
     * @param type             the enum value, or null if the number has none
     * @param typeSupported    the judged kernel has the type and {@code sdma_get_pc} handles it
     * @param priorityCell     cell 3
     * @param registerPriority the CHNPRI value (3, 2 or 1)
     * @param priorityStandard the cell is 0, 1 or 2
     * @param dmaName          the paired {@code dma-names} entry (may be null)
     * @param direction        the direction the name implies
     * @param scripts          the script per evaluated direction (two when the direction is unknown)
     * @param findings         SD002..SD006 findings, most important first
     */
    public record Decoded(DriverData driverData, long event, boolean eventInRange, long typeCell,
                          PeripheralType type, boolean typeSupported, long priorityCell, int registerPriority,
                          boolean priorityStandard, String dmaName, Direction direction,
                          List<ScriptUse> scripts, List<SdmaFinding> findings) {
        public Decoded {
            scripts = List.copyOf(scripts);
            findings = List.copyOf(findings);
        }

        /** The peripheral type, if the number is an enum value. */
        public Optional<PeripheralType> peripheralType() {
            return Optional.ofNullable(type);
        }

        /** The script for a direction, if it was evaluated. */
        public Optional<ScriptUse> script(Direction d) {
            return scripts.stream().filter(s -> s.direction() == d).findFirst();
        }

        /** True if some finding has this code. */
        public boolean has(Code code) {
            return findings.stream().anyMatch(f -> f.code() == code);
        }
    }

    /** Decodes against mainline, naming the SoC's usual firmware file. */
    public static Decoded decode(DriverData dd, long event, long type, long prio, String dmaName) {
        return decode(dd, event, type, prio, dmaName, Options.DEFAULT);
    }

    /** Decodes with explicit options. */
    public static Decoded decode(DriverData dd, long event, long type, long prio, String dmaName, Options opt) {
        List<SdmaFinding> findings = new ArrayList<>();
        String soc = dd.symbol();

        boolean eventOk = event >= 0 && event < dd.numEvents();
        if (!eventOk) {
            findings.add(SdmaFinding.of(Code.SD002, "sdma_config returns -EINVAL: event " + event + " >= "
                + dd.numEvents() + " events on this SoC (" + soc + "); valid events are 0.."
                + (dd.numEvents() - 1), false));
        }

        PeripheralType pt = PeripheralType.fromNumber(type).orElse(null);
        boolean typeOk = pt != null && pt.supportedOn(opt.kernel());
        if (!typeOk) {
            findings.add(SdmaFinding.of(Code.SD003, unsupportedMessage(type, pt, opt.kernel()), false));
        }

        int reg = SdmaTables.registerPriority(prio);
        boolean prioOk = prio == SdmaTables.DMA_PRIO_HIGH || prio == SdmaTables.DMA_PRIO_MEDIUM
            || prio == SdmaTables.DMA_PRIO_LOW;
        if (!prioOk) {
            String msg = "priority cell " + cellText(prio) + " is not 0/1/2: the driver treats it as "
                + "DMA_PRIO_LOW (register priority 1)";
            if ((prio & 0x8000_0000L) != 0) {
                msg += "; " + SdmaTables.PRIO_FLAG_NOTE;
            }
            findings.add(SdmaFinding.of(Code.SD006, msg, false));
        }

        Direction dir = Direction.fromDmaName(dmaName);
        List<ScriptUse> scripts = new ArrayList<>();
        if (typeOk) {
            ScriptChoice choice = SdmaTables.scriptChoice(pt, dd.ecspiFixed()).orElseThrow();
            String fw = opt.firmwareName() != null ? opt.firmwareName() : dd.firmwareHint();
            if (dir != Direction.UNKNOWN) {
                ScriptUse use = resolve(dd, choice, dir, opt.kernel());
                scripts.add(use);
                scriptFinding(dd, choice, use, fw).ifPresent(findings::add);
            } else {
                List<Direction> dirs = pt == PeripheralType.MEMORY ? List.of(Direction.MEM_TO_MEM)
                    : List.of(Direction.DEV_TO_MEM, Direction.MEM_TO_DEV);
                Map<Code, List<SdmaFinding>> byCode = new LinkedHashMap<>();
                Map<SdmaFinding, Direction> dirOf = new IdentityHashMap<>();
                for (Direction d : dirs) {
                    ScriptUse use = resolve(dd, choice, d, opt.kernel());
                    scripts.add(use);
                    scriptFinding(dd, choice, use, fw).ifPresent(f -> {
                        dirOf.put(f, d);
                        byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f);
                    });
                }
                String nameText = dmaName == null ? "no dma-name" : "dma-name '" + dmaName + "'";
                for (List<SdmaFinding> group : byCode.values()) {
                    if (group.size() == dirs.size()) {
                        // the same problem whichever way the channel is used
                        StringBuilder m = new StringBuilder();
                        boolean unc = false;
                        Severity sev = Severity.HINT;
                        for (SdmaFinding f : group) {
                            m.append(m.length() == 0 ? "" : "; ").append(f.message());
                            unc |= f.uncertain();
                            sev = f.severity().atLeast(sev) ? f.severity() : sev;
                        }
                        findings.add(new SdmaFinding(group.get(0).code(), sev, m.toString(), unc));
                    } else {
                        for (SdmaFinding f : group) {
                            findings.add(new SdmaFinding(f.code(), f.severity(),
                                "if used " + dirOf.get(f).display() + " (" + nameText
                                    + " does not tell the direction): " + f.message(), true));
                        }
                    }
                }
            }
            if ((pt == PeripheralType.ASRC || pt == PeripheralType.ASRC_SP)
                    && scripts.stream().noneMatch(x -> x.direction() == Direction.DEV_TO_DEV)) {
                // fsl_asrc_dma_hw_params (sound/soc/fsl/fsl_asrc_dma.c) configures the back-end channel
                // DMA_DEV_TO_DEV: sdma_get_pc picks device_to_device = per_2_per for the ASRC types
                ScriptUse p2p = resolve(dd, choice, Direction.DEV_TO_DEV, opt.kernel());
                scripts.add(p2p);
                if (p2p.source() == ScriptSource.NOT_IN_ROM || p2p.source() == ScriptSource.RAM_FIRMWARE) {
                    findings.add(new SdmaFinding(Code.SD004, Severity.WARNING, "the ASRC dev-to-dev path "
                        + "(fsl_asrc_dma_hw_params configures the back-end channel DMA_DEV_TO_DEV) uses "
                        + ScriptField.PER_2_PER.displayName() + ", which "
                        + dd.rom().map(t -> "the ROM table " + t.symbol() + " lacks").orElse("no ROM table has")
                        + ": it needs the RAM firmware " + fw + "; without it sdma_load_context returns -EINVAL",
                        false));
                }
            }
        } else {
            if (dir != Direction.UNKNOWN) {
                scripts.add(new ScriptUse(dir, null, 0, ScriptSource.UNSUPPORTED, false));
            }
        }
        findings.sort((a, b) -> a.severity().compareTo(b.severity()));
        return new Decoded(dd, event, eventOk, type, pt, typeOk, prio, reg, prioOk, dmaName, dir, scripts, findings);
    }

    private static ScriptUse resolve(DriverData dd, ScriptChoice choice, Direction dir, KernelBaseline kernel) {
        Optional<ScriptField> f = choice.field(dir);
        if (f.isEmpty()) {
            return new ScriptUse(dir, null, 0, ScriptSource.NONE, choice.ramScript());
        }
        ScriptField field = f.get();
        int addr = dd.rom().map(t -> t.slot(field)).orElse(ScriptTable.ABSENT);
        ScriptSource src;
        if (!kernel.atLeast(field.since())) {
            src = ScriptSource.UNSUPPORTED;
        } else if (addr > 0) {
            src = ScriptSource.ROM;
        } else if (choice.ramScript()) {
            src = ScriptSource.RAM_FIRMWARE;
        } else if (field.firmwareVersion() >= 3) {
            src = ScriptSource.FIRMWARE_V3;
        } else {
            src = ScriptSource.NOT_IN_ROM;
        }
        return new ScriptUse(dir, field, addr, src, choice.ramScript());
    }

    private static Optional<SdmaFinding> scriptFinding(DriverData dd, ScriptChoice choice, ScriptUse use, String fw) {
        String typeName = choice.type().kernelLabel();
        String dir = use.direction().display();
        String romName = dd.rom().map(ScriptTable::symbol).orElse(null);
        return switch (use.source()) {
            case UNSUPPORTED -> Optional.empty();
            case ROM -> !use.firmwareGated() ? Optional.empty()
                : Optional.of(new SdmaFinding(Code.SD005, Severity.INFO, dir + " script "
                    + use.field().displayName() + " is in ROM, but " + typeName + " sets is_ram_script for the"
                    + " channel" + (choice.type() == PeripheralType.CSPI ? " (ecspi_fixed is false)" : "")
                    + ", so sdma_transfer_init refuses its transfers (\"sdma firmware not ready!\") until "
                    + fw + " has loaded (derived from sdma_get_pc() and sdma_transfer_init() in"
                    + " drivers/dma/imx-sdma.c)", true));
            case NONE -> Optional.of(SdmaFinding.of(Code.SD004, "no " + dir + " script for " + typeName
                + ": sdma_get_pc sets none for this direction (its program counter stays 0)", false));
            case RAM_FIRMWARE -> Optional.of(SdmaFinding.of(Code.SD005, dir + " uses RAM script "
                + use.field().displayName() + " (is_ram_script): needs firmware " + fw
                + "; until it loads, prep fails with \"sdma firmware not ready!\", and for good if the file is"
                + " missing or lacks the script (firmware contents unverified)", false));
            case FIRMWARE_V3 -> Optional.of(SdmaFinding.of(Code.SD005B, dir + " uses "
                + use.field().displayName() + ", a firmware-v3 slot not flagged as RAM script: with no firmware"
                + " or one older than v3 (" + fw + ") the slot stays -22 and sdma_load_context returns -EINVAL"
                + " at prep", false));
            case NOT_IN_ROM -> Optional.of(new SdmaFinding(Code.SD004, Severity.WARNING, dir + " script "
                + use.field().displayName() + " is not in "
                + (romName == null ? "any ROM table (" + dd.symbol() + " has none)" : "the ROM table " + romName)
                + ": without firmware the slot stays -22 and sdma_load_context returns -EINVAL at prep; whether "
                + fw + " provides it is unverified", true));
        };
    }

    private static String unsupportedMessage(long type, PeripheralType pt, KernelBaseline kernel) {
        String head = "Unsupported transfer type " + (int) type + ": sdma_get_pc returns -EINVAL at prep";
        if (pt == null) {
            return head + " (no enum sdma_peripheral_type value " + type + ")";
        }
        if (!pt.driverSupported()) {
            return head + " (" + pt.kernelLabel() + " has no case in sdma_get_pc)";
        }
        return head + " (" + kernel.label() + " has no " + pt.kernelLabel() + "; it appears in "
            + pt.since().label() + ")";
    }

    private static String cellText(long v) {
        return v > 9 ? "0x" + Long.toHexString(v) : Long.toString(v);
    }
}
