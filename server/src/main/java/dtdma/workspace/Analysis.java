package dtdma.workspace;

import dtdma.dma.DmaModel;
import dtdma.preprocess.MacroTable;
import dtdma.preprocess.PpUnit;
import dtdma.sdma.SdmaModel;
import dtdma.syntax.ParseResult;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import dtdma.tree.DeviceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run of the pipeline produced for one context (a board, or a file analysed as a partial
 * tree): the preprocessed unit, the syntax, the merged tree, the DMA and SDMA views and the diagnostics.
 * Immutable once built; editor features read it from any thread.
 */
public final class Analysis {
    private volatile dtdma.bindings.BindingResults bindings;
    private final BoardResult result;
    private final PpUnit unit;
    private final ParseResult parsed;
    private final DmaModel dma;
    private final SdmaModel sdma;
    private final SourceRegistry sources;
    private volatile Map<Path, Integer> versions = Map.of();
    private volatile Map<Path, SourceFile> files;
    private volatile List<PpUnit.Include> includes;
    private final MacroTable macros;
    private volatile dtdma.devlink.DevlinkSettings devlinkSettings = dtdma.devlink.DevlinkSettings.NONE;
    private volatile dtdma.devlink.DevlinkModel devlink;

    public Analysis(BoardResult result, PpUnit unit, ParseResult parsed, DmaModel dma, SdmaModel sdma,
            SourceRegistry sources) {
        this(result, unit, parsed, dma, sdma, sources, null);
    }

    /** @param macros the macro table at the end of preprocessing the root (null when there was none) */
    public Analysis(BoardResult result, PpUnit unit, ParseResult parsed, DmaModel dma, SdmaModel sdma,
            SourceRegistry sources, MacroTable macros) {
        this.macros = macros == null ? new MacroTable() : macros;
        this.sources = sources;
        this.result = result;
        this.unit = unit;
        this.parsed = parsed;
        this.dma = dma;
        this.sdma = sdma;
    }

    /** The root file of the context. */
    public Path root() {
        return result.file();
    }

    public BoardResult result() {
        return result;
    }

    public DeviceTree tree() {
        return result.tree();
    }

    /** The preprocessed root unit, or null when the root could not be read. */
    public PpUnit unit() {
        return unit;
    }

    /** The macros defined at the end of the root file (read-only once the analysis is built). */
    public MacroTable macros() {
        return macros;
    }

    public ParseResult parsed() {
        return parsed;
    }

    public DmaModel dma() {
        return dma;
    }

    public SdmaModel sdma() {
        return sdma;
    }

    /** The registry that gives meaning to every span of this analysis. */
    public SourceRegistry sources() {
        return sources;
    }

    /** The file a span points into, or null. */
    public SourceFile fileOf(Span span) {
        return span == null ? null : sources.get(span.fileId());
    }

    /** The device-link settings this context is simulated under. */
    public dtdma.devlink.DevlinkSettings devlinkSettings() {
        return devlinkSettings;
    }

    /**
     * The board booted by the device-link simulator under {@link #devlinkSettings()} (the model the DL checks ran
     * on, or booted now on first use). Null for a partial tree.
     */
    public dtdma.devlink.DevlinkModel devlink() {
        return devlink(dtdma.text.Cancel.NONE);
    }

    /**
     * Like {@link #devlink()}; a boot started here polls {@code cancel} (a cancelled boot keeps nothing, the next
     * call boots again).
     */
    public dtdma.devlink.DevlinkModel devlink(dtdma.text.Cancel cancel) {
        dtdma.devlink.DevlinkModel m = devlink;
        if (m == null && unit != null && Boards.isBoard(root())) {
            synchronized (this) {
                m = devlink;
                if (m == null) {
                    m = dtdma.devlink.DevlinkModel.boot(dma, sdma, devlinkSettings, cancel);
                    devlink = m;
                }
            }
        }
        return m;
    }

    /** The binding validation of this board (null when no bindings were loaded or for a partial tree). */
    public dtdma.bindings.BindingResults bindings() {
        return bindings;
    }

    void setBindings(dtdma.bindings.BindingResults b) {
        bindings = b;
    }

    void setDevlink(dtdma.devlink.DevlinkSettings settings, dtdma.devlink.DevlinkModel booted) {
        devlinkSettings = settings;
        devlink = booted;
    }

    /** The editor versions of the open documents this analysis read (files read from disk are absent). */
    public Map<Path, Integer> versions() {
        return versions;
    }

    void setVersions(Map<Path, Integer> v) {
        versions = Map.copyOf(v);
    }

    /** Every file that took part, by normalised absolute path, root first, with the text that was analysed. */
    public Map<Path, SourceFile> files() {
        Map<Path, SourceFile> f = files;
        if (f == null) {
            Map<Path, SourceFile> m = new LinkedHashMap<>();
            List<PpUnit.Include> incs = new ArrayList<>();
            if (unit != null) {
                walk(unit, m, incs, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
            includes = List.copyOf(incs);
            f = Collections.unmodifiableMap(m);
            files = f;
        }
        return f;
    }

    /** Every include directive of every file of the context (each unit once). */
    public List<PpUnit.Include> includes() {
        files();
        return includes;
    }

    /** The analysed text of a file of this context, or null when it is not part of it. */
    public SourceFile file(Path path) {
        return files().get(path.toAbsolutePath().normalize());
    }

    private static void walk(PpUnit u, Map<Path, SourceFile> out, List<PpUnit.Include> incs, Set<PpUnit> seen) {
        if (!seen.add(u)) {
            return;
        }
        out.putIfAbsent(u.file().path().toAbsolutePath().normalize(), u.file());
        for (PpUnit.Piece p : u.pieces()) {
            if (p instanceof PpUnit.Include inc) {
                incs.add(inc);
                if (inc.unit() != null) {
                    walk(inc.unit(), out, incs, seen);
                }
            }
        }
    }
}
