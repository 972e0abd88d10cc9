package dtdma.dtc;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.tree.Node;
import java.util.List;

/**
 * One of dtc's semantic checks over the merged tree, named as dtc names it ({@code -W<name>}). A check visits
 * every node in dtc's order (a node, then its children) and reports through {@link DtcRun#fail}. Checks may
 * name prerequisites: when one of them fails anywhere in the tree, dtc skips the check for the whole board
 * ("Failed prerequisite"), and so does {@link DtcChecks#run}.
 */
public abstract class DtcCheck implements Check<DtcRun> {
    private final String name;
    private final Code code;
    private final boolean dtcDefault;
    private final List<String> prerequisites;

    /**
     * @param name          dtc's name of the check
     * @param code          the code its findings carry
     * @param dtcDefault    whether dtc runs it without {@code -W} (its own default)
     * @param prerequisites dtc's names of the checks that must pass first
     */
    protected DtcCheck(String name, Code code, boolean dtcDefault, String... prerequisites) {
        this.name = name;
        this.code = code;
        this.dtcDefault = dtcDefault;
        this.prerequisites = List.of(prerequisites);
    }

    /** dtc's name for the check, as in {@code -W<name>} and its warnings ("Warning (name)"). */
    public final String name() {
        return name;
    }

    @Override
    public final Code code() {
        return code;
    }

    /** Whether dtc 1.6.1 runs this check when no {@code -W} option names it. */
    public final boolean dtcDefault() {
        return dtcDefault;
    }

    public final List<String> prerequisites() {
        return prerequisites;
    }

    /**
     * Visits every node, parents before children, in dtc's order; a check that only looks at nodes with one
     * property ({@link #keyProperty()}) visits just those, in the same order.
     */
    @Override
    public void run(DtcRun run, List<Diagnostic> out) {
        String key = keyProperty();
        if (key != null) {
            for (Node n : run.nodesWith(key)) {
                run.cancel().check();
                check(run, n);
            }
            return;
        }
        visit(run, run.tree().root());
    }

    /** The property without which {@link #check} finds nothing on a node, or null when there is none. */
    protected String keyProperty() {
        return null;
    }

    final String key() {
        return keyProperty();
    }

    /** dtc adds {@code __fixups__}, {@code __local_fixups__} and {@code __symbols__} after its checks ran. */
    static boolean addedAfterChecks(Node n) {
        return n.isGenerated() && n.parent() != null && n.parent().isRoot() && (n.name().equals("__fixups__")
                || n.name().equals("__local_fixups__") || n.name().equals("__symbols__"));
    }

    private void visit(DtcRun run, Node n) {
        if (addedAfterChecks(n)) {
            return;
        }
        run.cancel().check();
        check(run, n);
        for (Node c : n.children()) {
            visit(run, c);
        }
    }

    /** Checks one node. */
    protected abstract void check(DtcRun run, Node node);
}
