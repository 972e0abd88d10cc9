package dtdma.features;

import dtdma.text.Cancel;
import dtdma.tree.ValueSpans;
import dtdma.dma.Console;
import dtdma.dma.DriverRequests;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaSpecifier;
import dtdma.sdma.ChannelBudget;
import dtdma.sdma.SdmaFinding;
import dtdma.sdma.SdmaModel;
import dtdma.sdma.SdmaSpecifier;
import dtdma.syntax.Ast;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.DtsWriter;
import dtdma.tree.History;
import dtdma.tree.Node;
import dtdma.tree.Property;
import dtdma.workspace.Analysis;
import java.util.Locale;
import java.util.Optional;

/**
 * Hover text (Markdown): on a {@code dmas} specifier its decoded cells, on a {@code dma-names} entry its paired
 * specifier, on a label or reference the node it names, on a property its merged value, on a node its merged
 * state and every place it was defined or changed.
 */
public final class HoverFeature {
    /** The text and the range it describes. */
    public record Result(String markdown, Span span) {
    }

    private HoverFeature() {
    }

    /** The hover at an offset of a file, or null when there is nothing to say. */
    public static Result hover(Analysis a, SourceFile file, int offset) {
        return hover(a, file, offset, Cancel.NONE);
    }

    /** Like {@link #hover(Analysis, SourceFile, int)}, polling {@code cancel} between its lookups. */
    public static Result hover(Analysis a, SourceFile file, int offset, Cancel cancel) {
        cancel.check();
        int id = file.id();
        Result macro = MacroFeature.hover(a, file, offset);
        if (macro != null) {
            return macro;
        }
        cancel.check();
        Lookup.SpecifierAt sp = Lookup.specifier(a, id, offset);
        cancel.check();
        if (sp != null) {
            return new Result(specifier(a, sp.consumer(), sp.specifier()), sp.specifier().span());
        }
        Lookup.SpecifierAt named = Lookup.dmaName(a, id, offset);
        if (named != null) {
            String md = named.specifier() == null
                    ? "`dma-names` entry without a matching `dmas` specifier"
                    : "`dma-names` entry, paired by index with:\n\n" + specifier(a, named.consumer(), named.specifier());
            return new Result(md, null);
        }
        SyntaxIndex idx = SyntaxIndex.of(a.parsed().items());
        Ast.Ref ref = idx.refAt(id, offset);
        if (ref != null) {
            Node n = Lookup.target(a, ref);
            String md = n == null
                    ? "`" + ref.spelled() + "`: not defined in " + a.root().getFileName()
                    : node(a, n);
            return new Result(md, ref.span());
        }
        Ast.Label label = idx.labelAt(id, offset);
        if (label != null) {
            Node n = a.tree().labelled(label.name());
            if (n != null) {
                return new Result(node(a, n), label.span());
            }
        }
        Node n = Lookup.node(a, id, offset);
        Property p = Lookup.property(n, id, offset);
        if (p != null) {
            return new Result(property(a, n, p), null);
        }
        return n == null ? null : new Result(node(a, n), null);
    }

    static String node(Analysis a, Node n) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(n.path()).append("**");
        if (!n.labels().isEmpty()) {
            sb.append(" — labels ");
            for (int i = 0; i < n.labels().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('`').append(n.labels().get(i)).append('`');
            }
        }
        sb.append("\n\n");
        sb.append("- status: `").append(n.status()).append('`').append(n.enabled() ? "" : " (disabled)").append('\n');
        if (!n.compatibles().isEmpty()) {
            sb.append("- compatible: ");
            for (int i = 0; i < n.compatibles().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(n.compatibles().get(i)).append('"');
            }
            sb.append('\n');
        }
        var provider = a.dma().provider(n);
        if (provider != null) {
            sb.append("- DMA controller with ").append(a.dma().consumersOf(n).size()).append(" consumer(s)\n");
        }
        sb.append(BindingHelpFeature.node(a, n));
        sb.append("\nDefined or changed in ").append(a.root().getFileName()).append(":\n\n");
        history(a, n.history(), sb);
        return sb.toString();
    }

    private static void history(Analysis a, java.util.List<History> hs, StringBuilder sb) {
        for (History h : hs) {
            sb.append("- ").append(h.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(" at ")
                    .append(where(a, h.span())).append('\n');
        }
    }

    static String where(Analysis a, Span s) {
        SourceFile f = a.fileOf(s);
        if (f == null) {
            return "(generated)";
        }
        return f.path().getFileName() + ":" + f.lines().location(s.start()).line1();
    }

    static String property(Analysis a, Node n, Property p) {
        StringBuilder sb = new StringBuilder();
        String v = DtsWriter.value(p.value());
        sb.append("```dts\n").append(p.name()).append(v.isEmpty() ? "" : " = " + v).append(";\n```\n\n");
        sb.append("in **").append(n.path()).append("**\n\n");
        String binding = BindingHelpFeature.property(a, n, p.name());
        if (!binding.isEmpty()) {
            sb.append(binding).append('\n');
        }
        history(a, p.history(), sb);
        return sb.toString();
    }

    static String specifier(Analysis a, DmaConsumer c, DmaSpecifier s) {
        StringBuilder sb = new StringBuilder();
        sb.append("**dmas[").append(s.index()).append("]**");
        sb.append(s.name() == null ? " (no `dma-names` entry)" : " `" + s.name() + "`");
        sb.append(" of ").append(c.node().path()).append("\n\n");
        Node ctl = s.controller();
        if (ctl == null) {
            sb.append("- controller: none (phandle ").append(s.phandle()).append(" does not resolve)\n");
            return sb.toString();
        }
        sb.append("- controller: ").append(ctl.labels().isEmpty() ? "" : "`" + ctl.labels().get(0) + "` ")
                .append(ctl.path()).append(" [").append(ctl.status()).append("]\n");
        sb.append("- cells: `<").append(CellText.args(a, c, s)).append(">`\n");
        driver(c, s, sb);
        SdmaModel.Controller sc = a.sdma().controller(ctl);
        if (sc == null) {
            return sb.toString();
        }
        var dd = sc.match().data();
        sb.append("- SDMA driver data: `").append(dd.symbol()).append("` (matched `").append(sc.match().matched())
                .append("`), ").append(dd.numEvents()).append(" events\n");
        SdmaSpecifier.Decoded d = decoded(sc, s);
        if (d == null) {
            sb.append("- not decodable: SDMA needs 3 cells\n");
            return sb.toString();
        }
        sb.append("- event: ").append(d.event()).append(d.eventInRange() ? "" : " (out of range)").append('\n');
        sb.append("- peripheral type: ")
                .append(d.peripheralType().map(t -> "`" + t.kernelLabel() + "` " + t.displayName())
                        .orElse(d.typeCell() + " (no enum sdma_peripheral_type value)"))
                .append(d.typeSupported() ? "" : " — unsupported").append('\n');
        sb.append("- priority: ").append(CellText.cell(a, ValueSpans.of(c.dmas()).cell(s.offset() + 12),
                d.priorityCell())).append(" (").append(priorityName(d.priorityCell()))
                .append(") → register priority ").append(d.registerPriority()).append('\n');
        sb.append("- direction: ").append(d.direction().display()).append('\n');
        for (SdmaSpecifier.ScriptUse su : d.scripts()) {
            sb.append("- script (").append(su.direction().display()).append("): ")
                    .append(su.slot().map(f -> "`" + f.fieldName() + "`").orElse("none"));
            if (su.address() > 0) {
                sb.append(" at ").append(su.address());
            }
            sb.append(" [").append(su.source().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("]\n");
        }
        Optional<ChannelBudget.Assignment> as = sc.assignment(c.node(), s.name() == null ? "" : s.name());
        DriverRequests.Driver drv = DriverRequests.of(c.node().compatibles(), c.names());
        sb.append("- predicted channel: ").append(as.map(x -> x.channelDevice() + " (SDMA channel " + x.sdmaChannel()
                + "; heuristic: devicetree order as probe order)").orElse(drv.when() == DriverRequests.When.PROBE
                        ? "none" : "none held after boot: the driver requests it " + drv.when().text())).append('\n');
        for (SdmaFinding f : d.findings()) {
            sb.append("\n").append(f.code().id()).append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }

    /** What the consumer's driver does with this channel: when and how it asks, and what happens without it. */
    static void driver(DmaConsumer c, DmaSpecifier s, StringBuilder sb) {
        sb.append("- driver: ").append(DriverText.of(c, s.name())).append('\n');
    }

    static SdmaSpecifier.Decoded decoded(SdmaModel.Controller sc, DmaSpecifier s) {
        for (SdmaModel.Use u : sc.uses()) {
            if (u.specifier() == s) {
                return u.decoded();
            }
        }
        return null;
    }

    static String priorityName(long cell) {
        if (cell == 0) {
            return "high";
        } else if (cell == 1) {
            return "medium";
        } else if (cell == 2) {
            return "low";
        }
        return "non-standard, treated as low";
    }
}
