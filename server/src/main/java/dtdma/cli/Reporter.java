package dtdma.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.check.Severity;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import dtdma.text.Span;
import dtdma.workspace.BoardResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes diagnostics for people (text, as compilers do) or machines (JSON, SARIF 2.1.0). Positions are
 * 1-based lines and columns (columns count UTF-16 units). A diagnostic that several boards raise in a
 * shared file is reported once.
 */
abstract class Reporter {
    protected final SourceRegistry sources;
    private final Path cwd = Path.of("").toAbsolutePath();

    Reporter(SourceRegistry sources) {
        this.sources = sources;
    }

    static Reporter of(String format, SourceRegistry sources) {
        return switch (format) {
            case "json" -> new Json(sources);
            case "sarif" -> new Sarif(sources);
            default -> new Text(sources);
        };
    }

    abstract void report(List<BoardResult> results, Severity min, PrintStream out);

    /** One place in a file, 1-based. */
    record Pos(String file, int line, int column, int endLine, int endColumn) {
    }

    Pos pos(Span span) {
        SourceFile f = span == null ? null : sources.get(span.fileId());
        if (f == null) {
            return new Pos("<unknown>", 1, 1, 1, 1);
        }
        LineIndex li = f.lines();
        LineIndex.Location s = li.location(span.start());
        LineIndex.Location e = li.location(span.end());
        return new Pos(display(f.path()), s.line1(), s.column1(), e.line1(), e.column1());
    }

    String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }

    /** The diagnostics of all results at or above {@code min}, each distinct one once, in a stable order. */
    List<Diagnostic> collect(List<BoardResult> results, Severity min) {
        Set<Diagnostic> seen = new LinkedHashSet<>();
        for (BoardResult r : results) {
            for (Diagnostic d : r.diagnostics()) {
                if (d.severity().atLeast(min)) {
                    seen.add(d);
                }
            }
        }
        List<Diagnostic> out = new ArrayList<>(seen);
        out.sort(Comparator.comparing((Diagnostic d) -> pos(d.span()).file())
                .thenComparingInt(d -> d.span() == null ? 0 : d.span().start())
                .thenComparing(d -> d.code().id()));
        return out;
    }

    /** What a reported diagnostic is about: the first board that raised it, its node and property where known. */
    record About(String board, String nodePath, String property, String dtcCheck, String binding, String rule) {
        About(String board, String nodePath, String property, String dtcCheck) {
            this(board, nodePath, property, dtcCheck, null, null);
        }
    }

    /**
     * For each diagnostic, the first board (in {@code results} order) that raised it, and the node and property it
     * is about: from the diagnostic itself where it says (dtc's checks do), else the property whose definition
     * holds its span, else the node whose name does.
     */
    java.util.Map<Diagnostic, About> about(List<BoardResult> results, List<Diagnostic> shown) {
        Set<Diagnostic> want = new java.util.HashSet<>(shown);
        java.util.Map<Diagnostic, About> out = new java.util.HashMap<>();
        for (BoardResult r : results) {
            TreeIndex index = null;
            for (Diagnostic d : r.diagnostics()) {
                if (!want.contains(d) || out.containsKey(d)) {
                    continue;
                }
                String board = display(r.file());
                Diagnostic.Subject s = d.subject();
                if (s == null && r.tree() != null && d.span() != null) {
                    if (index == null) {
                        index = new TreeIndex(r.tree());
                    }
                    s = index.locate(d.span());
                }
                out.put(d, s == null ? new About(board, null, null, null)
                        : new About(board, s.nodePath(), s.property(), s.dtcCheck(), s.binding(), s.rule()));
            }
        }
        return out;
    }

    /** Adds {@code board}, {@code nodePath}, {@code property}, {@code dtcCheck}, {@code binding}, {@code rule} where known. */
    static void addAbout(JsonObject o, About a) {
        if (a == null) {
            return;
        }
        o.addProperty("board", a.board());
        if (a.nodePath() != null) {
            o.addProperty("nodePath", a.nodePath());
        }
        if (a.property() != null) {
            o.addProperty("property", a.property());
        }
        if (a.dtcCheck() != null) {
            o.addProperty("dtcCheck", a.dtcCheck());
        }
        if (a.binding() != null) {
            o.addProperty("binding", a.binding());
        }
        if (a.rule() != null) {
            o.addProperty("rule", a.rule());
        }
    }

    /** Finds the node and property a span lies in: property definitions first, then node names. */
    static final class TreeIndex {
        private record Entry(Span span, String nodePath, String property) {
        }

        private final List<Entry> entries = new ArrayList<>();

        TreeIndex(dtdma.tree.DeviceTree tree) {
            add(tree.root());
        }

        private void add(dtdma.tree.Node n) {
            for (dtdma.tree.Property p : n.properties()) {
                if (p.definition() != null) {
                    entries.add(new Entry(p.definition().span(), n.path(), p.name()));
                }
            }
            if (n.nameSpan() != null && !n.isRoot()) {
                entries.add(new Entry(n.nameSpan(), n.path(), null));
            }
            for (dtdma.tree.Node c : n.children()) {
                add(c);
            }
        }

        Diagnostic.Subject locate(Span s) {
            Entry best = null;
            for (Entry e : entries) {
                Span x = e.span();
                if (x != null && x.fileId() == s.fileId() && x.start() <= s.start() && s.end() <= x.end()
                        && (best == null || x.length() < best.span().length())) {
                    best = e;
                }
            }
            return best == null ? null : new Diagnostic.Subject(best.nodePath(), best.property(), null);
        }
    }

    static final class Text extends Reporter {
        Text(SourceRegistry s) {
            super(s);
        }

        @Override
        void report(List<BoardResult> results, Severity min, PrintStream out) {
            int errors = 0;
            int warnings = 0;
            for (Diagnostic d : collect(results, min)) {
                Pos p = pos(d.span());
                out.println(p.file() + ":" + p.line() + ":" + p.column() + ": " + d.severity().label() + ": "
                        + d.message() + " [" + d.code().id() + "]");
                for (Diagnostic.Related r : d.related()) {
                    Pos q = pos(r.span());
                    out.println(q.file() + ":" + q.line() + ":" + q.column() + ": note: " + r.message());
                }
                if (d.severity() == Severity.ERROR) {
                    errors++;
                } else if (d.severity() == Severity.WARNING) {
                    warnings++;
                }
            }
            if (results.size() > 1 || errors + warnings > 0) {
                out.println(results.size() + (results.size() == 1 ? " file" : " files") + " checked: " + errors
                        + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
            }
        }
    }

    static final class Json extends Reporter {
        Json(SourceRegistry s) {
            super(s);
        }

        @Override
        void report(List<BoardResult> results, Severity min, PrintStream out) {
            JsonObject root = new JsonObject();
            JsonArray files = new JsonArray();
            for (BoardResult r : results) {
                files.add(display(r.file()));
            }
            root.add("checked", files);
            JsonArray diags = new JsonArray();
            List<Diagnostic> shown = collect(results, min);
            java.util.Map<Diagnostic, About> about = about(results, shown);
            for (Diagnostic d : shown) {
                JsonObject o = location(d.span());
                o.addProperty("severity", d.severity().label());
                o.addProperty("code", d.code().id());
                o.addProperty("message", d.message());
                addAbout(o, about.get(d));
                JsonArray rel = new JsonArray();
                for (Diagnostic.Related r : d.related()) {
                    JsonObject ro = location(r.span());
                    ro.addProperty("message", r.message());
                    rel.add(ro);
                }
                o.add("related", rel);
                diags.add(o);
            }
            root.add("diagnostics", diags);
            Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
            out.println(gson.toJson(root));
        }

        private JsonObject location(Span span) {
            Pos p = pos(span);
            JsonObject o = new JsonObject();
            o.addProperty("file", p.file());
            o.addProperty("line", p.line());
            o.addProperty("column", p.column());
            o.addProperty("endLine", p.endLine());
            o.addProperty("endColumn", p.endColumn());
            return o;
        }
    }

    /** SARIF 2.1.0, with one rule per diagnostic code, as code-scanning uploaders expect. */
    static final class Sarif extends Reporter {
        Sarif(SourceRegistry s) {
            super(s);
        }

        @Override
        void report(List<BoardResult> results, Severity min, PrintStream out) {
            JsonObject log = new JsonObject();
            log.addProperty("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            log.addProperty("version", "2.1.0");
            JsonObject run = new JsonObject();
            JsonObject driver = new JsonObject();
            driver.addProperty("name", "dtdma");
            driver.addProperty("version", Main.VERSION);
            JsonArray rules = new JsonArray();
            for (Code c : Code.values()) {
                JsonObject rule = new JsonObject();
                rule.addProperty("id", c.id());
                rule.addProperty("name", c.id());
                JsonObject sd = new JsonObject();
                sd.addProperty("text", c.title());
                rule.add("shortDescription", sd);
                JsonObject cfg = new JsonObject();
                cfg.addProperty("level", level(c.severity()));
                rule.add("defaultConfiguration", cfg);
                JsonObject help = new JsonObject();
                help.addProperty("text", "See docs/diagnostics.md, section " + c.id() + ".");
                rule.add("help", help);
                rules.add(rule);
            }
            driver.add("rules", rules);
            JsonObject tool = new JsonObject();
            tool.add("driver", driver);
            run.add("tool", tool);
            JsonArray res = new JsonArray();
            List<Diagnostic> shown = collect(results, min);
            java.util.Map<Diagnostic, About> about = about(results, shown);
            for (Diagnostic d : shown) {
                JsonObject r = new JsonObject();
                JsonObject props = new JsonObject();
                addAbout(props, about.get(d));
                if (props.size() > 0) {
                    r.add("properties", props);
                }
                r.addProperty("ruleId", d.code().id());
                r.addProperty("ruleIndex", d.code().ordinal());
                r.addProperty("level", level(d.severity()));
                JsonObject msg = new JsonObject();
                msg.addProperty("text", d.message());
                r.add("message", msg);
                JsonArray locs = new JsonArray();
                locs.add(location(d.span(), null));
                r.add("locations", locs);
                if (!d.related().isEmpty()) {
                    JsonArray rel = new JsonArray();
                    int id = 1;
                    for (Diagnostic.Related x : d.related()) {
                        JsonObject l = location(x.span(), x.message());
                        l.addProperty("id", id++);
                        rel.add(l);
                    }
                    r.add("relatedLocations", rel);
                }
                res.add(r);
            }
            run.add("results", res);
            JsonArray runs = new JsonArray();
            runs.add(run);
            log.add("runs", runs);
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log));
        }

        private JsonObject location(Span span, String message) {
            Pos p = pos(span);
            JsonObject region = new JsonObject();
            region.addProperty("startLine", p.line());
            region.addProperty("startColumn", p.column());
            region.addProperty("endLine", p.endLine());
            region.addProperty("endColumn", Math.max(p.endColumn(), p.line() == p.endLine() ? p.column() : 1));
            JsonObject art = new JsonObject();
            art.addProperty("uri", p.file().replace('\\', '/'));
            JsonObject phys = new JsonObject();
            phys.add("artifactLocation", art);
            phys.add("region", region);
            JsonObject loc = new JsonObject();
            loc.add("physicalLocation", phys);
            if (message != null) {
                JsonObject m = new JsonObject();
                m.addProperty("text", message);
                loc.add("message", m);
            }
            return loc;
        }

        private static String level(Severity s) {
            return switch (s) {
                case ERROR -> "error";
                case WARNING -> "warning";
                default -> "note";
            };
        }
    }
}
