package dtdma.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
 *   <li>cold start: a fresh server process, process start to the first diagnostics of the board
 *       ({@code --board}, default {@code imx8mp-evk.dts});</li>
 *   <li>in a second process: edit → diagnostics: N one-character edits (insert, then delete, a space at the
 *       start of the file), each timed from sending {@code didChange} to receiving {@code publishDiagnostics} for
 *       that version;</li>
 *   <li>hover: N hovers over the {@code dmas} specifiers of {@code imx8mp.dtsi} analysed in that board;</li>
 *   <li>{@code --boards} boards that include {@code imx8mp.dtsi} open (default 8), then edits of the include,
 *       timed to its diagnostics (its active context is analysed first);</li>
 *   <li>completion: {@code textDocument/completion} on the include;</li>
 *   <li>flood: {@code --flood} edits (default 1,000) sent without waiting, a hover after every 10th; the
 *       diagnostics of the final version, the publications, RSS before and after;</li>
 *   <li>hover right after an edit: up to 100 rounds of one edit of the board immediately followed by a hover on
 *       its first {@code &label} line (unchanged by the edit), each round then waiting for that version's
 *       diagnostics;</li>
 *   <li>heap: {@code dtdma/heap} (used bytes after a full GC in the server; the server runs with
 *       {@code -Ddtdma.debug=true}, which enables that request);</li>
 *   <li>in a third process, unless {@code --no-kernel-workspace}: the whole kernel tree (arm and arm64) as the
 *       workspace: time to index, RSS, {@code workspace/symbol} and {@code textDocument/references}.</li>
 * </ol>
 *
 * <p>{@code --cold-only N}: only the cold start, N times, with the median; {@code --server-jar JAR}: the server's
 * classpath is that jar alone (not this process's); {@code --server-log FILE}: the server's stderr is appended there.
 *
 * <pre>scripts/bench-lsp.sh [--kernel DIR] [--board NAME] [--edits N] [--hovers N] [--boards N] [--flood N]
 *     [--no-kernel-workspace] [--mode felsch-v2] [--server-opts "-Xmx256m ..."] [--cold-only N]
 *     [--server-jar JAR] [--server-log FILE]</pre>
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
        int boards = 8;
        String serverOpts = "-Xss8m";
        String mode = "none";
        String boardName = "imx8mp-evk.dts";
        int flood = 1000;
        boolean kernelWide = true;
        int coldOnly = 0;
        String serverJar = null;
        String serverLog = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--board" -> boardName = args[++i];
                case "--flood" -> flood = Integer.parseInt(args[++i]);
                case "--no-kernel-workspace" -> kernelWide = false;
                case "--server-jar" -> serverJar = args[++i];
                case "--cold-only" -> coldOnly = Integer.parseInt(args[++i]);
                case "--server-log" -> serverLog = args[++i];
                case "--kernel" -> kernel = Path.of(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                case "--hovers" -> hovers = Integer.parseInt(args[++i]);
                case "--boards" -> boards = Integer.parseInt(args[++i]);
                case "--server-opts" -> serverOpts = args[++i];
                case "--mode" -> mode = args[++i];
                default -> {
                    System.err.println("usage: LspBench [--kernel DIR] [--board NAME] [--edits N] [--hovers N]"
                            + " [--boards N] [--flood N] [--no-kernel-workspace] [--mode MODE] [--server-opts OPTS]"
                            + " [--cold-only N] [--server-log FILE] [--server-jar JAR]");
                    System.exit(2);
                }
            }
        }
        Path fsl = kernel.resolve("arch/arm64/boot/dts/freescale").toAbsolutePath().normalize();
        if (!Files.isDirectory(fsl)) {
            System.err.println("LspBench: no " + fsl + " (run scripts/setup-corpus.sh first)");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                loadAverage());
        Path board = fsl.resolve(boardName);
        List<String> cmd = command(serverOpts, serverJar);

        // cold start: process start -> first diagnostics of the board (nothing warmed up in this process yet);
        // --cold-only N: only this, N times (the median printed), the server's log appended to --server-log
        long[] colds = new long[Math.max(1, coldOnly)];
        for (int run = 0; run < colds.length; run++) {
            long cold0 = System.nanoTime();
            Process cp = new ProcessBuilder(cmd).redirectError(serverLog == null ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.appendTo(new java.io.File(serverLog))).start();
            LspBench cold = new LspBench(cp);
            try {
                cold.initialize(List.of(fsl), mode);
                CompletableFuture<Long> w = cold.waiter(board.toUri().toString(), 1);
                cold.openOnly(board, Files.readString(board));
                long ms = (w.get(300, TimeUnit.SECONDS) - cold0) / 1_000_000;
                colds[run] = ms;
                System.out.printf(Locale.ROOT, "cold start: process start -> first diagnostics of %s: %d ms  target <= 1500 ms: %s%n",
                        board.getFileName(), ms, ms <= 1500 ? "met" : "MISSED");
                cold.stop();
            } finally {
                cp.destroy();
                cp.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (coldOnly > 0) {
            long[] sorted = colds.clone();
            java.util.Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "cold start over %d runs: median %d ms, best %d ms, load average %s%n",
                    coldOnly, sorted[sorted.length / 2], sorted[0], loadAverage());
            return;
        }

        List<Path> bySize = imx8mpBySize(fsl);
        if (!Files.isRegularFile(board)) {
            board = bySize.get(0);
        }
        System.out.printf(Locale.ROOT, "board: %s (imx8mp boards: %d)%n", board.getFileName(), bySize.size());

        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LspBench b = new LspBench(p);
        try {
            b.run(fsl, board, bySize, edits, hovers, boards, mode, flood);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        if (kernelWide) {
            Process k = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            LspBench kb = new LspBench(k);
            try {
                kb.kernelWorkspace(kernel, mode);
            } finally {
                k.destroy();
                k.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The server's command line: its classpath is this process's, or only {@code serverJar} when given. */
    private static List<String> command(String serverOpts, String serverJar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String o : serverOpts.trim().split("\\s+")) {
            if (!o.isEmpty()) {
                cmd.add(o);
            }
        }
        cmd.add("-Ddtdma.debug=true"); // enables the debug request dtdma/heap
        cmd.addAll(List.of("-cp", serverJar != null ? serverJar : System.getProperty("java.class.path"),
                "dtdma.cli.Main", "lsp"));
        return cmd;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The server's resident set (VmRSS) in MB, or -1 when /proc does not say. */
    private double rssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(proc.pid()), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private void initialize(List<Path> roots, String mode) throws Exception {
        JsonObject init = new JsonObject();
        init.addProperty("processId", ProcessHandle.current().pid());
        init.addProperty("rootUri", roots.get(0).toUri().toString());
        JsonArray folders = new JsonArray();
        for (Path r : roots) {
            JsonObject folder = new JsonObject();
            folder.addProperty("uri", r.toUri().toString());
            folder.addProperty("name", r.getFileName().toString());
            folders.add(folder);
        }
        init.add("workspaceFolders", folders);
        init.add("capabilities", new JsonObject());
        init.add("initializationOptions", JsonParser.parseString("{\"dtdma\": {\"devlink\": {\"mode\": \""
                + mode + "\"}}}"));
        request("initialize", init).get(60, TimeUnit.SECONDS);
        notify("initialized", new JsonObject());
    }

    private void stop() throws Exception {
        request("shutdown", JsonNull.INSTANCE).get(30, TimeUnit.SECONDS);
        notify("exit", JsonNull.INSTANCE);
    }

    private void openOnly(Path f, String text) throws Exception {
        JsonObject item = new JsonObject();
        item.addProperty("uri", f.toUri().toString());
        item.addProperty("languageId", "dts");
        item.addProperty("version", 1);
        item.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.add("textDocument", item);
        notify("textDocument/didOpen", p);
    }

    /**
     * The whole kernel tree as the workspace (arch/arm/boot/dts and arch/arm64/boot/dts): time until the index
     * is ready, RSS after indexing, workspace-symbol and references latency.
     */
    private void kernelWorkspace(Path kernel, String mode) throws Exception {
        Path arm = kernel.resolve("arch/arm/boot/dts").toAbsolutePath().normalize();
        Path arm64 = kernel.resolve("arch/arm64/boot/dts").toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        initialize(List.of(arm, arm64), mode);
        JsonObject st;
        do {
            Thread.sleep(20);
            st = request("dtdma/status", new JsonObject()).get(60, TimeUnit.SECONDS).getAsJsonObject();
        } while (!"ready".equals(st.get("state").getAsString()));
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "kernel workspace (arm + arm64): %d boards indexed in %d ms (initialize -> ready)%n",
                st.get("boards").getAsInt(), indexMs);
        System.out.printf(Locale.ROOT, "kernel workspace: RSS after indexing %.0f MB  target <= 400 MB: %s%n", rssMb(),
                rssMb() <= 400 ? "met" : "MISSED");
        String[] queries = {"sdma", "uart", "i2c1", "usdhc", "gpio", "pcie", "spba", "ecspi", "reg_", "clk"};
        for (int i = 0; i < 3; i++) {
            JsonObject q = new JsonObject();
            q.addProperty("query", queries[i]);
            request("workspace/symbol", q).get(300, TimeUnit.SECONDS); // warm-up (the first reads every file)
        }
        long[] sym = new long[40];
        for (int i = 0; i < sym.length; i++) {
            JsonObject q = new JsonObject();
            q.addProperty("query", queries[i % queries.length]);
            sym[i] = timedMicros("workspace/symbol", q);
        }
        report("kernel workspace: workspace/symbol (10 queries)", sym, 50);
        Path soc = arm64.resolve("freescale/imx8mp.dtsi");
        String socText = Files.readString(soc);
        String socUri = soc.toUri().toString();
        timeOpen(soc, socText);
        List<Integer> spots = new ArrayList<>();
        for (int i = socText.indexOf("<&clk "); i >= 0 && spots.size() < 20; i = socText.indexOf("<&clk ", i + 1)) {
            spots.add(i + 3);
        }
        for (int i = socText.indexOf("dmas = <&"); i >= 0; i = socText.indexOf("dmas = <&", i + 1)) {
            spots.add(i + "dmas = <&".length() + 1);
        }
        long[] refs = new long[60];
        for (int i = 0; i < refs.length + 10; i++) {
            JsonObject p = positionParams(socUri, socText, spots.get(i % spots.size()));
            JsonObject ctx = new JsonObject();
            ctx.addProperty("includeDeclaration", true);
            p.add("context", ctx);
            long us = timedMicros("textDocument/references", p);
            if (i >= 10) {
                refs[i - 10] = us;
            }
        }
        report("kernel workspace: references in imx8mp.dtsi (&clk, &sdma)", refs, 50);
        System.out.printf(Locale.ROOT, "kernel workspace: RSS at the end %.0f MB%n", rssMb());
        stop();
    }

    private long timedMicros(String method, JsonObject params) throws Exception {
        return timed(method, params);
    }

    /**
     * The imx8mp boards, largest file first. (Only the JDK and Gson are used on the client side, so the same
     * client can drive another build's jar side by side: {@code -cp test-classes:other.jar}.)
     */
    static List<Path> imx8mpBySize(Path fsl) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(fsl)) {
            all = s.filter(f -> f.getFileName().toString().matches("imx8mp.*\\.dts")).sorted().toList();
        }
        Map<Path, Long> size = new ConcurrentHashMap<>();
        for (Path f : all) {
            size.put(f, Files.size(f));
        }
        List<Path> out = new ArrayList<>(all);
        out.sort((x, y) -> Long.compare(size.get(y), size.get(x)));
        return out;
    }

    private void run(Path fsl, Path board, List<Path> bySize, int edits, int hovers, int boards, String mode, int flood)
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
        report("edit " + board.getFileName() + " -> publishDiagnostics", editMs, 25);

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
        report("hover on a dmas specifier (" + spots.size() + " places)", hoverMs, 2);

        // N boards that include imx8mp.dtsi open (this one and N-1 more; --boards, default 8) while it is edited
        int includers = 1;
        for (Path extra : bySize) {
            if (includers >= boards || extra.equals(board)) {
                continue;
            }
            timeOpen(extra, Files.readString(extra));
            includers++;
        }
        request("dtdma/setActiveContext", ctx).get(60, TimeUnit.SECONDS);

        int socVersion = 1;
        for (int i = 0; i < 10; i++) {
            edit(socUri, ++socVersion, (socVersion & 1) == 0);
        }
        long[] socEditMs = new long[edits];
        for (int i = 0; i < edits; i++) {
            socEditMs[i] = edit(socUri, ++socVersion, (socVersion & 1) == 0);
        }
        report("edit imx8mp.dtsi -> publishDiagnostics (" + includers + " includers open)", socEditMs, 25);

        String what = completion ? "textDocument/completion" : "semanticTokens/full (COMPLETION HOOK: no completion yet)";
        long[] compMs = new long[Math.min(hovers, 200)];
        for (int i = 0; i < compMs.length; i++) {
            compMs[i] = completion ? completion(socUri, socText, spots.get(i % spots.size()))
                    : timed("textDocument/semanticTokens/full", docParams(socUri));
        }
        report(what, compMs, 2);

        version = floodEdits(uri, version, socUri, socText, spots, flood);
        hoverAfterEdit(uri, text, version, Math.min(hovers, 100));

        int opened = includers + 1; // the boards opened for the include edit, and the include
        JsonObject heap = request("dtdma/heap", new JsonObject()).get(120, TimeUnit.SECONDS).getAsJsonObject();
        long used = heap.get("used").getAsLong();
        System.out.printf(Locale.ROOT, "heap after GC with %d documents open (%d boards + imx8mp.dtsi): %.1f MB"
                + " (committed %.1f MB)  target <= 256 MB: %s; RSS %.0f MB%n", opened, opened - 1, used / 1048576.0,
                heap.get("committed").getAsLong() / 1048576.0, used <= 256L << 20 ? "met" : "MISSED", rssMb());
        request("shutdown", JsonNull.INSTANCE).get(30, TimeUnit.SECONDS);
        notify("exit", JsonNull.INSTANCE);
    }

    /**
     * A flood of edits to the board, not waiting for diagnostics, with a hover on the include after every 10th:
     * the final diagnostics must be of the final version, and the hovers must not wait behind superseded
     * analyses. RSS before and after.
     */
    private int floodEdits(String uri, int version, String socUri, String socText, List<Integer> spots, int n)
            throws Exception {
        double rss0 = rssMb();
        java.util.concurrent.atomic.AtomicInteger published = new java.util.concurrent.atomic.AtomicInteger();
        publishCounter = published;
        long[] hoverMs = new long[n / 10];
        long t0 = System.nanoTime();
        int v = version;
        for (int i = 0; i < n; i++) {
            sendEdit(uri, ++v, (v & 1) == 0);
            if (i % 10 == 9) {
                hoverMs[i / 10] = hover(socUri, socText, spots.get(i % spots.size()));
            }
        }
        long sent = (System.nanoTime() - t0) / 1_000_000;
        long last = (waiter(uri, v).get(300, TimeUnit.SECONDS) - t0) / 1_000_000;
        publishCounter = null;
        System.out.printf(Locale.ROOT, "flood: %d edits (+%d hovers) sent in %d ms; diagnostics of the final version %d"
                + " after %d ms; %d publications for the board during the flood%n", n, hoverMs.length, sent, v, last,
                published.get());
        report("flood: hover between edits", hoverMs, -1);
        System.out.printf(Locale.ROOT, "flood: RSS %.0f MB before, %.0f MB after%n", rss0, rssMb());
        // put the text back (an even number of toggles leaves it as it was)
        if (((v - version) & 1) == 1) {
            edit(uri, ++v, (v & 1) == 0);
        }
        return v;
    }

    /**
     * Hover right after an edit: {@code n} rounds of one edit of the board (at 0:0) immediately followed by a
     * hover on a {@code &label} reference further down the board (a region the edit did not change), timed; each
     * round then waits for the diagnostics of its version, so every hover is sent while that edit's analysis runs.
     * Leaves the text as it was (an even number of toggles).
     */
    private int hoverAfterEdit(String uri, String text, int version, int n) throws Exception {
        int spot = text.indexOf("\n&");
        if (spot < 0) {
            return version;
        }
        spot += 2;
        int v = version;
        n += n & 1;
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            CompletableFuture<Long> w = waiter(uri, ++v);
            sendEdit(uri, v, (v & 1) == 0);
            ms[i] = hover(uri, text, spot);
            w.get(300, TimeUnit.SECONDS);
        }
        report("hover right after an edit (board, unchanged region)", ms, 2);
        return v;
    }

    private volatile java.util.concurrent.atomic.AtomicInteger publishCounter;

    private void sendEdit(String uri, int version, boolean insert) throws IOException {
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
        notify("textDocument/didChange", p);
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
                var counter = publishCounter;
                if (counter != null) {
                    counter.incrementAndGet();
                }
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
