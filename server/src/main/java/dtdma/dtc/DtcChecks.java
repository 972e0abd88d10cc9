package dtdma.dtc;

import dtdma.check.Diagnostic;
import dtdma.text.Cancel;
import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import dtdma.dtc.checks.AddrSizeCells;
import dtdma.dtc.checks.AddressCellsIsCell;
import dtdma.dtc.checks.AliasPaths;
import dtdma.dtc.checks.AvoidDefaultAddrSize;
import dtdma.dtc.checks.AvoidUnnecessaryAddrSize;
import dtdma.dtc.checks.ChosenNodeBootargs;
import dtdma.dtc.checks.ChosenNodeIsRoot;
import dtdma.dtc.checks.ChosenNodeStdoutPath;
import dtdma.dtc.checks.ClocksIsCell;
import dtdma.dtc.checks.ClocksProperty;
import dtdma.dtc.checks.CompatibleIsStringList;
import dtdma.dtc.checks.CoolingDeviceIsCell;
import dtdma.dtc.checks.CoolingDeviceProperty;
import dtdma.dtc.checks.DeprecatedGpioProperty;
import dtdma.dtc.checks.DeviceTypeIsString;
import dtdma.dtc.checks.DmaRangesFormat;
import dtdma.dtc.checks.DmasIsCell;
import dtdma.dtc.checks.DmasProperty;
import dtdma.dtc.checks.GpiosProperty;
import dtdma.dtc.checks.GraphChildAddress;
import dtdma.dtc.checks.GraphEndpoint;
import dtdma.dtc.checks.GraphNodes;
import dtdma.dtc.checks.GraphPort;
import dtdma.dtc.checks.HwlocksIsCell;
import dtdma.dtc.checks.HwlocksProperty;
import dtdma.dtc.checks.I2cBusBridge;
import dtdma.dtc.checks.I2cBusReg;
import dtdma.dtc.checks.InterruptProvider;
import dtdma.dtc.checks.InterruptsExtendedIsCell;
import dtdma.dtc.checks.InterruptsExtendedProperty;
import dtdma.dtc.checks.InterruptsProperty;
import dtdma.dtc.checks.IoChannelsIsCell;
import dtdma.dtc.checks.IoChannelsProperty;
import dtdma.dtc.checks.IommusIsCell;
import dtdma.dtc.checks.IommusProperty;
import dtdma.dtc.checks.LabelIsString;
import dtdma.dtc.checks.MboxesIsCell;
import dtdma.dtc.checks.MboxesProperty;
import dtdma.dtc.checks.ModelIsString;
import dtdma.dtc.checks.MsiParentIsCell;
import dtdma.dtc.checks.MsiParentProperty;
import dtdma.dtc.checks.MuxControlsIsCell;
import dtdma.dtc.checks.MuxControlsProperty;
import dtdma.dtc.checks.NamesIsStringList;
import dtdma.dtc.checks.NodeNameCharsStrict;
import dtdma.dtc.checks.NodeNameVsPropertyName;
import dtdma.dtc.checks.ObsoleteChosenInterruptController;
import dtdma.dtc.checks.PciBridge;
import dtdma.dtc.checks.PciDeviceBusNum;
import dtdma.dtc.checks.PciDeviceReg;
import dtdma.dtc.checks.PhysIsCell;
import dtdma.dtc.checks.PhysProperty;
import dtdma.dtc.checks.PowerDomainsIsCell;
import dtdma.dtc.checks.PowerDomainsProperty;
import dtdma.dtc.checks.PropertyNameCharsStrict;
import dtdma.dtc.checks.PwmsIsCell;
import dtdma.dtc.checks.PwmsProperty;
import dtdma.dtc.checks.RangesFormat;
import dtdma.dtc.checks.RegFormat;
import dtdma.dtc.checks.ResetsIsCell;
import dtdma.dtc.checks.ResetsProperty;
import dtdma.dtc.checks.SimpleBusBridge;
import dtdma.dtc.checks.SimpleBusReg;
import dtdma.dtc.checks.SizeCellsIsCell;
import dtdma.dtc.checks.SoundDaiIsCell;
import dtdma.dtc.checks.SoundDaiProperty;
import dtdma.dtc.checks.SpiBusBridge;
import dtdma.dtc.checks.SpiBusReg;
import dtdma.dtc.checks.StatusIsString;
import dtdma.dtc.checks.ThermalSensorsIsCell;
import dtdma.dtc.checks.ThermalSensorsProperty;
import dtdma.dtc.checks.UniqueUnitAddress;
import dtdma.dtc.checks.UniqueUnitAddressIfEnabled;
import dtdma.dtc.checks.UnitAddressFormat;
import dtdma.dtc.checks.UnitAddressVsReg;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * dtc's semantic checks (the warnings of dtc 1.6.1, one class each in {@code dtc/checks}), in dtc's order, and
 * the runner that applies dtc's rules: only enabled checks run, each after its prerequisites; a check whose
 * prerequisite failed anywhere is skipped for the whole tree. dtc's error-level checks (duplicate names, bad
 * characters, references, phandles) are made while the tree is built (TR0xx codes).
 */
public final class DtcChecks {
    private static final Logger LOG = Logger.getLogger(DtcChecks.class.getName());
    private static final List<DtcCheck> ALL = List.of(
                new NodeNameCharsStrict(),
                new PropertyNameCharsStrict(),
                new NodeNameVsPropertyName(),
                new AddressCellsIsCell(),
                new SizeCellsIsCell(),
                new DeviceTypeIsString(),
                new ModelIsString(),
                new StatusIsString(),
                new LabelIsString(),
                new CompatibleIsStringList(),
                new NamesIsStringList(),
                new AddrSizeCells(),
                new RegFormat(),
                new RangesFormat(),
                new DmaRangesFormat(),
                new UnitAddressVsReg(),
                new UnitAddressFormat(),
                new PciBridge(),
                new PciDeviceReg(),
                new PciDeviceBusNum(),
                new SimpleBusBridge(),
                new SimpleBusReg(),
                new I2cBusBridge(),
                new I2cBusReg(),
                new SpiBusBridge(),
                new SpiBusReg(),
                new AvoidDefaultAddrSize(),
                new AvoidUnnecessaryAddrSize(),
                new UniqueUnitAddress(),
                new UniqueUnitAddressIfEnabled(),
                new ObsoleteChosenInterruptController(),
                new ChosenNodeIsRoot(),
                new ChosenNodeBootargs(),
                new ChosenNodeStdoutPath(),
                new ClocksProperty(),
                new ClocksIsCell(),
                new CoolingDeviceProperty(),
                new CoolingDeviceIsCell(),
                new DmasProperty(),
                new DmasIsCell(),
                new HwlocksProperty(),
                new HwlocksIsCell(),
                new InterruptsExtendedProperty(),
                new InterruptsExtendedIsCell(),
                new IoChannelsProperty(),
                new IoChannelsIsCell(),
                new IommusProperty(),
                new IommusIsCell(),
                new MboxesProperty(),
                new MboxesIsCell(),
                new MsiParentProperty(),
                new MsiParentIsCell(),
                new MuxControlsProperty(),
                new MuxControlsIsCell(),
                new PhysProperty(),
                new PhysIsCell(),
                new PowerDomainsProperty(),
                new PowerDomainsIsCell(),
                new PwmsProperty(),
                new PwmsIsCell(),
                new ResetsProperty(),
                new ResetsIsCell(),
                new SoundDaiProperty(),
                new SoundDaiIsCell(),
                new ThermalSensorsProperty(),
                new ThermalSensorsIsCell(),
                new DeprecatedGpioProperty(),
                new GpiosProperty(),
                new InterruptsProperty(),
                new InterruptProvider(),
                new AliasPaths(),
                new GraphNodes(),
                new GraphChildAddress(),
                new GraphPort(),
                new GraphEndpoint());
    private static final Map<String, DtcCheck> BY_NAME = new HashMap<>();
    /** The properties {@link DtcRun#nodesWith} indexes: the checks' key properties and those asked for by name. */
    static final java.util.Set<String> INDEXED = new java.util.HashSet<>(List.of("interrupt-controller", "interrupt-map"));

    static {
        for (DtcCheck c : ALL) {
            BY_NAME.put(c.name(), c);
            if (c.key() != null) {
                INDEXED.add(c.key());
            }
        }
    }

    private DtcChecks() {
    }

    /** Every check, in dtc's order. */
    public static List<DtcCheck> all() {
        return ALL;
    }

    /** A check by dtc's name, or null. */
    public static DtcCheck byName(String name) {
        return BY_NAME.get(name);
    }

    /** dtc's name of the check that reports a code, or null when the code is not one of dtc's checks. */
    public static String nameOf(dtdma.check.Code code) {
        for (DtcCheck c : ALL) {
            if (c.code() == code) {
                return c.name();
            }
        }
        return null;
    }

    /**
     * Runs the enabled checks over a tree and adds their findings to {@code out}.
     *
     * @param where the place to report a failing check at (the board's first character)
     */
    public static void run(DeviceTree tree, DtcWarnings warnings, Span where, List<Diagnostic> out) {
        run(tree, warnings, where, out, Cancel.NONE);
    }

    /**
     * Like {@link #run(DeviceTree, DtcWarnings, Span, List)}, polling {@code cancel} before every check and at
     * every node a check visits.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public static void run(DeviceTree tree, DtcWarnings warnings, Span where, List<Diagnostic> out, Cancel cancel) {
        if (tree == null || tree.root() == null || !warnings.any()) {
            return;
        }
        DtcRun run = new DtcRun(tree, warnings.enabledChecks(), where, out, cancel == null ? Cancel.NONE : cancel);
        for (DtcCheck c : ALL) {
            run.cancel().check();
            if (warnings.enabled(c.name())) {
                run(run, c, out, where);
            }
        }
    }

    private static void run(DtcRun run, DtcCheck c, List<Diagnostic> out, Span where) {
        if (run.status(c.name()) != DtcRun.Status.UNCHECKED) {
            return;
        }
        for (String p : c.prerequisites()) {
            DtcCheck pre = BY_NAME.get(p);
            if (pre == null) {
                continue; // one of dtc's error-level checks, made while building the tree
            }
            run(run, pre, out, where);
            if (run.status(p) != DtcRun.Status.PASSED) {
                run.setStatus(c.name(), DtcRun.Status.PREREQ);
            }
        }
        if (run.status(c.name()) != DtcRun.Status.UNCHECKED) {
            return;
        }
        DtcCheck outer = run.current;
        run.current = c;
        try {
            c.run(run, out);
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "dtc check " + c.name() + " failed", e);
            if (where != null) {
                out.add(Diagnostic.of(dtdma.check.Code.INT001, where, "check " + c.code().id() + " (dtc " + c.name()
                        + ") failed: " + e));
            }
            run.setStatus(c.name(), DtcRun.Status.FAILED);
        } finally {
            run.current = outer;
        }
        if (run.status(c.name()) == DtcRun.Status.UNCHECKED) {
            run.setStatus(c.name(), DtcRun.Status.PASSED);
        }
    }
}
