package dtdma.features;

import dtdma.text.Cancel;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.Device;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Finding;
import dtdma.devlink.Link;
import dtdma.devlink.Simulation;
import dtdma.dma.DmaSpecifier;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The device-link part of the hover on a {@code dmas} specifier: the link the active device-link mode creates
 * for this request (supplier, flags, state), or why it fails (the simulator's DL findings for the request), and
 * what a runtime-PM resume of the consumer does to the supplier, taken from the simulator after boot.
 */
public final class DevlinkHoverFeature {
    private static final int MAX_TRACE = 8;

    private DevlinkHoverFeature() {
    }

    /** The specifier at the offset (or the one its {@code dma-names} entry names), when there is a board to boot. */
    private static Lookup.SpecifierAt specifierAt(Analysis a, SourceFile file, int offset) {
        Lookup.SpecifierAt at = Lookup.specifier(a, file.id(), offset);
        if (at == null) {
            at = Lookup.dmaName(a, file.id(), offset);
        }
        if (at == null || at.specifier() == null || a.devlink() == null) {
            return null;
        }
        return at;
    }

    /**
     * The specifier at the offset, with the board's simulation booted (on first use, polling {@code cancel}
     * before, during and after the boot); null when there is none or no board to boot.
     */
    private static Lookup.SpecifierAt booted(Analysis a, SourceFile file, int offset, Cancel cancel) {
        cancel.check();
        Lookup.SpecifierAt at = specifierAt(a, file, offset);
        if (at == null) {
            return null;
        }
        cancel.check();
        a.devlink(cancel);
        cancel.check();
        return at;
    }

    /** The markdown section for the specifier at the offset, or null when there is none or no board to boot. */
    public static String markdown(Analysis a, SourceFile file, int offset) {
        return markdown(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #markdown(Analysis, SourceFile, int)}, polling {@code cancel} before, during and after the boot. */
    public static String markdown(Analysis a, SourceFile file, int offset, Cancel cancel) {
        Lookup.SpecifierAt at = booted(a, file, offset, cancel);
        if (at == null) {
            return null;
        }
        return describe(a, a.devlink().simulation(), at.consumer().node().path(), at.specifier());
    }

    /**
     * One short paragraph for the top of the hover: the link this request gets (or none) and what a runtime-PM
     * resume of the consumer does to its suppliers; the full trace is in {@link #markdown}. Null when there is
     * no specifier at the offset or no board to boot.
     */
    public static String summary(Analysis a, SourceFile file, int offset) {
        return summary(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #summary(Analysis, SourceFile, int)}, polling {@code cancel} before, during and after the boot. */
    public static String summary(Analysis a, SourceFile file, int offset, Cancel cancel) {
        Lookup.SpecifierAt at = booted(a, file, offset, cancel);
        if (at == null) {
            return null;
        }
        Simulation booted = a.devlink().simulation();
        String consumerPath = at.consumer().node().path();
        Device dev = booted.find(consumerPath);
        Simulation.Consumer con = dev == null ? null : booted.consumer(dev);
        if (con == null) {
            return "**Runtime PM**: the consumer has no simulated driver";
        }
        List<Link> links = links(dev, con, at.specifier());
        StringBuilder md = new StringBuilder("**Runtime PM** (mode `").append(booted.settings().describe()).append("`): ");
        try {
            Simulation sim = new Simulation(a.dma(), a.sdma(), booted.settings());
            sim.boot();
            Simulation.Step step = sim.apply(new Simulation.Event("resume", consumerPath, null));
            md.append(step.result());
            boolean pmLink = links.stream().anyMatch(l -> l.has(DlFlags.PM_RUNTIME));
            if (links.isEmpty()) {
                md.append("; no device link, so the resume does not power the DMA controller");
            } else if (!pmLink) {
                md.append("; the link has no PM_RUNTIME, so the resume does not power the DMA controller through it");
            }
            List<String> sups = new ArrayList<>();
            for (Link l : links) {
                Device sup = sim.find(l.supplier().name());
                if (sup != null) {
                    sups.add("supplier `" + sup.name() + "` " + (sup.rpmEnabled() ? sup.rpmStatus() : "runtime PM disabled")
                            + ", usage_count " + sup.usageCount());
                }
            }
            if (!sups.isEmpty()) {
                md.append("; ").append(String.join("; ", sups));
            }
        } catch (RuntimeException e) {
            md.append("not simulated: ").append(e.getMessage());
        }
        return md.toString();
    }

    /** The links of the consumer to the controller or channel that serves this specifier. */
    private static List<Link> links(Device dev, Simulation.Consumer con, DmaSpecifier spec) {
        String name = spec.name();
        Simulation.Held held = null;
        for (Simulation.Held h : con.held()) {
            if (h.specifier() == spec || (name != null && name.equals(h.name()) && held == null)) {
                held = h;
            }
        }
        List<Link> links = new ArrayList<>();
        if (held != null && held.link() != null) {
            links.add(held.link());
        }
        for (Link l : dev.supplierLinks()) {
            if (!links.contains(l) && held != null && (l.supplier() == held.controller().device()
                    || l.supplier() == held.channel().device())) {
                links.add(l);
            }
        }
        return links;
    }

    private static String describe(Analysis a, Simulation sim, String consumerPath, DmaSpecifier spec) {
        DevlinkSettings settings = sim.settings();
        StringBuilder md = new StringBuilder();
        md.append("**Device link** (mode `").append(settings.describe()).append("`)\n\n");
        Device dev = sim.find(consumerPath);
        Simulation.Consumer con = dev == null ? null : sim.consumer(dev);
        if (con == null) {
            md.append("- the consumer has no simulated driver: nothing requests this channel\n");
            return md.toString();
        }
        String name = spec.name();
        if (name != null && !con.names().contains(name)) {
            md.append("- its driver does not request `").append(name).append("` at probe: no channel, no link\n");
        }
        Simulation.Held held = null;
        for (Simulation.Held h : con.held()) {
            if (h.specifier() == spec || (name != null && name.equals(h.name()) && held == null)) {
                held = h;
            }
        }
        if (held != null) {
            md.append("- channel `").append(held.channel().device().name()).append("` of `")
                    .append(held.controller().device().name()).append("`\n");
        }
        List<Link> links = new ArrayList<>();
        if (held != null && held.link() != null) {
            links.add(held.link());
        }
        for (Link l : dev.supplierLinks()) {
            if (!links.contains(l) && held != null && (l.supplier() == held.controller().device()
                    || l.supplier() == held.channel().device())) {
                links.add(l);
            }
        }
        if (links.isEmpty()) {
            md.append(settings.active() ? "- no device link for this request\n"
                    : "- mainline: `dma_request_chan()` creates no device link (no probe/unbind ordering, no runtime-PM"
                            + " propagation)\n");
        }
        for (Link l : links) {
            md.append("- link `").append(l.sysfsName()).append("`: flags `").append(DlFlags.format(l.flags()))
                    .append("`, state ").append(l.status().sysfs()).append(", kref ").append(l.kref())
                    .append(", rpm_active ").append(l.rpmActive()).append('\n');
        }
        for (Finding f : sim.findings()) {
            if (f.specifier() == spec || (f.specifier() == null && f.node() == con.dma().node())) {
                md.append("- **").append(f.code().id()).append("** ").append(f.message()).append('\n');
            }
        }
        md.append('\n').append(runtimePm(a, settings, consumerPath, dev, links));
        return md.toString();
    }

    /** Boots a fresh simulation and resumes the consumer, reporting what reaches the suppliers. */
    private static String runtimePm(Analysis a, DevlinkSettings settings, String consumerPath, Device booted,
            List<Link> links) {
        StringBuilder md = new StringBuilder("**Runtime PM** (consumer resume, after boot)\n\n");
        boolean pmLink = links.stream().anyMatch(l -> l.has(DlFlags.PM_RUNTIME));
        if (!pmLink) {
            md.append("- no PM_RUNTIME link: resuming `").append(booted.name())
                    .append("` does not power the DMA controller through a link\n");
        }
        try {
            Simulation sim = new Simulation(a.dma(), a.sdma(), settings);
            sim.boot();
            Simulation.Step step = sim.apply(new Simulation.Event("resume", consumerPath, null));
            md.append("- ").append(step.result()).append('\n');
            int n = 0;
            for (String t : step.trace()) {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.contains("pm_runtime") || lower.contains("rpm") || lower.contains("eacces")) {
                    if (n++ == MAX_TRACE) {
                        md.append("  - ...\n");
                        break;
                    }
                    md.append("  - `").append(t).append("`\n");
                }
            }
            for (Link l : links) {
                Device sup = sim.find(l.supplier().name());
                if (sup != null) {
                    md.append("- supplier `").append(sup.name()).append("`: runtime PM ")
                            .append(sup.rpmEnabled() ? "enabled, " + sup.rpmStatus() : "disabled")
                            .append(", usage_count ").append(sup.usageCount()).append('\n');
                }
            }
        } catch (RuntimeException e) {
            md.append("- not simulated: ").append(e.getMessage()).append('\n');
        }
        return md.toString();
    }
}
