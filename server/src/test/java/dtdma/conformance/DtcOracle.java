package dtdma.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference compiler as an oracle: runs the kernel's two build steps for one board,
 * {@code cpp -nostdinc -I <kernel>/scripts/dtc/include-prefixes -undef -D__DTS__ -x assembler-with-cpp board.dts}
 * and {@code dtc -I dts -O dtb -b 0 -i <dir of board> -i <kernel>/scripts/dtc/include-prefixes -o out.dtb -}
 * (the preprocessed text on dtc's standard input), without a shell and with a timeout on each process.
 *
 * <p>dtc's results are cached under {@code <cacheDir>/} keyed by a SHA-256 of the dtc version, dtc's arguments,
 * the preprocessed text and the contents of files that dtc's own {@code /include/} and {@code /incbin/} name;
 * an edit to any source file therefore changes the key, and an unchanged board costs only a cpp run.
 * Instances are thread-safe.
 */
public final class DtcOracle {
    private static final Logger LOG = Logger.getLogger(DtcOracle.class.getName());
    private static final Pattern DTC_INCLUDE = Pattern.compile("/(include|incbin)/\\s*(?:\\(\\s*)?\"([^\"]*)\"");
    private static final int CACHE_FORMAT = 1;

    private final Path kernel;
    private final Path cacheDir;
    private final String cpp;
    private final String dtc;
    private final Duration timeout;
    private final String dtcVersion;
    private final List<String> extraDtcArgs;

    /**
     * @param kernel   the kernel source tree (holding {@code scripts/dtc/include-prefixes})
     * @param cacheDir where to cache dtc results, or null for no cache
     * @param cpp      the C preprocessor command ({@code "cpp"} normally)
     * @param dtc      the devicetree compiler command ({@code "dtc"} normally)
     * @param timeout  the limit for each process
     * @throws OracleUnavailableException when cpp or dtc cannot be run
     */
    public DtcOracle(Path kernel, Path cacheDir, String cpp, String dtc, Duration timeout) {
        this.kernel = kernel;
        this.cacheDir = cacheDir;
        this.cpp = cpp;
        this.dtc = dtc;
        this.timeout = timeout;
        probe(cpp, "cpp", "the Debian package cpp");
        this.dtcVersion = probe(dtc, "dtc", "the Debian package device-tree-compiler");
        this.extraDtcArgs = List.of();
    }

    private DtcOracle(DtcOracle o, List<String> extraDtcArgs) {
        this.kernel = o.kernel;
        this.cacheDir = o.cacheDir;
        this.cpp = o.cpp;
        this.dtc = o.dtc;
        this.timeout = o.timeout;
        this.dtcVersion = o.dtcVersion;
        this.extraDtcArgs = List.copyOf(extraDtcArgs);
    }

    /**
     * The same oracle passing more options to dtc (e.g. {@code -W<check>} for every warning); they are part of
     * the cache key, and the blob does not depend on warning options.
     */
    public DtcOracle withDtcArgs(List<String> args) {
        return new DtcOracle(this, args);
    }

    /** An oracle with {@code cpp} and {@code dtc} from {@code PATH}, a 60 s timeout and the default cache. */
    public static DtcOracle create(Path kernel) {
        return new DtcOracle(kernel, defaultCacheDir(), "cpp", "dtc", Duration.ofSeconds(60));
    }

    /** {@code ${DTDMA_CACHE:-~/.cache/dtdma}/oracle}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("DTDMA_CACHE");
        Path base = env != null && !env.isEmpty() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "dtdma");
        return base.resolve("oracle");
    }

    /** The first line of {@code dtc --version}. */
    public String dtcVersion() {
        return dtcVersion;
    }

    public Path includePrefixes() {
        return kernel.resolve("scripts/dtc/include-prefixes");
    }

    private String probe(String cmd, String what, String pkg) {
        try {
            Proc r = run(List.of(cmd, "--version"), null, Duration.ofSeconds(20));
            String out = r.stdoutText().strip();
            if (r.exit != 0) {
                throw new OracleUnavailableException(what + " (" + cmd + ") does not run: exit " + r.exit + ": " + r.stderrText(), null);
            }
            int nl = out.indexOf('\n');
            return nl < 0 ? out : out.substring(0, nl);
        } catch (IOException e) {
            throw new OracleUnavailableException(what + " not found (" + cmd + "): install " + pkg
                    + " or run scripts/setup-corpus.sh", e);
        }
    }

    /** Preprocesses and compiles one board file. */
    public OracleResult compile(Path board) throws IOException {
        Path dir = board.toAbsolutePath().getParent();
        List<String> cppCmd = List.of(cpp, "-nostdinc", "-I", includePrefixes().toString(), "-undef", "-D__DTS__",
                "-x", "assembler-with-cpp", board.toAbsolutePath().toString());
        Proc pre = run(cppCmd, null, timeout);
        if (pre.timedOut) {
            return new OracleResult(-1, null, "cpp timed out after " + timeout.toSeconds() + " s\n" + pre.stderrText(), "cpp", false);
        }
        if (pre.exit != 0) {
            return new OracleResult(pre.exit, null, pre.stderrText(), "cpp", false);
        }
        OracleResult r = compilePreprocessed(pre.stdout, List.of(dir, includePrefixes()));
        if (pre.stderr.length == 0) {
            return r;
        }
        return new OracleResult(r.exitCode(), r.dtb(), pre.stderrText() + r.stderr(), r.stage(), r.fromCache());
    }

    /**
     * Compiles already preprocessed text with {@code dtc -I dts -O dtb -b 0 -i <dir>... -o <tmp> -}, through the
     * cache. Also useful for small inline sources in tests.
     */
    public OracleResult compilePreprocessed(byte[] text, List<Path> dtcIncludeDirs) throws IOException {
        List<String> args = new ArrayList<>(List.of("-I", "dts", "-O", "dtb", "-b", "0"));
        args.addAll(extraDtcArgs);
        for (Path d : dtcIncludeDirs) {
            args.add("-i");
            args.add(d.toString());
        }
        String key = cacheKey(text, args, dtcIncludeDirs);
        Path cached = cacheDir == null ? null : cacheDir.resolve(key.substring(0, 2)).resolve(key + ".bin");
        if (cached != null && Files.isRegularFile(cached)) {
            OracleResult hit = readCache(cached);
            if (hit != null) {
                return hit;
            }
        }
        Path out = Files.createTempFile("dtdma-oracle", ".dtb");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(dtc);
            cmd.addAll(args);
            cmd.add("-o");
            cmd.add(out.toString());
            cmd.add("-");
            Proc p = run(cmd, text, timeout);
            if (p.timedOut) {
                return new OracleResult(-1, null, "dtc timed out after " + timeout.toSeconds() + " s\n" + p.stderrText(), "dtc", false);
            }
            byte[] dtb = p.exit == 0 && Files.size(out) > 0 ? Files.readAllBytes(out) : null;
            OracleResult r = new OracleResult(p.exit, dtb, p.stderrText(), "dtc", false);
            if (cached != null) {
                writeCache(cached, r);
            }
            return r;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private String cacheKey(byte[] text, List<String> args, List<Path> dirs) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(("dtdma-oracle " + CACHE_FORMAT + "\n" + dtcVersion + "\n" + String.join("\0", args) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        md.update(text);
        hashDtcIncludes(md, text, dirs);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Folds in the files dtc itself would read (best effort: the first hit in dtc's search order). */
    private static void hashDtcIncludes(MessageDigest md, byte[] text, List<Path> dirs) {
        Deque<byte[]> todo = new ArrayDeque<>();
        todo.add(text);
        Set<Path> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String s = new String(todo.poll(), StandardCharsets.ISO_8859_1);
            if (s.indexOf("/include/") < 0 && s.indexOf("/incbin/") < 0) {
                continue;
            }
            Matcher m = DTC_INCLUDE.matcher(s);
            while (m.find()) {
                String name = m.group(2);
                md.update(("\0" + m.group(1) + ":" + name + "\0").getBytes(StandardCharsets.UTF_8));
                for (Path d : dirs) {
                    Path f = d.resolve(name).normalize();
                    if (Files.isRegularFile(f)) {
                        if (seen.add(f)) {
                            try {
                                byte[] content = Files.readAllBytes(f);
                                md.update(content);
                                if (m.group(1).equals("include")) {
                                    todo.add(content);
                                }
                            } catch (IOException e) {
                                LOG.log(Level.FINE, "cannot hash " + f, e);
                            }
                        }
                        break;
                    }
                }
            }
        }
    }

    private static OracleResult readCache(Path f) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(f))) {
            if (in.readInt() != CACHE_FORMAT) {
                return null;
            }
            int exit = in.readInt();
            String stderr = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
            int n = in.readInt();
            byte[] dtb = n < 0 ? null : in.readNBytes(n);
            if (dtb != null && dtb.length != n) {
                return null;
            }
            return new OracleResult(exit, dtb, stderr, "dtc", true);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ignoring unreadable cache entry " + f, e);
            return null;
        }
    }

    private static void writeCache(Path f, OracleResult r) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "tmp", ".part");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
                out.writeInt(CACHE_FORMAT);
                out.writeInt(r.exitCode());
                byte[] err = r.stderr().getBytes(StandardCharsets.UTF_8);
                out.writeInt(err.length);
                out.write(err);
                out.writeInt(r.dtb() == null ? -1 : r.dtb().length);
                if (r.dtb() != null) {
                    out.write(r.dtb());
                }
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write oracle cache entry " + f, e);
        }
    }

    /** A finished (or timed-out) process with its captured output. */
    private static final class Proc {
        int exit;
        boolean timedOut;
        byte[] stdout = new byte[0];
        byte[] stderr = new byte[0];

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /** Runs a command without a shell, feeding {@code stdin} (or nothing) and draining both outputs. */
    private static Proc run(List<String> cmd, byte[] stdin, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        }
        Process p = pb.start();
        Proc r = new Proc();
        Thread outT = drain(p.getInputStream(), b -> r.stdout = b);
        Thread errT = drain(p.getErrorStream(), b -> r.stderr = b);
        Thread inT = null;
        if (stdin != null) {
            inT = new Thread(() -> {
                try (var os = p.getOutputStream()) {
                    os.write(stdin);
                } catch (IOException e) {
                    // the process exited early; its exit code and stderr say why
                }
            }, "oracle-stdin");
            inT.setDaemon(true);
            inT.start();
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                r.timedOut = true;
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            outT.join(5000);
            errT.join(5000);
            if (inT != null) {
                inT.join(1000);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + cmd.get(0), e);
        }
        r.exit = r.timedOut ? -1 : p.exitValue();
        return r;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Thread drain(InputStream in, java.util.function.Consumer<byte[]> sink) {
        Thread t = new Thread(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (in) {
                in.transferTo(buf);
            } catch (IOException e) {
                // process killed
            }
            sink.accept(buf.toByteArray());
        }, "oracle-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
