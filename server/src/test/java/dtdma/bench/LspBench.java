package dtdma.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dtdma.preprocess.PpUnit;
import dtdma.workspace.Analysis;
import dtdma.workspace.Boards;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Language-server latency and memory over real JSON-RPC: starts {@code dtdma lsp} as a child process (the same
 * classpath, so the jar or {@code target/classes}) and drives it through its stdio as a scripted client, with
 * the kernel's {@code arch/arm64/boot/dts/freescale} directory as the workspace folder.
 *
 * <ol>
 *   <li>picks the largest {@code imx8mp*.dts} by preprocessed size and opens it;</li>
 *   <li>edit → diagnostics: N one-character edits (insert, then delete, a space at the start of the file),
 *       each timed from sending {@code didChange} to receiving {@code publishDiagnostics} for that version;</li>
 *   <li>hover: N hovers over the {@code dmas} specifiers of {@code imx8mp.dtsi} analysed in that board;</li>
 *   <li>completion: {@code textDocument/completion} when the server offers it; otherwise the stand-in
 *       {@code textDocument/semanticTokens/full} is timed and labelled as such (COMPLETION HOOK);</li>
 *   <li>heap: several more boards opened, then {@code dtdma/heap} (used bytes after a full GC in the server).</li>
 * </ol>
 *
 * <pre>java -cp server/target/dtdma.jar dtdma.bench.LspBench [--kernel DIR] [--edits N] [--hovers N]
 *     [--boards N] [--mode felsch-v2] [--server-opts "-Xmx256m ..."]</pre>
 */
public final class LspBench {
    private final Process proc;
    private final OutputStream out;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonElement>> pending = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, CompletableFuture<Long>>> diagWaiters = new ConcurrentHashMap<>();

    private LspBench(Process proc) {
        this.proc = proc;
        this.out = proc.getOutputStream();
        Thread reader = new Thread(this::readLoop, "lspbench-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static void main(String[] args) throws Exception {
        Path kernel = Path.of(System.getProperty("user.home"), ".cache/dtdma/linux-source-6.1");
        int edits = 200;
        int hovers = 300;
        int boards = 6;
        String serverOpts = "-Xss8m";
        String mode = "none";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--hovers" -> hovers = Integer.parseInt(args[++i]);
                case "--boards" -> boards = Integer.parseInt(args[++i]);
                case "--server-opts" -> serverOpts = args[++i];
                case "--mode" -> mode = args[++i];
                default -> {
                    System.err.println("usage: LspBench [--kernel DIR] [--edits N] [--hovers N] [--boards N]"
                            + " [--mode MODE] [--server-opts OPTS]");
                    System.exit(2);
                }
            }
        }
        Path fsl = kernel.resolve("arch/arm64/boot/dts/freescale").toAbsolutePath().normalize();
        if (!Files.isDirectory(fsl)) {
            System.err.println("LspBench: no " + fsl + " (run scripts/setup-corpus.sh first)");
            System.exit(2);
        }
        List<Path> bySize = imx8mpBySize(fsl);
        Path board = bySize.get(0);
        System.out.printf(Locale.ROOT, "board: %s (largest imx8mp*.dts of %d by preprocessed size)%n",
                board.getFileName(), bySize.size());

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : serverOpts.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                cmd.add(o);
            }
        }
        cmd.add("-Ddtdma.debug=true"); // enables the debug request dtdma/heap
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dtdma.cli.Main", "lsp"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LspBench b = new LspBench(p);
        try {
            b.run(fsl, board, bySize, edits, hovers, boards, mode);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The imx8mp boards, largest preprocessed text first. */
    static List<Path> imx8mpBySize(Path fsl) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(fsl)) {
            all = s.filter(f -> f.getFileName().toString().matches("imx8mp.*\\.dts")).sorted().toList();
        }
        Boards boards = new Boards(List.of(), true);
        Map<Path, Long> size = new ConcurrentHashMap<>();
        for (Path f : all) {
            Analysis a = boards.analyse(f, () -> false);
            size.put(f, a.unit() == null ? 0 : size(a.unit(), Collections.newSetFromMap(new IdentityHashMap<>())));
        }
        List<Path> out = new ArrayList<>(all);
        out.sort((x, y) -> Long.compare(size.get(y), size.get(x)));
        return out;
    }

    private static long size(PpUnit u, Set<PpUnit> seen) {
        long n = 0;
        for (PpUnit.Piece piece : u.pieces()) {
            if (piece instanceof PpUnit.Text t) {
                n += t.text().length();
            } else if (piece instanceof PpUnit.Include inc && inc.unit() != null) {
                n += size(inc.unit(), seen); // an include is expanded at every place it is included
            }
        }
        return n;
    }

    private void run(Path fsl, Path board, List<Path> bySize, int edits, int hovers, int boards, String mode)
            throws Exception {
        System.out.println("device-link mode: " + mode);
        long t0 = System.nanoTime();
        JsonObject init = new JsonObject();
        init.addProperty("processId", ProcessHandle.current().pid());
        init.addProperty("rootUri", fsl.toUri().toString());
        JsonArray folders = new JsonArray();
        JsonObject folder = new JsonObject();
        folder.addProperty("uri", fsl.toUri().toString());
        folder.addProperty("name", "freescale");
        folders.add(folder);
        init.add("workspaceFolders", folders);
        init.add("capabilities", new JsonObject());
        init.add("initializationOptions", JsonParser.parseString("{\"dtdma\": {\"devlink\": {\"mode\": \""
                + mode + "\"}}}"));
        JsonObject caps = request("initialize", init).get(60, TimeUnit.SECONDS).getAsJsonObject()
                .getAsJsonObject("capabilities");
        notify("initialized", new JsonObject());
        boolean completion = caps.has("completionProvider") && !caps.get("completionProvider").isJsonNull();

        String uri = board.toUri().toString();
        String text = Files.readString(board);
        long open = timeOpen(board, text);
        System.out.printf(Locale.ROOT, "open %s -> diagnostics: %d ms (JVM start, scan and first analysis: %d ms)%n",
                board.getFileName(), open, (System.nanoTime() - t0) / 1_000_000);

        // warm-up edits, not counted
        int version = 1;
        for (int i = 0; i < 20; i++) {
            edit(uri, ++version, i % 2 == 0);
        }
        long[] editMs = new long[edits];
        for (int i = 0; i < edits; i++) {
            editMs[i] = edit(uri, ++version, (version & 1) == 0);
        }
        report("edit -> publishDiagnostics", editMs, 50);

        Path soc = fsl.resolve("imx8mp.dtsi");
        String socText = Files.readString(soc);
        String socUri = soc.toUri().toString();
        timeOpen(soc, socText);
        JsonObject ctx = new JsonObject();
        ctx.addProperty("uri", socUri);
        ctx.addProperty("context", uri);
        request("dtdma/setActiveContext", ctx).get(60, TimeUnit.SECONDS);
        List<Integer> spots = new ArrayList<>();
        for (int i = socText.indexOf("dmas = <&"); i >= 0; i = socText.indexOf("dmas = <&", i + 1)) {
            spots.add(i + "dmas = <&".length() + 1);
        }
        JsonElement first = request("textDocument/hover", positionParams(socUri, socText, spots.get(0)))
                .get(60, TimeUnit.SECONDS);
        String md = first == null || first.isJsonNull() ? "" : first.getAsJsonObject().getAsJsonObject("contents")
                .get("value").getAsString();
        System.out.printf(Locale.ROOT, "hover sample: %d chars, device-link section: %s%n", md.length(),
                md.contains("Device link") ? "yes" : "NO");
        for (int i = 0; i < 30; i++) {
            hover(socUri, socText, spots.get(i % spots.size()));
        }
        long[] hoverMs = new long[hovers];
        for (int i = 0; i < hovers; i++) {
            hoverMs[i] = hover(socUri, socText, spots.get(i % spots.size()));
        }
        report("hover on a dmas specifier (" + spots.size() + " places)", hoverMs, 10);

        int socVersion = 1;
        for (int i = 0; i < 10; i++) {
            edit(socUri, ++socVersion, (socVersion & 1) == 0);
        }
        long[] socEditMs = new long[edits];
        for (int i = 0; i < edits; i++) {
            socEditMs[i] = edit(socUri, ++socVersion, (socVersion & 1) == 0);
        }
        report("edit imx8mp.dtsi -> publishDiagnostics (in that board)", socEditMs, 50);

        String what = completion ? "textDocument/completion" : "semanticTokens/full (COMPLETION HOOK: no completion yet)";
        long[] compMs = new long[Math.min(hovers, 200)];
        for (int i = 0; i < compMs.length; i++) {
            compMs[i] = completion ? completion(socUri, socText, spots.get(i % spots.size()))
                    : timed("textDocument/semanticTokens/full", docParams(socUri));
        }
        report(what, compMs, -1);

        int opened = 2;
        for (Path extra : bySize) {
            if (opened >= boards + 2 || extra.equals(board)) {
                continue;
            }
            timeOpen(extra, Files.readString(extra));
            opened++;
        }
        JsonObject heap = request("dtdma/heap", new JsonObject()).get(120, TimeUnit.SECONDS).getAsJsonObject();
        long used = heap.get("used").getAsLong();
        System.out.printf(Locale.ROOT, "heap after GC with %d documents open (%d boards + imx8mp.dtsi): %.1f MB"
                + " (committed %.1f MB)  target <= 256 MB: %s%n", opened, opened - 1, used / 1048576.0,
                heap.get("committed").getAsLong() / 1048576.0, used <= 256L << 20 ? "met" : "MISSED");
        request("shutdown", JsonNull.INSTANCE).get(30, TimeUnit.SECONDS);
        notify("exit", JsonNull.INSTANCE);
    }

    private long timeOpen(Path f, String text) throws Exception {
        String u = f.toUri().toString();
        CompletableFuture<Long> w = waiter(u, 1);
        JsonObject item = new JsonObject();
        item.addProperty("uri", u);
        item.addProperty("languageId", "dts");
        item.addProperty("version", 1);
        item.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", item);
        long t = System.nanoTime();
        notify("textDocument/didOpen", p);
        return (w.get(300, TimeUnit.SECONDS) - t) / 1_000_000;
    }

    /** Inserts (or deletes) a space at the start of the file and waits for the diagnostics of that version. */
    private long edit(String uri, int version, boolean insert) throws Exception {
        CompletableFuture<Long> w = waiter(uri, version);
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        doc.addProperty("version", version);
        JsonObject change = new JsonObject();
        change.add("range", range(0, 0, 0, insert ? 0 : 1));
        change.addProperty("text", insert ? " " : "");
        JsonArray changes = new JsonArray();
        changes.add(change);
        JsonObject p = new JsonObject();
        p.add("textDocument", doc);
        p.add("contentChanges", changes);
        long t = System.nanoTime();
        notify("textDocument/didChange", p);
        return Math.max(0, (w.get(120, TimeUnit.SECONDS) - t) / 1000);
    }

    private long hover(String uri, String text, int offset) throws Exception {
        return timed("textDocument/hover", positionParams(uri, text, offset));
    }

    private long completion(String uri, String text, int offset) throws Exception {
        return timed("textDocument/completion", positionParams(uri, text, offset));
    }

    private long timed(String method, JsonObject params) throws Exception {
        long t = System.nanoTime();
        request(method, params).get(60, TimeUnit.SECONDS);
        return (System.nanoTime() - t) / 1000;
    }

    private static JsonObject docParams(String uri) {
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        JsonObject p = new JsonObject();
        p.add("textDocument", doc);
        return p;
    }

    private static JsonObject positionParams(String uri, String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        JsonObject p = docParams(uri);
        JsonObject pos = new JsonObject();
        pos.addProperty("line", line);
        pos.addProperty("character", offset - lineStart);
        p.add("position", pos);
        return p;
    }

    private static JsonObject range(int l0, int c0, int l1, int c1) {
        JsonObject r = new JsonObject();
        JsonObject s = new JsonObject();
        s.addProperty("line", l0);
        s.addProperty("character", c0);
        JsonObject e = new JsonObject();
        e.addProperty("line", l1);
        e.addProperty("character", c1);
        r.add("start", s);
        r.add("end", e);
        return r;
    }

    /** Prints p50/p95/max of microsecond samples in milliseconds, against a target (ms, or -1 for none). */
    private static void report(String what, long[] micros, int targetMs) {
        long[] s = micros.clone();
        java.util.Arrays.sort(s);
        double p50 = s[s.length / 2] / 1000.0;
        double p95 = s[(int) Math.ceil(s.length * 0.95) - 1] / 1000.0;
        System.out.printf(Locale.ROOT, "%-60s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%s%n", what, s.length, p50,
                p95, s[s.length - 1] / 1000.0, targetMs < 0 ? "" : "  target p95 <= " + targetMs + " ms: "
                        + (p95 <= targetMs ? "met" : "MISSED"));
    }

    // ------------------------------------------------------------------------------------------- JSON-RPC

    private CompletableFuture<Long> waiter(String uri, int version) {
        return diagWaiters.computeIfAbsent(uri, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(version, k -> new CompletableFuture<>());
    }

    private CompletableFuture<JsonElement> request(String method, JsonElement params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonElement> f = new CompletableFuture<>();
        pending.put(id, f);
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("id", id);
        m.addProperty("method", method);
        m.add("params", params);
        send(m);
        return f;
    }

    private void notify(String method, JsonElement params) throws IOException {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        m.add("params", params);
        send(m);
    }

    private synchronized void send(JsonObject m) throws IOException {
        byte[] body = m.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(proc.getInputStream())) {
            while (true) {
                int len = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        len = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(len);
                if (body.length < len) {
                    return;
                }
                received(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    private void received(JsonObject m) throws IOException {
        long now = System.nanoTime();
        if (m.has("method") && m.has("id")) { // a request from the server: answer null
            JsonObject r = new JsonObject();
            r.addProperty("jsonrpc", "2.0");
            r.add("id", m.get("id"));
            r.add("result", JsonNull.INSTANCE);
            send(r);
        } else if (m.has("method")) {
            if (m.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
                JsonObject p = m.getAsJsonObject("params");
                if (p.has("version") && !p.get("version").isJsonNull()) {
                    waiter(p.get("uri").getAsString(), p.get("version").getAsInt()).complete(now);
                }
            }
        } else if (m.has("id")) {
            CompletableFuture<JsonElement> f = pending.remove(m.get("id").getAsInt());
            if (f != null) {
                if (m.has("error")) {
                    f.completeExceptionally(new IOException(m.get("error").toString()));
                } else {
                    f.complete(m.get("result"));
                }
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c < 0 && b.size() == 0) {
            throw new IOException("server closed its output");
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
