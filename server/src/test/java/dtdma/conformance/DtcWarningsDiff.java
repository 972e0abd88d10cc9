package dtdma.conformance;

import dtdma.check.Diagnostic;
import dtdma.dtc.DtcCheck;
import dtdma.dtc.DtcChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares dtc's warnings with dtdma's findings of dtc's checks, each reduced to (check, node path, property):
 * dtc's from its standard error ({@code FILE:POS: Warning (CHECK): /path[:prop]: message}), dtdma's from the
 * {@link Diagnostic.Subject} its findings carry. dtc's "Failed prerequisite" lines name no node and are counted
 * apart.
 */
public final class DtcWarningsDiff {
    private static final Pattern LINE = Pattern.compile("^(?:.*?: )?(?:Warning|ERROR) \\(([a-z0-9_]+)\\): (.*)$");

    /** One finding, as both tools can name it. {@code property} is "" for a finding on a node. */
    public record Finding(String check, String path, String property) implements Comparable<Finding> {
        @Override
        public int compareTo(Finding o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return check + " " + path + (property.isEmpty() ? "" : ":" + property);
        }
    }

    private DtcWarningsDiff() {
    }

    /** The dtc arguments that turn every check dtdma implements on (dtc's {@code always_fail} self-test aside). */
    public static List<String> allWarningArgs() {
        List<String> out = new ArrayList<>();
        for (DtcCheck c : DtcChecks.all()) {
            out.add("-W" + c.name());
        }
        return out;
    }

    /** The dtc options that give a warning level: {@code -W} / {@code -Wno-} where it differs from dtc's default. */
    public static List<String> dtcArgs(dtdma.dtc.DtcWarnings w) {
        List<String> out = new ArrayList<>();
        for (DtcCheck c : DtcChecks.all()) {
            boolean on = w.enabled(c.name());
            if (on != c.dtcDefault()) {
                out.add((on ? "-W" : "-Wno-") + c.name());
            }
        }
        return out;
    }

    /** dtc's warnings in its standard error, without the "Failed prerequisite" lines. */
    public static Set<Finding> parseDtc(String stderr) {
        Set<Finding> out = new TreeSet<>();
        for (String line : stderr.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String rest = m.group(2);
            if (rest.startsWith("Failed prerequisite")) {
                continue;
            }
            int colon = rest.indexOf(": ");
            String subject = colon < 0 ? rest : rest.substring(0, colon);
            if (!subject.startsWith("/")) {
                continue;
            }
            int pc = subject.indexOf(':');
            out.add(new Finding(m.group(1), pc < 0 ? subject : subject.substring(0, pc), pc < 0 ? "" : subject.substring(pc + 1)));
        }
        return out;
    }

    /** The "Failed prerequisite" lines of dtc's standard error, as {@code check <- prerequisite}. */
    public static Set<String> prerequisiteFailures(String stderr) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("Warning \\(([a-z0-9_]+)\\): Failed prerequisite '([a-z0-9_]+)'").matcher(stderr);
        while (m.find()) {
            out.add(m.group(1) + " <- " + m.group(2));
        }
        return out;
    }

    /** dtdma's findings of dtc's checks. */
    public static Set<Finding> mine(List<Diagnostic> diags) {
        Set<Finding> out = new TreeSet<>();
        for (Diagnostic d : diags) {
            Diagnostic.Subject s = d.subject();
            if (s != null && s.dtcCheck() != null) {
                out.add(new Finding(s.dtcCheck(), s.nodePath(), s.property() == null ? "" : s.property()));
            }
        }
        return out;
    }

    /** Agreed / missing (dtc only) / extra (dtdma only) counts per check, accumulated over boards. */
    public static final class Tally {
        private final Map<String, int[]> perCheck = new TreeMap<>();
        private int same;
        private int differ;

        /** Counts for every check dtdma implements, zero until seen. */
        public Tally() {
            for (DtcCheck c : DtcChecks.all()) {
                perCheck.put(c.name(), new int[3]);
            }
        }

        /** Adds one board; returns the differences, each as {@code missing|extra FINDING}. */
        public synchronized List<String> add(Set<Finding> dtc, Set<Finding> mine) {
            List<String> diffs = new ArrayList<>();
            for (Finding f : dtc) {
                int[] c = perCheck.computeIfAbsent(f.check(), k -> new int[3]);
                if (mine.contains(f)) {
                    c[0]++;
                } else {
                    c[1]++;
                    diffs.add("missing " + f);
                }
            }
            for (Finding f : mine) {
                if (!dtc.contains(f)) {
                    perCheck.computeIfAbsent(f.check(), k -> new int[3])[2]++;
                    diffs.add("extra " + f);
                }
            }
            if (diffs.isEmpty()) {
                same++;
            } else {
                differ++;
            }
            return diffs;
        }

        public synchronized int same() {
            return same;
        }

        public synchronized int differ() {
            return differ;
        }

        /** {@code N boards same, N differ}. */
        public synchronized String countLine() {
            return same + " boards same, " + differ + " differ";
        }

        /** One line per check (every check, in name order): {@code check: agreed N, missing N, extra N}. */
        public synchronized List<String> perCheckLines() {
            List<String> out = new ArrayList<>();
            perCheck.forEach((k, v) -> out.add(k + ": agreed " + v[0] + ", missing " + v[1] + ", extra " + v[2]));
            return out;
        }

        public synchronized int[] counts(String check) {
            int[] c = perCheck.get(check);
            return c == null ? new int[3] : c.clone();
        }
    }

    /**
     * Compares boards: {@code java -cp dtdma.jar dtdma.conformance.DtcWarningsDiff KERNEL [--level LEVEL] BOARD...}
     * runs cpp and dtc with the options of the level (default {@code all}: every check on) and dtdma at that level,
     * and prints the differences.
     */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path kernel = java.nio.file.Path.of(args[0]);
        int first = 1;
        dtdma.dtc.DtcWarnings level = dtdma.dtc.DtcWarnings.ALL;
        if (args.length > 2 && args[1].equals("--level")) {
            level = dtdma.dtc.DtcWarnings.parse(args[2]);
            first = 3;
        }
        DtcOracle oracle = DtcOracle.create(kernel).withDtcArgs(level.equals(dtdma.dtc.DtcWarnings.ALL)
                ? allWarningArgs() : dtcArgs(level));
        dtdma.workspace.Boards boards = new dtdma.workspace.Boards(ConformanceRun.includeDirs(kernel), false,
                null, level);
        Tally t = new Tally();
        for (int i = first; i < args.length; i++) {
            java.nio.file.Path b = java.nio.file.Path.of(args[i]);
            OracleResult r = oracle.compile(b);
            dtdma.workspace.BoardResult mine = boards.load(b);
            for (String d : t.add(parseDtc(r.stderr()), mine(mine.diagnostics()))) {
                System.out.println(b + ": " + d);
            }
        }
        System.out.println(t.countLine());
        t.perCheckLines().forEach(System.out::println);
    }
}
