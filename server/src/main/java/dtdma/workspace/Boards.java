package dtdma.workspace;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaChecks;
import dtdma.dma.DmaModel;
import dtdma.dtc.DtcChecks;
import dtdma.dtc.DtcWarnings;
import dtdma.devlink.DevlinkChecks;
import dtdma.devlink.DevlinkModel;
import dtdma.devlink.DevlinkSettings;
import dtdma.preprocess.PpCache;
import dtdma.preprocess.PpUnit;
import dtdma.preprocess.Preprocessor;
import dtdma.sdma.SdmaChecks;
import dtdma.sdma.SdmaModel;
import dtdma.source.IncludeResolver;
import dtdma.source.KernelTree;
import dtdma.source.LoadResult;
import dtdma.source.SourceLoader;
import dtdma.syntax.ParseResult;
import dtdma.syntax.SyntaxParser;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import dtdma.tree.TreeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the whole pipeline for boards: read, preprocess as the kernel does, parse, merge, check. One
 * instance holds the caches shared by every board it loads (file texts, preprocessed includes, parsed
 * units), so checking many boards of one SoC re-does only what differs. Thread-safe.
 */
public final class Boards {
    private static final Logger LOG = Logger.getLogger(Boards.class.getName());
    private static final long MAX_INCBIN_BYTES = 16L << 20;

    private final SourceRegistry sources = new SourceRegistry();
    private final SourceLoader loader = new SourceLoader(sources);
    private final PpCache cache = new PpCache();
    private final SyntaxParser parser = new SyntaxParser();
    private final List<Path> includes;
    private final boolean detectKernel;
    private final DevlinkSettings devlink;
    private volatile dtdma.bindings.BindingSet bindings;
    private final DtcWarnings dtcWarnings;

    /**
     * @param includes     explicit include directories ({@code -I}), searched first
     * @param detectKernel also use the include paths of a Linux kernel tree found around each board
     */
    public Boards(List<Path> includes, boolean detectKernel) {
        this(includes, detectKernel, DevlinkSettings.NONE);
    }

    /**
     * @param includes     explicit include directories ({@code -I}), searched first
     * @param detectKernel also use the include paths of a Linux kernel tree found around each board
     * @param devlink      the device-link simulation the DL checks run under (mode none without
     *                     fw_devlink.strict runs none)
     */
    public Boards(List<Path> includes, boolean detectKernel, DevlinkSettings devlink) {
        this(includes, detectKernel, devlink, DtcWarnings.KERNEL);
    }

    /**
     * @param dtcWarnings which of dtc's checks report on boards (partial trees get none: dtc never compiles a
     *                    {@code .dtsi} alone)
     */
    public Boards(List<Path> includes, boolean detectKernel, DevlinkSettings devlink, DtcWarnings dtcWarnings) {
        this.includes = List.copyOf(includes);
        this.detectKernel = detectKernel;
        this.devlink = devlink == null ? DevlinkSettings.NONE : devlink;
        this.dtcWarnings = dtcWarnings == null ? DtcWarnings.KERNEL : dtcWarnings;
    }

    /** Which of dtc's checks report. */
    public DtcWarnings dtcWarnings() {
        return dtcWarnings;
    }

    /**
     * The binding schemas every board is validated against (BND checks), or null for none. Set once they are
     * loaded; analyses started before see none (they finish without them).
     */
    public void setBindings(dtdma.bindings.BindingSet set) {
        this.bindings = set;
    }

    public dtdma.bindings.BindingSet bindings() {
        return bindings;
    }

    /** The device-link settings the DL checks run under. */
    public DevlinkSettings devlink() {
        return devlink;
    }

    /** Loads with the given include directories and kernel detection (a convenience for tools and tests). */
    public static BoardResult load(Path board, List<Path> includeDirs) {
        return new Boards(includeDirs, true).load(board);
    }

    public SourceRegistry sources() {
        return sources;
    }

    /** The include directories used for a file: the explicit ones, then a detected kernel tree's. */
    public List<Path> includeDirs(Path file) {
        List<Path> dirs = new ArrayList<>(includes);
        if (detectKernel) {
            Optional<KernelTree> k = KernelTree.detect(file.toAbsolutePath());
            k.ifPresent(t -> {
                for (Path p : t.includePaths()) {
                    if (!dirs.contains(p)) {
                        dirs.add(p);
                    }
                }
            });
        }
        return dirs;
    }

    /**
     * Analyses one file: a {@code .dts} or {@code .dtso} as a board, a {@code .dtsi} (or anything else) as a
     * partial tree. Problems reading the file itself are reported as a diagnostic on it, never thrown.
     */
    public BoardResult load(Path file) {
        return analyse(file, () -> false).result();
    }

    /** Sets (or, with null text, removes) the editor buffer that replaces a file's disk contents. */
    public void setOverlay(Path file, String text) {
        loader.setOverlay(file, text);
    }

    /**
     * Like {@link #load(Path)}, but keeps every stage's output for editor features; {@code cancelled} reaches
     * the preprocessor, the parser, the tree builder, every check and the device-link boot, which poll it in
     * their loops.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    public Analysis analyse(Path file, dtdma.text.Cancel cancelled) {
        Path board = file.toAbsolutePath().normalize();
        // the schemas as the analysis starts: schemas loaded meanwhile do not delay this one (it is done again)
        dtdma.bindings.BindingSet set = bindings;
        boolean partial = !isBoard(board);
        int buffered = loader.overlayLength(board);
        if (buffered > dtdma.check.Budgets.MAX_DOCUMENT_CHARS) {
            // an editor buffer this large is not analysed: its syntax colouring is the editor's own
            return notAnalysed(board, Diagnostic.of(Code.LIM001, new Span(sources.register(board, "").id(), 0, 0),
                    "this document has " + buffered + " characters, more than the " + dtdma.check.Budgets.MAX_DOCUMENT_CHARS
                            + " the language server analyses: no checks, hovers or references for it"));
        }
        LoadResult lr = loader.load(board);
        if (!lr.ok()) {
            SourceFile empty = sources.register(board, "");
            Code code = switch (lr.error()) {
                case NOT_FOUND -> Code.PP001;
                case TOO_LARGE -> Code.PP007;
                default -> Code.PP008;
            };
            Diagnostic d = Diagnostic.of(code,
                    new Span(empty.id(), 0, 0), "cannot read " + board + ": " + lr.message());
            ParseResult none = new ParseResult(List.of(), List.of());
            DeviceTree tree = TreeBuilder.build(none, null, true);
            DmaModel dma = DmaModel.of(tree);
            return new Analysis(new BoardResult(board, tree, List.of(d)), null, none, dma, SdmaModel.of(dma), sources);
        }
        SourceFile src = lr.file();
        try {
            return analyseSource(board, src, partial, set, cancelled);
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return failed(board, src, e);
        }
    }

    /**
     * The analysis of a board whose pipeline threw: one LIM002 diagnostic on the board saying so and why, an
     * empty tree, so a caller checking many boards goes on with the others and an editor shows the failure
     * instead of "no problems". A stack overflow or exhausted heap is an expected fault (deep or huge input):
     * logged in one line; anything else is a bug and logged with its stack trace.
     */
    private Analysis failed(Path board, SourceFile src, Throwable e) {
        boolean expected = e instanceof StackOverflowError || e instanceof OutOfMemoryError;
        if (expected) {
            LOG.warning("analysis of " + board + " failed: " + e);
        } else {
            LOG.log(Level.SEVERE, "analysis of " + board + " failed", e);
        }
        String why = e instanceof StackOverflowError ? "the input is nested too deeply for the stack"
                : e instanceof OutOfMemoryError ? "out of memory (the input is too large for the heap)"
                : "internal error " + e;
        Diagnostic d = Diagnostic.of(Code.LIM002, new Span(src.id(), 0, 0),
                "dtdma could not analyse this file: " + why + "; no other problems are reported for it");
        return notAnalysed(board, d);
    }

    private Analysis notAnalysed(Path board, Diagnostic d) {
        ParseResult none = new ParseResult(List.of(), List.of());
        DeviceTree tree = TreeBuilder.build(none, null, true);
        DmaModel dma = DmaModel.of(tree);
        return new Analysis(new BoardResult(board, tree, List.of(d)), null, none, dma, SdmaModel.of(dma), sources);
    }

    private Analysis analyseSource(Path board, SourceFile src, boolean partial, dtdma.bindings.BindingSet set,
            dtdma.text.Cancel cancelled) {
        List<Path> dirs = includeDirs(board);
        IncludeResolver resolver = new IncludeResolver(dirs);
        Preprocessor.Result pp = new Preprocessor(loader, resolver, cache).run(src, Map.of(), cancelled);
        PpUnit unit = pp.unit();
        checkCancel(cancelled);
        ParseResult parsed = parser.parse(unit, !partial, cancelled);
        checkCancel(cancelled);
        DeviceTree tree = TreeBuilder.build(parsed, (name, from) -> incbin(name, from, board, dirs), partial, cancelled);
        checkCancel(cancelled);

        List<Diagnostic> diags = new ArrayList<>();
        unit.collectDiagnostics(diags);
        // a macro invocation the budgets stopped (PP007) is left unexpanded: the parser's complaints about what
        // is left of it ("stray identifier", "unexpected ')'") are its echo, not more findings
        List<Span> refused = diags.stream().filter(d -> d.code() == Code.PP007 && d.span() != null
                && d.span().end() > d.span().start()).map(Diagnostic::span).toList();
        for (Diagnostic d : parsed.diagnostics()) {
            if (d.span() != null && refused.stream().anyMatch(r -> r.fileId() == d.span().fileId()
                    && r.start() <= d.span().start() && d.span().end() <= r.end())) {
                continue;
            }
            diags.add(partial && d.code() == Code.DTS005 ? undefinedHere(d) : d);
        }
        diags.addAll(tree.diagnostics());
        Span where = new Span(src.id(), 0, 0);
        DmaModel dma = DmaModel.of(tree, bindings);
        Check.runAll(DmaChecks.all(), dma, diags, where, cancelled);
        if (!partial) {
            int before = diags.size();
            DtcChecks.run(tree, dtcWarnings, where, diags, cancelled);
            DtcDedup.dmas(tree, diags, before);
        }
        checkCancel(cancelled);
        SdmaModel sdma = SdmaModel.of(dma);
        Check.runAll(SdmaChecks.all(), sdma, diags, where, cancelled);
        DevlinkModel booted = null;
        if (devlink.active() && !partial) {
            checkCancel(cancelled);
            try {
                booted = DevlinkModel.boot(dma, sdma, devlink, cancelled);
                Check.runAll(DevlinkChecks.all(), booted, diags, where, cancelled);
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "device-link simulation failed for " + board, e);
                diags.add(Diagnostic.of(Code.INT001, where, "device-link simulation failed: " + e));
            }
        }
        dtdma.bindings.BindingResults bound = null;
        if (set != null && !partial) {
            checkCancel(cancelled);
            try {
                bound = new dtdma.bindings.BindingResults(board, tree, set,
                        dtdma.bindings.BindingValidator.validate(tree, set, cancelled::isCancelled), this::locateInBinding);
                Check.runAll(dtdma.bindings.BindingChecks.all(), bound, diags, where, cancelled);
            } catch (RuntimeException | StackOverflowError e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c;
                }
                LOG.log(Level.WARNING, "binding validation failed for " + board, e);
                diags.add(Diagnostic.of(Code.INT001, where, "binding validation failed: " + e));
            }
        }
        diags = capPerCode(diags, where);
        Analysis out = new Analysis(new BoardResult(board, tree, diags), unit, parsed, dma, sdma, sources, pp.macros());
        out.setDevlink(devlink, booted);
        out.setBindings(bound);
        return out;
    }

    /** The line of {@code property} in a binding file (registered as a source), or the file's start. */
    private Span locateInBinding(dtdma.bindings.Binding b, String property) {
        try {
            LoadResult lr = loader.load(b.path());
            if (!lr.ok()) {
                return null;
            }
            String text = lr.file().text();
            int at = property == null ? -1 : text.indexOf("\n  " + property + ":");
            if (at < 0 && property != null) {
                at = text.indexOf(" " + property + ":");
            }
            int start = at < 0 ? 0 : text.indexOf(property, at);
            int end = at < 0 ? 0 : start + property.length();
            return new Span(lr.file().id(), start, end);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "cannot read binding " + b.path(), e);
            return null;
        }
    }

    /**
     * Keeps the first {@link dtdma.check.Budgets#MAX_DIAGNOSTICS_PER_CODE} diagnostics of each code; the rest are
     * counted in one LIM001 (a hostile file can repeat one mistake a million times).
     */
    static List<Diagnostic> capPerCode(List<Diagnostic> diags, Span where) {
        int max = dtdma.check.Budgets.MAX_DIAGNOSTICS_PER_CODE;
        if (diags.size() <= max) {
            return diags;
        }
        Map<Code, Integer> seen = new java.util.EnumMap<>(Code.class);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diags) {
            int n = seen.merge(d.code(), 1, Integer::sum);
            if (n <= max) {
                out.add(d);
            }
        }
        seen.forEach((code, n) -> {
            if (n > max) {
                out.add(Diagnostic.of(Code.LIM001, where, (n - max) + " more " + code.id() + " diagnostics are not shown (the first "
                        + max + " are)"));
            }
        });
        return out;
    }

    private static void checkCancel(dtdma.text.Cancel cancelled) {
        cancelled.check();
    }

    /**
     * In a {@code .dtsi} analysed without its board, an identifier left in a value is usually a macro from a
     * header the board includes first (pin-function headers, clock ids): said as information, not an error.
     */
    private static Diagnostic undefinedHere(Diagnostic d) {
        return new Diagnostic(d.code(), dtdma.check.Severity.INFO, d.span(), d.message()
                + "; analysed without an including board, so a macro the board's headers define may be missing",
                d.related());
    }

    /** Boards and overlays are roots; {@code .dtsi} and headers are analysed as partial trees. */
    public static boolean isBoard(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".dts") || n.endsWith(".dtso");
    }

    /**
     * {@code /incbin/}: the file is searched next to the file that names it, then next to the board, then in
     * the include directories, as dtc does; only regular files up to 16 MiB are read.
     */
    private byte[] incbin(String name, Span from, Path board, List<Path> dirs) throws IOException {
        try {
            return incbinCandidates(name, from, board, dirs);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IOException("not a valid file name (" + e.getReason() + ")");
        }
    }

    private byte[] incbinCandidates(String name, Span from, Path board, List<Path> dirs) throws IOException {
        List<Path> candidates = new ArrayList<>();
        Path asGiven = Path.of(name);
        if (asGiven.isAbsolute()) {
            candidates.add(asGiven);
        } else {
            SourceFile f = from == null ? null : sources.get(from.fileId());
            if (f != null && f.path().getParent() != null) {
                candidates.add(f.path().getParent().resolve(name));
            }
            candidates.add(board.getParent().resolve(name));
            for (Path d : dirs) {
                candidates.add(d.resolve(name));
            }
        }
        for (Path c : candidates) {
            if (Files.exists(c)) {
                if (!Files.isRegularFile(c)) {
                    throw new IOException(c + " is not a regular file");
                }
                if (Files.size(c) > MAX_INCBIN_BYTES) {
                    throw new IOException(c + " is larger than " + (MAX_INCBIN_BYTES >> 20) + " MiB");
                }
                try {
                    return Files.readAllBytes(c);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "incbin " + c, e);
                    throw e;
                }
            }
        }
        throw new IOException("not found (searched " + candidates.size() + " places)");
    }
}
