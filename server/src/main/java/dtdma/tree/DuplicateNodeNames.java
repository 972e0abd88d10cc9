package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TR007, dtc's {@code duplicate_node_names}: two children of one node with the same name (including a node
 * deleted after the duplicate was written, reported at the deletion).
 */
final class DuplicateNodeNames extends TreeCheck {
    /** Earlier occurrences of one name compared against each later one (dtc compares every pair). */
    static final int MAX_DUPLICATES_COMPARED = 16;

    DuplicateNodeNames() {
        super(Code.TR007);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walk(m, m.root(), n -> {
            // dtc compares every pair; indexing by name keeps it linear (a hostile node has hundreds of thousands
            // of children), reporting the same pairs
            Map<String, List<Node>> earlierNodes = new HashMap<>();
            for (Node d : n.children()) {
                List<Node> earlier = earlierNodes.get(d.name());
                if (earlier != null) {
                    for (Node c : earlier) {
                        Span s = d.deletionMarker != null ? d.deletionMarker.span() : d.nameSpan();
                        report(out, s, "duplicate node name '" + d.name() + "' in " + TreeBuilder.displayPath(n),
                                List.of(new Diagnostic.Related(c.nameSpan(), "first defined here")));
                    }
                }
                if (!d.deleted) {
                    List<Node> l = earlierNodes.computeIfAbsent(d.name(), k -> new ArrayList<>(1));
                    if (l.size() < MAX_DUPLICATES_COMPARED) {
                        l.add(d);
                    }
                }
            }
        });
    }
}
