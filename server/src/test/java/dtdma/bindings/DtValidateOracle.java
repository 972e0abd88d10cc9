package dtdma.bindings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * dt-schema as an oracle: {@code dt-mk-schema -j BINDINGS} once (the processed schema the kernel's
 * {@code make dtbs_check} builds), then {@code dt-validate -s processed-schema.json board.dtb} per blob. Both are
 * slow, so their outputs are cached under {@code <cache>/dt-schema/}: the processed schema keyed by the binding
 * files and dt-schema's version, each board's report keyed by the blob and the processed schema.
 */
final class DtValidateOracle {
    private final Path cache;
    private final Path processed;
    private final String schemaKey;

    private DtValidateOracle(Path cache, Path processed, String schemaKey) {
        this.cache = cache;
        this.processed = processed;
        this.schemaKey = schemaKey;
    }

    /** Whether {@code dt-mk-schema} and {@code dt-validate} run here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("dt-validate", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dt-validate", "--version").redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        return v;
    }

    /** Builds (or finds in the cache) the processed schema of {@code bindings}. */
    static DtValidateOracle create(Path bindings, Path cacheBase) throws IOException, InterruptedException {
        Path cache = cacheBase.resolve("dt-schema");
        Files.createDirectories(cache);
        MessageDigest md = sha();
        md.update(version().getBytes(StandardCharsets.UTF_8));
        List<Path> files;
        try (Stream<Path> s = Files.walk(bindings)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            md.update(bindings.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        String key = HexFormat.of().formatHex(md.digest());
        Path processed = cache.resolve("processed-" + key + ".json");
        if (!Files.isRegularFile(processed)) {
            Path tmp = Files.createTempFile(cache, "processed", ".tmp");
            Process p = new ProcessBuilder("dt-mk-schema", "-j", bindings.toString())
                    .redirectOutput(tmp.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("dt-mk-schema failed");
            }
            Files.move(tmp, processed, StandardCopyOption.REPLACE_EXISTING);
        }
        return new DtValidateOracle(cache, processed, key);
    }

    /**
     * dt-validate's report (its standard error) for one blob, from the cache when the blob was seen before; with
     * {@code -Ddtdma.bindings.cachedOnly=true} null for a blob not in the cache (to report on a partial run).
     */
    String validate(byte[] dtb) throws IOException, InterruptedException {
        MessageDigest md = sha();
        md.update(schemaKey.getBytes(StandardCharsets.UTF_8));
        md.update(dtb);
        String key = HexFormat.of().formatHex(md.digest());
        Path out = cache.resolve("validate-" + key + ".txt");
        if (Files.isRegularFile(out)) {
            return Files.readString(out);
        }
        if (Boolean.getBoolean("dtdma.bindings.cachedOnly")) {
            return null;
        }
        Path blob = Files.createTempFile(cache, "board", ".dtb");
        try {
            Files.write(blob, dtb);
            Process p = new ProcessBuilder("dt-validate", "-s", processed.toString(), blob.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("dt-validate timed out");
            }
            if (p.exitValue() != 0) {
                // killed or failed: its report is cut short, and a cached short report would read as findings
                // dtdma makes and dt-validate does not
                throw new IOException("dt-validate exited with " + p.exitValue() + ": " + new String(err,
                        StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElse(""));
            }
            String text = new String(err, StandardCharsets.UTF_8).replace(blob.toString(), "BOARD.dtb");
            Path tmp = Files.createTempFile(cache, "validate", ".tmp");
            Files.writeString(tmp, text);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            return text;
        } finally {
            Files.deleteIfExists(blob);
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One finding in comparable form: the node name dt-validate prints, the property (or child) and the kind. */
    record Key(String node, String property, BindingFinding.Kind kind, boolean unevaluated) {
        Key(String node, String property, BindingFinding.Kind kind) {
            this(node, property, kind, false);
        }

        /** The key without the unevaluated mark, for comparing. */
        Key plain() {
            return new Key(node, property, kind, false);
        }

        @Override
        public String toString() {
            return node + ": " + property + " [" + kind + "]";
        }
    }

    /** The findings of a dt-validate report, one key per unexpected or missing property. */
    static List<Key> parse(String report) {
        List<Key> out = new ArrayList<>();
        String prefix = "BOARD.dtb: ";
        // every "node: a:b:c: ..." path and its prefixes, to tell an echo inside a child from a finding
        java.util.Set<String> paths = new java.util.HashSet<>();
        java.util.regex.Pattern pathOf = java.util.regex.Pattern.compile("^((?:[^\\s:']+:)+) ");
        for (String line : report.split("\n")) {
            if (!line.startsWith(prefix) || line.indexOf(": ", prefix.length()) < 0) {
                continue;
            }
            int c = line.indexOf(": ", prefix.length());
            java.util.regex.Matcher pm = pathOf.matcher(line.substring(c + 2));
            if (pm.find()) {
                String[] parts = pm.group(1).split(":");
                StringBuilder p = new StringBuilder();
                for (String part : parts) {
                    p.append(p.length() == 0 ? "" : ":").append(part);
                    paths.add(line.substring(prefix.length(), c) + "\0" + p);
                }
            }
        }
        for (String line : report.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String rest = line.substring(prefix.length());
            int c = rest.indexOf(": ");
            if (c < 0) {
                continue;
            }
            String node = rest.substring(0, c);
            String msg = rest.substring(c + 2);
            String first = "";
            java.util.regex.Matcher pm = java.util.regex.Pattern.compile("^((?:[^\\s:']+:)+) (.*)$").matcher(msg);
            if (pm.matches()) {
                first = pm.group(1).substring(0, pm.group(1).indexOf(':'));
                msg = pm.group(2);
            }
            if (msg.startsWith("Unevaluated properties are not allowed") || msg.startsWith("Additional properties are not allowed")) {
                java.util.regex.Matcher q = java.util.regex.Pattern.compile("'([^']*)'").matcher(msg);
                boolean unevaluated = msg.startsWith("Unevaluated");
                while (q.find()) {
                    // inside a child ("system-controller: watchdog: Unevaluated ... ('compatible' was
                    // unexpected)") it is an echo when that property of the child has a finding of its own
                    // ("system-controller: watchdog:compatible:0: ..."), keyed on the child like that finding;
                    // otherwise ("ethernet@2188000: mdio: ... ('ethernet-phy' was unexpected)") a finding
                    boolean echo = unevaluated && (first.isEmpty() || paths.contains(node + "\0"
                            + pm.group(1).replaceAll(":$", "") + ":" + q.group(1)));
                    out.add(new Key(node, first.isEmpty() ? q.group(1) : first, BindingFinding.Kind.UNEXPECTED,
                            echo));
                }
                continue;
            }
            int regexes = msg.indexOf(" not match any of the regexes");
            if (msg.startsWith("'") && regexes > 0) {
                java.util.regex.Matcher q = java.util.regex.Pattern.compile("'([^']*)'").matcher(msg.substring(0, regexes));
                while (q.find()) {
                    out.add(new Key(node, first.isEmpty() ? q.group(1) : first, BindingFinding.Kind.UNEXPECTED));
                }
                continue;
            }
            java.util.regex.Matcher rq = java.util.regex.Pattern.compile("^'([^']*)' is a required property").matcher(msg);
            if (rq.find()) {
                out.add(new Key(node, first.isEmpty() ? rq.group(1) : first, BindingFinding.Kind.REQUIRED));
                continue;
            }
            if (msg.startsWith("b'")) {
                // a value dt-validate could not decode from the blob (a string list whose type no binding gives):
                // an artefact of reading a blob, which dtdma does not have (it reads the source's types)
                continue;
            }
            if (misdecodedStrings(msg)) {
                // the same artefact when the string list's length is a multiple of 4: dt-validate falls back to
                // uint32 cells. dt-schema 2022.08 takes no type from a property whose schema is a local $ref
                // (simple-card.yaml's "simple-audio-card,widgets: $ref: '#/definitions/widgets'"): its
                // _extract_prop_type adds the name before testing "propname not in props", so the ref is never
                // followed. The source says these are strings, and dtdma validates them as strings.
                continue;
            }
            if (msg.startsWith("False schema does not allow")) {
                out.add(new Key(node, first, BindingFinding.Kind.UNEXPECTED));
                continue;
            }
            out.add(new Key(node, first, kindOf(msg)));
        }
        return out;
    }

    /**
     * Whether a "[n, n, ...] is not of type 'string'" message shows cells that are really NUL-terminated printable
     * strings (a string list dt-validate decoded as uint32 cells for want of a type).
     */
    static boolean misdecodedStrings(String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\[(\\d+(?:, \\d+)*)\\] is not of type 'string'$")
                .matcher(msg);
        if (!m.matches()) {
            return false;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String n : m.group(1).split(", ")) {
            long v = Long.parseLong(n);
            if (v > 0xffffffffL) {
                return false;
            }
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes.write((int) (v >>> shift) & 0xff);
            }
        }
        byte[] b = bytes.toByteArray();
        if (b.length == 0 || b[b.length - 1] != 0 || b[0] == 0) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xff;
            boolean ok = c == 0 ? i > 0 && b[i - 1] != 0 : c >= 0x20 && c < 0x7f;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static BindingFinding.Kind kindOf(String msg) {
        if (msg.contains("is too short") || msg.contains("is too long") || msg.contains("should be non-empty")
                || msg.contains("is expected to be empty") || msg.contains("enough properties")) {
            return BindingFinding.Kind.COUNT;
        }
        if (msg.contains("was expected") || msg.contains("is not one of") || msg.contains("does not match '")
                || msg.contains("is less than the minimum") || msg.contains("is greater than the maximum")
                || msg.contains("is not a multiple of") || msg.contains("non-unique elements")) {
            return BindingFinding.Kind.VALUE;
        }
        if (msg.contains("is not of type") || msg.startsWith("size is")) {
            return BindingFinding.Kind.TYPE;
        }
        return BindingFinding.Kind.CONDITION;
    }

    /** dtdma's finding in the same form. */
    static Key key(BindingFinding f) {
        String node = f.validated().isRoot() ? "/" : f.validated().name();
        String path = f.path();
        String first = path.isEmpty() ? "" : (path.contains(":") ? path.substring(0, path.indexOf(':')) : path);
        if (first.isEmpty() && (f.kind() == BindingFinding.Kind.REQUIRED || f.kind() == BindingFinding.Kind.UNEXPECTED)
                && f.property() != null) {
            first = f.property();
        }
        return new Key(node, first, f.kind());
    }
}
