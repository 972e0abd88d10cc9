package dtdma.cli;

import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.dtc.DtcWarnings;
import dtdma.style.StyleChecks;
import dtdma.workspace.BoardResult;
import dtdma.workspace.Boards;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** {@code dtdma check}: analyses boards and partial files and reports diagnostics for CI. */
final class CheckCommand {
    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return """
                Usage: dtdma check [OPTIONS] FILE|DIR...

                Reads each board as the kernel build does (C preprocessor, then dtc's language), builds its
                merged tree and reports problems as FILE:LINE:COL: SEVERITY: MESSAGE [CODE] (1-based).
                A directory stands for every .dts below it; a .dtso overlay is checked as its own root. A
                .dtsi given by name is checked as a partial tree: references an includer could satisfy are
                not reported.

                Options:
                  -I DIR                 add an include directory (repeatable); a Linux kernel tree around
                                         the file is detected and its include paths added automatically
                  --no-kernel-detect     do not look for a kernel tree
                  --format FMT           text (default), json or sarif (SARIF 2.1.0)
                  --min-severity SEV     report only error, warning (default), info or hint and above
                  --werror               exit 1 on warnings too
                  --style                also report the kernel's DTS coding style (STY0xx, severity info)
                                         in every .dts, .dtsi and .dtso the boards read; lowers the default
                                         --min-severity to info
                  --devlink-mode M       simulate dma_request_chan device links in mode M and report DL0xx:
                                         none (default), felsch-v1, felsch-v2, frank-sketch, frank-legal,
                                         custom (with --devlink-flags F and --devlink-supplier S)
                  --fw-devlink-strict    simulate fw_devlink.strict=1 (links from dmas before probe)
                  --bindings DIR         validate every board against the binding schemas under DIR (a
                                         kernel's Documentation/devicetree/bindings) and report BND0xx;
                                         inside a kernel tree its bindings are used without this option
                  --dt-schema DIR        the installed dt-schema package directory (holding schemas/dt-core.yaml);
                                         default: found where Debian's dt-schema package or pip put it
                  --no-bindings          do not validate against binding schemas
                  --dtc-warnings LEVEL   which of dtc's checks report (DC0xx): kernel (default: what
                                         make dtbs shows), W=1, W=2, W=12, all or none
                  -W CHECK, -Wno-CHECK   turn one of dtc's checks on or off, by dtc's name, after the
                                         level (repeatable), e.g. -Wunique_unit_address
                  --jobs N               check N boards in parallel (default: number of cores)
                  --no-progress          never draw a progress bar (none is drawn when stderr is no terminal)
                  -h, --help             show this text

                Exit status: 0 no errors (no warnings either with --werror), 1 problems at or above the
                threshold, 2 usage, I/O or internal error.
                """;
    }

    int run(String[] args) {
        Options o = new Options(args);
        String format = "text";
        Severity min = Severity.WARNING;
        boolean werror = false;
        boolean style = false;
        boolean minGiven = false;
        boolean detect = true;
        boolean progress = true;
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        String dlMode = "none";
        boolean dlStrict = false;
        String dlFlags = null;
        String dlSupplier = null;
        Path bindingsDir = null;
        Path dtSchemaDir = null;
        boolean useBindings = true;
        DtcWarnings dtcLevel = DtcWarnings.KERNEL;
        List<String> dtcAdjust = new ArrayList<>();
        while (o.hasNext()) {
            String a = o.next();
            if (a.equals("-h") || a.equals("--help")) {
                out.print(help());
                return 0;
            } else if (Options.is(a, "-I")) {
                o.includes.add(Path.of(o.value(a, "-I")));
            } else if (Options.is(a, "--format")) {
                format = o.value(a, "--format").toLowerCase(Locale.ROOT);
                if (!List.of("text", "json", "sarif").contains(format)) {
                    throw new Main.UsageException("--format must be text, json or sarif, not '" + format + "'");
                }
            } else if (Options.is(a, "--min-severity")) {
                try {
                    min = Severity.parse(o.value(a, "--min-severity"));
                    minGiven = true;
                } catch (IllegalArgumentException e) {
                    throw new Main.UsageException(e.getMessage());
                }
            } else if (Options.is(a, "--devlink-mode")) {
                dlMode = o.value(a, "--devlink-mode");
            } else if (a.equals("--fw-devlink-strict")) {
                dlStrict = true;
            } else if (Options.is(a, "--devlink-flags")) {
                dlFlags = o.value(a, "--devlink-flags");
            } else if (Options.is(a, "--devlink-supplier")) {
                dlSupplier = o.value(a, "--devlink-supplier");
            } else if (Options.is(a, "--bindings")) {
                bindingsDir = Path.of(o.value(a, "--bindings"));
            } else if (Options.is(a, "--dt-schema")) {
                dtSchemaDir = Path.of(o.value(a, "--dt-schema"));
            } else if (a.equals("--no-bindings")) {
                useBindings = false;
            } else if (Options.is(a, "--dtc-warnings")) {
                try {
                    dtcLevel = DtcWarnings.of(o.value(a, "--dtc-warnings"));
                } catch (IllegalArgumentException e) {
                    throw new Main.UsageException(e.getMessage());
                }
            } else if (a.equals("-W") || a.equals("-Wno")) {
                dtcAdjust.add(a + (a.equals("-Wno") ? "-" : "") + o.value(a, a));
            } else if (a.startsWith("-W")) {
                dtcAdjust.add(a);
            } else if (a.equals("--style")) {
                style = true;
            } else if (a.equals("--werror")) {
                werror = true;
            } else if (a.equals("--no-kernel-detect")) {
                detect = false;
            } else if (a.equals("--no-progress")) {
                progress = false;
            } else if (Options.is(a, "--jobs") || Options.is(a, "-j")) {
                jobs = Options.positiveInt(o.value(a, a.startsWith("--") ? "--jobs" : "-j"), "--jobs");
            } else if (a.startsWith("-") && a.length() > 1) {
                throw new Main.UsageException("unknown option '" + a + "'");
            } else {
                o.positional.add(a);
            }
        }
        if (o.positional.isEmpty()) {
            throw new Main.UsageException("no FILE or DIR given");
        }
        List<Path> files = new ArrayList<>();
        for (String p : o.positional) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    s.filter(f -> f.toString().endsWith(".dts") && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    err.println("dtdma check: cannot read directory " + p + ": " + e.getMessage());
                    return 2;
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err.println("dtdma check: " + p + ": no such file or directory");
                return 2;
            }
        }
        if (files.isEmpty()) {
            err.println("dtdma check: no .dts file found in " + String.join(", ", o.positional));
            return 2;
        }
        for (String adj : dtcAdjust) {
            try {
                dtcLevel = dtcLevel.with(adj);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        Boards boards = new Boards(o.includes, detect,
                TopologyCommand.settings(dlMode, dlStrict, dlFlags, dlSupplier, ""), dtcLevel);
        if (useBindings) {
            Integer rc = loadBindings(boards, bindingsDir, dtSchemaDir, files.isEmpty() ? null : files.get(0));
            if (rc != null) {
                return rc;
            }
        }
        List<BoardResult> results = checkAll(boards, files, jobs, progress && System.console() != null);
        if (style && !results.isEmpty()) {
            // each file once, whichever boards read it: reported with the first board
            results = new ArrayList<>(results);
            BoardResult first = results.get(0);
            List<Diagnostic> merged = new ArrayList<>(first.diagnostics());
            merged.addAll(styleFindings(boards, results));
            results.set(0, new BoardResult(first.file(), first.tree(), merged));
            if (!minGiven) {
                min = Severity.INFO;
            }
        }
        Severity threshold = werror ? Severity.WARNING : Severity.ERROR;
        Reporter reporter = Reporter.of(format, boards.sources());
        reporter.report(results, min, out);
        boolean failed = false;
        for (BoardResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                if (d.severity().atLeast(threshold) && d.severity().atLeast(min)) {
                    failed = true;
                }
            }
        }
        return failed ? 1 : 0;
    }

    /**
     * Loads the binding schemas into {@code boards}: the named directory, else the bindings of the kernel tree
     * around the first file. Returns an exit status on a usage or I/O error, null to go on (with or without).
     */
    private Integer loadBindings(Boards boards, Path explicit, Path dtSchema, Path first) {
        java.util.Optional<Path> dir = dtdma.bindings.BindingSources.bindingsDir(explicit, first);
        if (dir.isEmpty()) {
            if (explicit != null) {
                err.println("dtdma check: --bindings " + explicit + ": no such directory");
                return 2;
            }
            return null;
        }
        java.util.Optional<Path> core = dtdma.bindings.BindingSources.dtSchemaDir(dtSchema);
        if (core.isEmpty()) {
            err.println("dtdma check: binding checks off: no dt-schema found" + (dtSchema != null ? " in " + dtSchema
                    : "; install Debian's dt-schema package or name its directory with --dt-schema"));
            return explicit != null || dtSchema != null ? 2 : null;
        }
        try {
            boards.setBindings(dtdma.bindings.BindingSet.load(dir.get(), core.get(),
                    dtdma.bindings.BindingSources.defaultCacheDir(), null));
        } catch (IOException e) {
            err.println("dtdma check: cannot read bindings: " + e.getMessage());
            return 2;
        }
        return null;
    }

    /** The style findings of every source file the boards read. */
    private static List<Diagnostic> styleFindings(Boards boards, List<BoardResult> results) {
        java.util.Map<Path, dtdma.text.SourceFile> latest = new java.util.TreeMap<>();
        dtdma.text.SourceRegistry reg = boards.sources();
        for (int id = 0; id < reg.size(); id++) {
            dtdma.text.SourceFile f = reg.get(id);
            if (f != null && f.path() != null && dtdma.text.SourceFile.isDevicetree(f.path())) {
                latest.put(f.path().toAbsolutePath().normalize(), f);
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        java.util.Map<Path, dtdma.style.StyleHints> orders = dtdma.workspace.FormatHints.labelOrders(results, reg);
        for (java.util.Map.Entry<Path, dtdma.text.SourceFile> e : latest.entrySet()) {
            out.addAll(StyleChecks.run(e.getValue(), orders.getOrDefault(e.getKey(), dtdma.style.StyleHints.NONE)));
        }
        return out;
    }

    private List<BoardResult> checkAll(Boards boards, List<Path> files, int jobs, boolean bar) {
        AtomicInteger done = new AtomicInteger();
        Progress progress = bar && files.size() > 1 ? new Progress(err, files.size()) : null;
        if (jobs == 1 || files.size() == 1) {
            List<BoardResult> out = new ArrayList<>();
            for (Path f : files) {
                out.add(boards.load(f));
                if (progress != null) {
                    progress.update(done.incrementAndGet(), f);
                }
            }
            if (progress != null) {
                progress.finish();
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), r -> {
            Thread t = new Thread(null, r, "dtdma-check", 16L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BoardResult>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    BoardResult r = boards.load(f);
                    if (progress != null) {
                        progress.update(done.incrementAndGet(), f);
                    }
                    return r;
                }));
            }
            List<BoardResult> out = new ArrayList<>();
            for (Future<BoardResult> fu : futures) {
                try {
                    out.add(fu.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (progress != null) {
                progress.finish();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A one-line progress bar on a terminal's stderr. */
    private static final class Progress {
        private final PrintStream err;
        private final int total;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        synchronized void update(int done, Path current) {
            int width = 30;
            int filled = (int) ((long) done * width / total);
            String name = current.getFileName().toString();
            if (name.length() > 40) {
                name = name.substring(0, 37) + "...";
            }
            err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " "
                    + name + "\033[K");
            err.flush();
        }

        synchronized void finish() {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
