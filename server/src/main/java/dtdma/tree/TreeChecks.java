package dtdma.tree;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of {@link TreeCheck}s, in the order {@link TreeBuilder} runs them: the header and name checks
 * after the merge, before the phandle fixups (as dtc's {@code process_checks} meets them); the {@code name}
 * property check after the path fixups and {@code /omit-if-no-ref/}; duplicate labels last, on the final tree.
 */
public final class TreeChecks {
    static final List<TreeCheck> BEFORE_FIXUPS = List.of(new HeaderFlags(), new DuplicateNodeNames(),
            new BadNodeNameChars(), new NodeNameFormat(), new DuplicatePropertyNames(), new BadPropertyNameChars());
    static final List<TreeCheck> AFTER_FIXUPS = List.of(new NameProperties());
    static final List<TreeCheck> LAST = List.of(new DuplicateLabel());

    private TreeChecks() {
    }

    /** Every tree check, for the fixture and documentation tests. */
    public static List<Check<?>> all() {
        List<Check<?>> all = new ArrayList<>(BEFORE_FIXUPS);
        all.addAll(AFTER_FIXUPS);
        all.addAll(LAST);
        return List.copyOf(all);
    }

    /** Runs {@code checks} in order; a cancellation stops them (a failing check is a bug and propagates). */
    static void run(List<TreeCheck> checks, TreeCheck.Merged model, List<Diagnostic> out) {
        for (TreeCheck c : checks) {
            model.cancel().check();
            c.run(model, out);
        }
    }
}
