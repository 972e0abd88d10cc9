package dtdma.tree;

import dtdma.check.Code;
import dtdma.check.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** TR008, dtc's {@code duplicate_property_names}: two live properties of one node with the same name. */
final class DuplicatePropertyNames extends TreeCheck {
    DuplicatePropertyNames() {
        super(Code.TR008);
    }

    @Override
    public void run(Merged m, List<Diagnostic> out) {
        walk(m, m.root(), n -> {
            Map<String, List<Property>> earlierProps = new HashMap<>();
            for (Property q : n.properties()) {
                if (q.deleted) {
                    continue;
                }
                List<Property> earlier = earlierProps.computeIfAbsent(q.name(), k -> new ArrayList<>(1));
                for (Property p : earlier) {
                    report(out, q.span(), "duplicate property name '" + q.name() + "' in " + TreeBuilder.displayPath(n),
                            List.of(new Diagnostic.Related(p.span(), "first defined here")));
                }
                if (earlier.size() < DuplicateNodeNames.MAX_DUPLICATES_COMPARED) {
                    earlier.add(q);
                }
            }
        });
    }
}
