package dtdma.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.DmaProvider;
import dtdma.dma.DmaSpecifier;
import dtdma.sdma.ChannelBudget;
import dtdma.sdma.SdmaModel;
import dtdma.sdma.SdmaSpecifier;
import dtdma.sdma.ScriptSource;
import dtdma.sdma.SdmaTables;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code dtdma dma}: the DMA map of a board — controllers, their consumers, decoded cells, channels, findings. */
final class DmaCommand {
    private final PrintStream out;
    private Analysis analysis;
    private final PrintStream err;

    DmaCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return """
                Usage: dtdma dma [OPTIONS] BOARD

                Prints the DMA map of BOARD: for each DMA controller its consumers, the dma-names entry and
                decoded cells of each specifier (for i.MX SDMA: event, peripheral type, priority and register
                priority, direction, script and where it comes from), the predicted channel, and the findings.
                Channel numbers assume that devicetree order is probe order: a heuristic, marked as such.

                Options:
                  -I DIR               add an include directory (repeatable)
                  --no-kernel-detect   do not look for a Linux kernel tree around BOARD
                  --format FMT         text (default) or json
                  -h, --help           show this text

                Exit status: 0 no errors, 1 the board has errors, 2 usage or I/O error.
                """;
    }

    int run(String[] args) {
        Options o = new Options(args);
        String format = "text";
        while (o.hasNext()) {
            String a = o.next();
            if (a.equals("-h") || a.equals("--help")) {
                out.print(help());
                return 0;
            } else if (Options.is(a, "--format")) {
                format = o.value(a, "--format").toLowerCase(Locale.ROOT);
                if (!format.equals("text") && !format.equals("json")) {
                    throw new Main.UsageException("--format must be text or json, not '" + format + "'");
                }
            } else if (!o.common(a)) {
                o.positionalOrUnknown(a);
            }
        }
        Path board = o.singleBoard();
        Boards boards = new Boards(o.includes, o.detectKernel);
        Analysis a = boards.analyse(board, () -> false);
        analysis = a;
        BoardResult r = a.result();
        DmaModel dma = a.dma();
        SdmaModel sdma = a.sdma();
        Reporter rep = Reporter.of("text", boards.sources());
        List<Diagnostic> dmaDiags = r.diagnostics().stream().filter(d -> isDma(d)).toList();
        if (format.equals("json")) {
            json(r, dma, sdma, dmaDiags, rep);
        } else {
            text(r, dma, sdma, dmaDiags, rep);
        }
        return r.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR) ? 1 : 0;
    }

    private static boolean isDma(Diagnostic d) {
        String id = d.code().id();
        return id.startsWith("DT") && !id.startsWith("DTS") || id.startsWith("SD");
    }

    private void text(BoardResult r, DmaModel dma, SdmaModel sdma, List<Diagnostic> diags, Reporter rep) {
        out.println("DMA map of " + rep.display(r.file()));
        if (dma.providers().isEmpty()) {
            out.println("  no DMA controllers");
        }
        for (DmaProvider p : dma.providers()) {
            out.println();
            SdmaModel.Controller sc = sdma.controller(p.node());
            out.println(title(p) + " [" + p.node().status() + "]");
            if (sc != null) {
                var dd = sc.match().data();
                out.println("  i.MX SDMA: " + sc.match().matched() + " -> " + dd.symbol()
                        + (sc.match().fallback() ? " (fallback through the compatible list)" : "") + ", "
                        + dd.numEvents() + " events, ROM scripts " + dd.rom().map(t -> t.shortName()).orElse("none")
                        + ", ecspi_fixed " + dd.ecspiFixed() + ", firmware "
                        + (sc.firmwareName() == null ? "(none named)" : sc.firmwareName()));
                ChannelBudget.Result b = sc.budget();
                out.println("  channels: " + b.assigned().size() + " of " + SdmaTables.USABLE_CHANNELS
                        + " requested by enabled consumers" + (b.refused().isEmpty() ? "" : ", " + b.refused().size()
                        + " refused") + (sc.node().enabled() ? "; device dma" + sc.deviceIndex()
                        + " (order is a heuristic: DT order as probe order)" : ""));
            } else if (p.router()) {
                out.println("  router to " + String.join(", ", p.masters().stream().map(Node::path).toList()));
            } else {
                out.println("  #dma-cells = " + p.cells());
            }
            List<DmaConsumer> consumers = dma.consumersOf(p.node());
            if (consumers.isEmpty()) {
                out.println("  no consumers");
            }
            for (DmaConsumer c : consumers) {
                out.println("  " + c.node().path() + " [" + c.node().status() + "]");
                out.println("    driver: " + dtdma.features.DriverText.of(c, null).replace("`", ""));
                for (DmaSpecifier s : c.specifiers()) {
                    if (s.controller() != p.node()) {
                        continue;
                    }
                    String via = p.router() ? "  -> " + String.join(" or ", dma.realControllers(s).stream()
                            .map(Node::path).toList()) : "";
                    out.println("    " + specifierLine(c, s, sc) + via);
                }
            }
        }
        List<Diagnostic> other = new ArrayList<>(diags);
        out.println();
        if (other.isEmpty()) {
            out.println("No DMA findings.");
        } else {
            out.println("DMA findings:");
            rep.report(List.of(new BoardResult(r.file(), r.tree(), other)), Severity.HINT, out);
        }
    }

    private static String title(DmaProvider p) {
        String label = p.node().labels().isEmpty() ? "" : p.node().labels().get(0) + ": ";
        return label + p.node().path() + "  " + String.join(", ", p.node().compatibles());
    }

    private String specifierLine(DmaConsumer c, DmaSpecifier s, SdmaModel.Controller sc) {
        String name = s.name() == null ? "(no name)" : s.name();
        StringBuilder sb = new StringBuilder(String.format("%-8s <%s>", name, dtdma.features.CellText.args(analysis, c, s)));
        if (sc == null) {
            return sb.toString();
        }
        SdmaModel.Use use = sc.uses().stream().filter(u -> u.specifier() == s).findFirst().orElse(null);
        SdmaSpecifier.Decoded d = use == null ? null : use.decoded();
        if (d == null) {
            return sb.append("  not decodable: SDMA needs 3 cells").toString();
        }
        sb.append("  event ").append(d.event()).append(d.eventInRange() ? "" : " (out of range)");
        sb.append(", ").append(d.peripheralType().map(t -> t.describe())
                .orElse("type " + d.typeCell() + " (unknown)"));
        sb.append(", prio ").append(d.priorityCell()).append(" -> register ").append(d.registerPriority());
        sb.append(", ").append(d.direction().display());
        for (SdmaSpecifier.ScriptUse su : d.scripts()) {
            sb.append(", script ").append(su.slot().map(f -> f.fieldName()).orElse("none"));
            if (su.address() > 0) {
                sb.append(" @").append(su.address());
            }
            sb.append(" [").append(su.source().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(su.firmwareGated() && su.source() == ScriptSource.ROM ? ", waits for the RAM firmware" : "")
                    .append(']');
        }
        sc.assignment(c.node(), s.name() == null ? "" : s.name())
                .ifPresent(a -> sb.append(", ").append(a.channelDevice()).append(" (sdma channel ")
                        .append(a.sdmaChannel()).append(')'));
        return sb.toString();
    }

    private void json(BoardResult r, DmaModel dma, SdmaModel sdma, List<Diagnostic> diags, Reporter rep) {
        JsonObject root = new JsonObject();
        root.addProperty("board", rep.display(r.file()));
        JsonArray ctls = new JsonArray();
        for (DmaProvider p : dma.providers()) {
            JsonObject o = new JsonObject();
            o.addProperty("path", p.node().path());
            o.addProperty("label", p.node().labels().isEmpty() ? null : p.node().labels().get(0));
            o.addProperty("status", p.node().status());
            JsonArray compat = new JsonArray();
            p.node().compatibles().forEach(compat::add);
            o.add("compatible", compat);
            o.addProperty("dmaCells", p.cells());
            o.addProperty("router", p.router());
            SdmaModel.Controller sc = sdma.controller(p.node());
            if (sc != null) {
                JsonObject s = new JsonObject();
                s.addProperty("matched", sc.match().matched());
                s.addProperty("driverData", sc.match().data().symbol());
                s.addProperty("events", sc.match().data().numEvents());
                s.addProperty("romScripts", sc.match().data().rom().map(t -> t.symbol()).orElse(null));
                s.addProperty("ecspiFixed", sc.match().data().ecspiFixed());
                s.addProperty("firmware", sc.firmwareName());
                s.addProperty("deviceIndex", sc.deviceIndex());
                s.addProperty("channelsUsed", sc.budget().assigned().size());
                s.addProperty("channelsUsable", SdmaTables.USABLE_CHANNELS);
                s.addProperty("assignmentIsHeuristic", true);
                o.add("sdma", s);
            }
            JsonArray cons = new JsonArray();
            for (DmaConsumer c : dma.consumersOf(p.node())) {
                for (DmaSpecifier spec : c.specifiers()) {
                    if (spec.controller() != p.node()) {
                        continue;
                    }
                    cons.add(specJson(c, spec, sc));
                }
            }
            o.add("consumers", cons);
            ctls.add(o);
        }
        root.add("controllers", ctls);
        JsonArray fs = new JsonArray();
        for (Diagnostic d : diags) {
            JsonObject f = new JsonObject();
            Reporter.Pos pos = rep.pos(d.span());
            f.addProperty("file", pos.file());
            f.addProperty("line", pos.line());
            f.addProperty("column", pos.column());
            f.addProperty("severity", d.severity().label());
            f.addProperty("code", d.code().id());
            f.addProperty("message", d.message());
            fs.add(f);
        }
        root.add("findings", fs);
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root));
    }

    private JsonObject specJson(DmaConsumer c, DmaSpecifier s, SdmaModel.Controller sc) {
        JsonObject o = new JsonObject();
        o.addProperty("consumer", c.node().path());
        o.addProperty("status", c.node().status());
        o.addProperty("index", s.index());
        o.addProperty("name", s.name());
        JsonArray cells = new JsonArray();
        for (long a : s.args()) {
            cells.add(a);
        }
        o.add("cells", cells);
        o.addProperty("cellsText", dtdma.features.CellText.args(analysis, c, s));
        if (sc == null) {
            return o;
        }
        sc.uses().stream().filter(u -> u.specifier() == s).findFirst().map(SdmaModel.Use::decoded).ifPresent(d -> {
            o.addProperty("event", d.event());
            o.addProperty("eventInRange", d.eventInRange());
            o.addProperty("type", d.typeCell());
            o.addProperty("typeName", d.peripheralType().map(t -> t.kernelName()).orElse(null));
            o.addProperty("priority", d.priorityCell());
            o.addProperty("registerPriority", d.registerPriority());
            o.addProperty("direction", d.direction().name());
            JsonArray scripts = new JsonArray();
            for (SdmaSpecifier.ScriptUse su : d.scripts()) {
                JsonObject j = new JsonObject();
                j.addProperty("direction", su.direction().name());
                j.addProperty("script", su.slot().map(f -> f.fieldName()).orElse(null));
                j.addProperty("address", su.address());
                j.addProperty("source", su.source().name());
                j.addProperty("firmwareGated", su.firmwareGated());
                scripts.add(j);
            }
            o.add("scripts", scripts);
        });
        sc.assignment(c.node(), s.name() == null ? "" : s.name()).ifPresent(a -> {
            o.addProperty("channelDevice", a.channelDevice());
            o.addProperty("sdmaChannel", a.sdmaChannel());
        });
        return o;
    }
}
