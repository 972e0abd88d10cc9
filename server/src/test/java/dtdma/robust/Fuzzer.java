package dtdma.robust;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.devlink.DevlinkSettings;
import dtdma.devlink.Mode;
import dtdma.features.CodeActionFeature;
import dtdma.features.CodeLensFeature;
import dtdma.features.CompletionFeature;
import dtdma.features.DefinitionFeature;
import dtdma.features.DevlinkHoverFeature;
import dtdma.features.DocumentLinkFeature;
import dtdma.features.FoldingFeature;
import dtdma.features.HoverFeature;
import dtdma.features.InlayHintsFeature;
import dtdma.features.MacroFeature;
import dtdma.features.NodeReferencesFeature;
import dtdma.features.ReferencesFeature;
import dtdma.features.RenameFeature;
import dtdma.features.SemanticTokensFeature;
import dtdma.features.SignatureHelpFeature;
import dtdma.features.SymbolsFeature;
import dtdma.features.TopologyFeature;
import dtdma.text.SourceFile;
import dtdma.tree.DtsWriter;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Grammar-aware and mutation fuzzing of the whole pipeline: preprocess, parse, merge, DMA and SDMA models, the
 * device-link simulation, the CLI's renderers and every editor feature at random positions. An input fails when
 * an exception escapes (or is turned into INT001 / LIM002 / "internal error"), when it takes longer than a budget
 * proportional to its size, or when the heap stays above a cap after it. The formatter runs on every input too:
 * it fails when it throws inside (its result says "internal error") or when formatting its own output changes it
 * again (not idempotent).
 */
final class Fuzzer {

    /** Heap in use after a full GC that counts as a leak. */
    static final long HEAP_CAP = 768L << 20;

    record Failure(String kind, String detail) {
    }

    private final Path work;
    private final List<Path> includeDirs;
    private final ExecutorService exec = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "fuzz-worker", 64L << 20);
        t.setDaemon(true);
        return t;
    });
    private boolean poisoned;

    Fuzzer(Path work, List<Path> includeDirs) {
        this.work = work;
        this.includeDirs = includeDirs;
    }

    /** False after a time-out: the worker may still be busy, so no more inputs can be timed. */
    boolean usable() {
        return !poisoned;
    }

    /** The time budget of an input: generous, proportional to its size (this is a ceiling, not a benchmark). */
    static long budgetMillis(String text) {
        return 20_000 + text.length() / 50;
    }

    /** Runs everything on one input; null when it passes. */
    Failure run(String name, String text, long seed) throws Exception {
        Path f = work.resolve(name);
        Files.writeString(f, text);
        Future<Failure> fu = exec.submit(() -> pipeline(f, text, seed));
        try {
            return fu.get(budgetMillis(text), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            fu.cancel(true);
            poisoned = true;
            return new Failure("timeout", "more than " + budgetMillis(text) + " ms for " + text.length() + " characters");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            StringBuilder where = new StringBuilder(String.valueOf(c.getMessage()));
            int k = 0;
            for (StackTraceElement el : c.getStackTrace()) {
                if (el.getClassName().startsWith("dtdma.") && k++ < 4) {
                    where.append(" at ").append(el);
                }
            }
            return new Failure(c.getClass().getSimpleName(), where.toString());
        }
    }

    /** After a batch of inputs: the heap after a full GC stays under the cap. */
    static Failure heapCheck() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return used > HEAP_CAP ? new Failure("heap", (used >> 20) + " MiB in use after GC") : null;
    }

    private Failure pipeline(Path f, String text, long seed) {
        Random rnd = new Random(seed);
        Mode[] modes = Mode.values();
        DevlinkSettings dl = DevlinkSettings.of(modes[rnd.nextInt(modes.length)], rnd.nextBoolean());
        Boards boards = new Boards(includeDirs, false, dl);
        Analysis a = boards.analyse(f, () -> false);
        for (Diagnostic d : a.result().diagnostics()) {
            if (d.code() == Code.INT001 || d.code() == Code.LIM002) {
                return new Failure(d.code().id(), d.message());
            }
        }
        DtsWriter.write(a.result().tree());
        SourceFile file = a.file(f);
        if (file != null) {
            features(a, file, rnd);
        }
        TopologyFeature.run(a, null, null, null, null);
        for (String cmd : new String[] {"dma", "topology"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of(cmd, f.toString(), "--no-kernel-detect"));
            for (Path d : includeDirs) {
                args.add("-I");
                args.add(d.toString());
            }
            dtdma.cli.Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String e = err.toString(StandardCharsets.UTF_8);
            if (e.contains("internal error")) {
                return new Failure("cli-" + cmd, e.strip());
            }
        }
        return formatter(text);
    }

    /** The formatter on the input: no internal error, and a second pass over its output changes nothing. */
    private static Failure formatter(String text) {
        dtdma.format.DtsFormatter.Result once = dtdma.format.DtsFormatter.format(text,
                dtdma.format.FormatOptions.KERNEL);
        if (!once.ok()) {
            return once.problem().startsWith("internal error") ? new Failure("format", once.problem()) : null;
        }
        dtdma.format.DtsFormatter.Result twice = dtdma.format.DtsFormatter.format(once.text(),
                dtdma.format.FormatOptions.KERNEL);
        if (!twice.ok() || twice.changed()) {
            return new Failure("format-idempotent", twice.ok() ? "a second format changed the text again"
                    : "the formatter refused its own output: " + twice.problem());
        }
        return null;
    }

    /** Every editor feature at random offsets (and the edges) of the file. */
    private static void features(Analysis a, SourceFile file, Random rnd) {
        int n = file.text().length();
        SymbolsFeature.symbols(a, file);
        FoldingFeature.folds(a, file);
        SemanticTokensFeature.tokens(a, file);
        CodeLensFeature.lenses(a, file);
        DocumentLinkFeature.links(a, file);
        InlayHintsFeature.hints(a, file, 0, n);
        for (int i = 0; i < 12; i++) {
            int at = i == 0 ? 0 : i == 1 ? n : rnd.nextInt(n + 1);
            HoverFeature.hover(a, file, at);
            DevlinkHoverFeature.markdown(a, file, at);
            MacroFeature.hover(a, file, at);
            MacroFeature.definition(a, file, at);
            DefinitionFeature.definition(a, file, at);
            ReferencesFeature.references(a, file, at, rnd.nextBoolean());
            NodeReferencesFeature.references(a, file, at, rnd.nextBoolean());
            CompletionFeature.complete(a, file, at, List.of());
            SignatureHelpFeature.help(a, file, at);
            int to = Math.min(n, at + rnd.nextInt(200));
            CodeActionFeature.actions(a, file, at, to);
            InlayHintsFeature.hints(a, file, at, to);
            try {
                if (RenameFeature.prepare(a, file, at) != null) {
                    RenameFeature.rename(a, file, at, "fuzz_renamed");
                }
            } catch (RenameFeature.RenameException e) {
                // a refusal with a reason is an answer
            }
        }
    }

    void close() {
        exec.shutdownNow();
    }

    // ---------------------------------------------------------------- inputs

    static final String[] DICT = {
        "{", "}", ";", "<", ">", "(", ")", "[", "]", "=", ",", "&", "&{/soc}", "&sdma1", "&lbl", "lbl:", "\"str\"", "\"\\0\"",
        "/delete-node/ ", "/delete-property/ ", "/omit-if-no-ref/ ", "/bits/ 8 ", "/bits/ 64 ", "/incbin/(\"x\")",
        "/include/ \"x.dtsi\"\n", "\n#include \"x.h\"\n", "\n#define M(a,b) a b a\n", "\n#define N 7\n", "\n#undef N\n",
        "\n#if N > 3\n", "\n#else\n", "\n#endif\n", "\n#ifdef M\n", "M(1,2)", "N", "/dts-v1/;", "/plugin/;",
        "/memreserve/ 0 1;", "dmas = <&sdma1 1 2 0>;", "dma-names = \"rx\", \"tx\";", "#dma-cells = <3>;",
        "compatible = \"fsl,imx6q-sdma\";", "status = \"okay\";", "status = \"disabled\";", "reg = <0 0x1000>;",
        "0xffffffff", "-1", "1/0", "(1 << 33)", "? :", "__COUNTER__", "__LINE__", "##", "#", "\\\n", "/*", "*/", "//",
        "node@1", "@", "\u00e9", "\uFFFD", "\t", "\n", "\r\n", " ", "\u0000",
    };

    /** One to four random edits of a seed (delete, duplicate, insert dictionary text, splice, nest, repeat). */
    static String mutate(String s, List<String> seeds, Random rnd) {
        StringBuilder sb = new StringBuilder(s);
        int ops = 1 + rnd.nextInt(4);
        for (int k = 0; k < ops; k++) {
            int n = sb.length();
            int at = n == 0 ? 0 : rnd.nextInt(n + 1);
            int len = n == 0 ? 0 : Math.min(n - at, 1 + rnd.nextInt(Math.max(1, Math.min(200, n / 4 + 1))));
            switch (rnd.nextInt(9)) {
                case 0 -> sb.delete(at, at + len);
                case 1 -> sb.insert(at, sb.substring(at, at + len));
                case 2, 3 -> sb.insert(at, DICT[rnd.nextInt(DICT.length)]);
                case 4 -> sb.replace(at, at + len, DICT[rnd.nextInt(DICT.length)]);
                case 5 -> {
                    String o = seeds.get(rnd.nextInt(seeds.size()));
                    int from = o.isEmpty() ? 0 : rnd.nextInt(o.length());
                    sb.insert(at, o, from, Math.min(o.length(), from + rnd.nextInt(400) + 1));
                }
                case 6 -> {
                    int depth = 1 + rnd.nextInt(60);
                    sb.insert(at, "n {".repeat(depth) + "};".repeat(depth));
                }
                case 7 -> sb.insert(at, DICT[rnd.nextInt(DICT.length)].repeat(1 + rnd.nextInt(2000)));
                default -> {
                    if (n > 0) {
                        sb.setCharAt(Math.min(at, n - 1), (char) (32 + rnd.nextInt(95)));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A random board written from the grammar: macros, labels, references, DMA controllers and consumers. */
    static String generate(Random rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(4) == 0) {
            sb.append("#include <dt-bindings/dma/imx-sdma.h>\n");
        }
        sb.append("#define CELLS(a, b) a b\n#define EV ").append(rnd.nextInt(64)).append('\n');
        sb.append(rnd.nextInt(10) == 0 ? "/dts-v1/;\n/plugin/;\n" : "/dts-v1/;\n");
        if (rnd.nextInt(5) == 0) {
            sb.append("/memreserve/ 0x").append(Integer.toHexString(rnd.nextInt())).append(" 0x1000;\n");
        }
        List<String> labels = new ArrayList<>();
        sb.append("/ {\n");
        node(sb, rnd, labels, 1);
        sb.append("};\n");
        for (int i = 0; i < rnd.nextInt(4) && !labels.isEmpty(); i++) {
            String l = labels.get(rnd.nextInt(labels.size()));
            sb.append(rnd.nextInt(6) == 0 ? "/delete-node/ &" + l + ";\n" : "&" + l + " {\n");
            if (sb.charAt(sb.length() - 2) == '{') {
                props(sb, rnd, labels, 1);
                sb.append("};\n");
            }
        }
        return sb.toString();
    }

    private static void node(StringBuilder sb, Random rnd, List<String> labels, int depth) {
        props(sb, rnd, labels, depth);
        int kids = depth > 5 ? 0 : rnd.nextInt(5);
        for (int i = 0; i < kids; i++) {
            String ind = "\t".repeat(depth);
            sb.append(ind);
            if (rnd.nextInt(10) == 0) {
                sb.append("/omit-if-no-ref/ ");
            }
            if (rnd.nextInt(2) == 0) {
                String l = "l" + labels.size();
                labels.add(l);
                sb.append(l).append(": ");
            }
            boolean dma = rnd.nextInt(4) == 0;
            sb.append(dma ? "dma-controller" : "dev").append('@').append(Integer.toHexString(rnd.nextInt(1 << 16))).append(" {\n");
            if (dma) {
                sb.append(ind).append("\t#dma-cells = <").append(rnd.nextInt(4)).append(">;\n");
                sb.append(ind).append("\tcompatible = \"").append(rnd.nextBoolean() ? "fsl,imx6q-sdma" : "vendor,dma")
                        .append("\";\n");
            }
            node(sb, rnd, labels, depth + 1);
            sb.append(ind).append("};\n");
            if (rnd.nextInt(12) == 0) {
                sb.append(ind).append("/delete-node/ dev@").append(Integer.toHexString(rnd.nextInt(1 << 16))).append(";\n");
            }
        }
    }

    private static void props(StringBuilder sb, Random rnd, List<String> labels, int depth) {
        String ind = "\t".repeat(depth);
        int np = rnd.nextInt(6);
        for (int i = 0; i < np; i++) {
            sb.append(ind);
            String ref = labels.isEmpty() ? "&nowhere" : "&" + labels.get(rnd.nextInt(labels.size()));
            switch (rnd.nextInt(10)) {
                case 0 -> sb.append("compatible = \"fsl,imx").append(rnd.nextInt(9)).append("-uart\", \"x,y\";");
                case 1 -> {
                    sb.append("dmas = ");
                    int k = rnd.nextInt(4);
                    for (int j = 0; j < k; j++) {
                        sb.append(j == 0 ? "" : ", ").append('<').append(ref);
                        for (int c = rnd.nextInt(4); c > 0; c--) {
                            sb.append(' ').append(rnd.nextInt(3) == 0 ? "EV" : String.valueOf(rnd.nextInt(40)));
                        }
                        sb.append('>');
                    }
                    sb.append(k == 0 ? "<>;" : ";");
                }
                case 2 -> sb.append("dma-names = \"rx\"").append(rnd.nextBoolean() ? ", \"tx\"" : "").append(';');
                case 3 -> sb.append("status = \"").append(rnd.nextBoolean() ? "okay" : "disabled").append("\";");
                case 4 -> sb.append("reg = <CELLS(0x").append(Integer.toHexString(rnd.nextInt())).append(", 0x100)>;");
                case 5 -> sb.append("phandle-ref = <").append(ref).append(">, <&{/}>;");
                case 6 -> sb.append("bytes = [").append("0a ".repeat(rnd.nextInt(5))).append("];");
                case 7 -> sb.append("expr = <((EV * 3) / ").append(rnd.nextInt(3)).append(") (1 << 31) (-1)>;");
                case 8 -> sb.append("wide = /bits/ ").append(new int[] {8, 16, 32, 64}[rnd.nextInt(4)]).append(" <1 2 3>;");
                default -> sb.append("/delete-property/ status;");
            }
            sb.append('\n');
        }
    }

    // ---------------------------------------------------------------- minimisation

    /** Delta debugging over lines, then characters, while the failure keeps its kind; bounded in time. */
    String minimise(String text, String kind, long seed, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        String best = text;
        for (boolean chars : new boolean[] {false, true}) {
            List<String> parts = split(best, chars);
            int chunk = Math.max(1, parts.size() / 2);
            while (chunk >= 1 && System.currentTimeMillis() < end && usable()) {
                boolean progress = false;
                for (int i = 0; i < parts.size() && System.currentTimeMillis() < end; i += chunk) {
                    List<String> trial = new ArrayList<>(parts.subList(0, i));
                    trial.addAll(parts.subList(Math.min(parts.size(), i + chunk), parts.size()));
                    String t = String.join("", trial);
                    Failure f = run("min.dts", t, seed);
                    if (f != null && f.kind().equals(kind)) {
                        parts = trial;
                        best = t;
                        progress = true;
                        i -= chunk;
                    }
                }
                if (!progress) {
                    chunk /= 2;
                }
            }
        }
        return best;
    }

    private static List<String> split(String s, boolean chars) {
        List<String> out = new ArrayList<>();
        if (chars) {
            for (int i = 0; i < s.length(); i++) {
                out.add(String.valueOf(s.charAt(i)));
            }
        } else {
            int from = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '\n') {
                    out.add(s.substring(from, i + 1));
                    from = i + 1;
                }
            }
            if (from < s.length()) {
                out.add(s.substring(from));
            }
        }
        return out;
    }
}
