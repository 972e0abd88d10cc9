package dtdma.preprocess;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.source.IncludeResolver;
import dtdma.source.SourceLoader;
import dtdma.text.LineIndex;
import dtdma.text.SourceFile;
import dtdma.text.SourceRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes small sources into a directory and preprocesses them. */
final class PpTestSupport {
    final Path dir;
    final SourceRegistry reg = new SourceRegistry();
    final SourceLoader loader = new SourceLoader(reg);
    final PpCache cache = new PpCache();
    Preprocessor.Options options = Preprocessor.Options.defaults();

    PpTestSupport(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    Preprocessor pp() {
        return new Preprocessor(loader, new IncludeResolver(List.of(dir.resolve("inc"))), cache, options);
    }

    PpUnit run(String boardText) throws IOException {
        return run(boardText, Map.of());
    }

    PpUnit run(String boardText, Map<String, String> defines) throws IOException {
        Path b = write("board.dts", boardText);
        SourceFile f = loader.load(b).file();
        return pp().preprocess(f, defines);
    }

    static String text(PpUnit u) {
        return Flattened.of(u).text();
    }

    /** Whitespace-normalised flattened text (runs of blanks to one space, blank lines dropped). */
    static String norm(PpUnit u) {
        return norm(text(u));
    }

    static String norm(String s) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.matches("# \\d+ \".*")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t.replaceAll("[ \t]+", " "));
        }
        return sb.toString();
    }

    static List<Diagnostic> diags(PpUnit u) {
        List<Diagnostic> d = new ArrayList<>();
        u.collectDiagnostics(d);
        return d;
    }

    static Diagnostic only(PpUnit u, Code c) {
        List<Diagnostic> d = diags(u).stream().filter(x -> x.code() == c).toList();
        if (d.size() != 1) {
            throw new AssertionError("expected one " + c + " in " + diags(u));
        }
        return d.get(0);
    }

    /** 1-based line:col of a diagnostic's start in its own file. */
    String where(Diagnostic d) {
        SourceFile f = reg.get(d.span().fileId());
        LineIndex.Location l = f.lines().location(d.span().start());
        return l.line1() + ":" + l.column1();
    }

    String spanText(Diagnostic d) {
        SourceFile f = reg.get(d.span().fileId());
        return f.text().substring(d.span().start(), d.span().end());
    }
}
