package dtdma.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.DlFlags;
import dtdma.devlink.Mode;
import dtdma.devlink.Scenario;
import dtdma.devlink.Simulation;
import dtdma.devlink.Topology;
import dtdma.features.TopologyFeature;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code dtdma topology}: simulates a board's DMA device links and runtime PM and prints the graph. */
final class TopologyCommand {
    private final PrintStream out;
    private final PrintStream err;

    TopologyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return """
                Usage: dtdma topology [OPTIONS] BOARD

                Boots BOARD in a simulated kernel: every enabled DMA controller and consumer probes (devicetree
                order, then the deferred queue), consumers request their channels at probe, and dma_request_chan
                makes the device link of the chosen mode. Prints controllers, channel devices dma<N>chan<M>,
                consumers, device links (flags, status, kref, rpm_active) and runtime-PM counts. With a
                scenario, runs its events and prints the state and the kernel calls after each step.
                Channel numbers and probe order are heuristics (devicetree order).

                Options:
                  --mode M               none (default, mainline), felsch-v1, felsch-v2, frank-sketch,
                                         frank-legal, custom, fw_devlink-strict
                  --fw-devlink-strict    also make fw_devlink links from dmas (combinable with any mode)
                  --flags F              custom mode: DL_FLAG_* names joined by |, e.g. STATELESS|PM_RUNTIME
                  --supplier S           custom mode: controller (default) or channel
                  --set WORDS            more settings: channel-pm controller-pm rpm-active irq-safe=COMPAT
                                         requests=COMPAT:rx,tx late=COMPAT mandatory=COMPAT autosuspend=COMPAT:MS
                  --scenario FILE        JSON events: {"events":[{"op":"resume","device":"ecspi1"}, ...]}
                                         ops resume, suspend, bind, unbind, open, close,
                                         hw_params, hw_free (requests the driver makes
                                         then), request, release
                  --format FMT           text (default), json, dot, mermaid or svg (svg needs Graphviz dot)
                  -I DIR                 add an include directory (repeatable)
                  --no-kernel-detect     do not look for a Linux kernel tree around BOARD
                  -h, --help             show this text

                Exit status: 0 done, 2 usage, I/O error or Graphviz missing for svg.
                """;
    }

    int run(String[] args) {
        Options o = new Options(args);
        String format = "text";
        String mode = "none";
        boolean strict = false;
        String flags = null;
        String supplier = null;
        String more = "";
        Path scenarioFile = null;
        while (o.hasNext()) {
            String a = o.next();
            if (a.equals("-h") || a.equals("--help")) {
                out.print(help());
                return 0;
            } else if (o.common(a)) {
                continue;
            } else if (Options.is(a, "--format")) {
                format = o.value(a, "--format").toLowerCase(Locale.ROOT);
                if (!List.of("text", "json", "dot", "mermaid", "svg").contains(format)) {
                    throw new Main.UsageException("--format must be text, json, dot, mermaid or svg, not '" + format + "'");
                }
            } else if (Options.is(a, "--mode")) {
                mode = o.value(a, "--mode");
            } else if (a.equals("--fw-devlink-strict")) {
                strict = true;
            } else if (Options.is(a, "--flags")) {
                flags = o.value(a, "--flags");
            } else if (Options.is(a, "--supplier")) {
                supplier = o.value(a, "--supplier");
            } else if (Options.is(a, "--set")) {
                more += " " + o.value(a, "--set");
            } else if (Options.is(a, "--scenario")) {
                scenarioFile = Path.of(o.value(a, "--scenario"));
            } else {
                o.positionalOrUnknown(a);
            }
        }
        Path board = o.singleBoard();
        Scenario scenario = null;
        if (scenarioFile != null) {
            try {
                scenario = Scenario.read(scenarioFile);
            } catch (IOException e) {
                err.println("dtdma topology: cannot read " + scenarioFile + ": " + e.getMessage());
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("dtdma topology: " + scenarioFile + ": " + e.getMessage());
                return 2;
            }
        }
        DevlinkSettings settings = settings(mode, strict, flags, supplier,
                more + (scenario != null && scenario.settings() != null ? " " + scenario.settings() : ""));
        if (format.equals("svg") && !graphvizPresent()) {
            err.println("dtdma topology: --format svg needs Graphviz 'dot' on PATH, and it is not installed"
                    + " (Debian/Ubuntu: apt-get install graphviz); use --format dot and render it elsewhere");
            return 2;
        }
        Boards boards = new Boards(o.includes, o.detectKernel);
        Analysis a = boards.analyse(board, () -> false);
        String title = board.getFileName().toString();
        TopologyFeature.Run run;
        try {
            run = TopologyFeature.run(a.dma(), a.sdma(), settings, scenario, title);
        } catch (IllegalArgumentException ex) {
            err.println("dtdma topology: scenario: " + ex.getMessage());
            return 2;
        }
        List<Topology> snaps = run.snapshots();
        List<Simulation.Step> steps = run.steps();
        Topology last = run.last();
        switch (format) {
            case "json":
                out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                        .toJson(run.json(scenario != null)));
                break;
            case "dot":
                out.print(last.dot());
                break;
            case "mermaid":
                out.print(last.mermaid());
                break;
            case "svg":
                return svg(last.dot());
            default:
                if (scenario == null) {
                    out.print(last.text());
                } else {
                    for (int i = 0; i < steps.size(); i++) {
                        out.println("== step " + i + ": " + steps.get(i).label() + " -> " + steps.get(i).result());
                        if (i > 0) {
                            for (String t : steps.get(i).trace()) {
                                out.println("   | " + t);
                            }
                            out.println();
                        }
                        out.print(snaps.get(i).text());
                        out.println();
                    }
                }
                break;
        }
        return 0;
    }

    static DevlinkSettings settings(String mode, boolean strict, String flags, String supplier, String more) {
        try {
            DevlinkSettings s = DevlinkSettings.parse(more);
            if (DevlinkSettings.isStrictName(mode)) {
                s = s.withMode(Mode.NONE).withStrict(true);
            } else {
                s = s.withMode(Mode.parse(mode));
            }
            if (strict) {
                s = s.withStrict(true);
            }
            if (flags != null || supplier != null) {
                s = s.withCustom(flags == null ? s.customFlags() : DlFlags.parse(flags),
                        supplier == null ? s.customToChannel() : DevlinkSettings.parseSupplier(supplier));
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    static boolean graphvizPresent() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "dot"))) {
                return true;
            }
        }
        return false;
    }

    private int svg(String dot) {
        try {
            Process p = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            p.getInputStream().transferTo(buf);
            int rc = p.waitFor();
            if (rc != 0) {
                err.println("dtdma topology: dot failed with exit status " + rc);
                return 2;
            }
            out.print(buf.toString(StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            err.println("dtdma topology: cannot run dot: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }
}
