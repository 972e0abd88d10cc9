package dtdma.dma.checks;

import dtdma.check.Check;
import dtdma.check.Code;
import dtdma.check.Diagnostic;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaModel;
import dtdma.dma.SeverityPolicy;
import dtdma.tree.ValueSpans;
import java.util.List;


/**
 * DT004: repeated {@code dma-names} where not every name is {@code rx} or {@code tx} (dt-schema
 * {@code dma.yaml}: unique items, or all from [rx, tx]). The kernel treats repeats as alternatives and
 * starts its search at a rotating index, so the first one is not always used.
 */
public final class DuplicateNames implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT004;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            List<String> names = c.names();
            if (names.stream().allMatch(n -> n.equals("rx") || n.equals("tx"))) {
                continue;
            }
            ValueSpans vs = null;
            for (int i = 0; i < names.size(); i++) {
                int first = names.indexOf(names.get(i));
                if (first != i) {
                    if (vs == null) {
                        vs = ValueSpans.of(c.namesProperty());
                    }
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), vs.string(i), "dma-names \"" + names.get(i)
                            + "\" repeats entry " + first + ": the binding wants unique names; the kernel treats "
                            + "repeats as alternatives and tries them round-robin from a shared counter, so either "
                            + "may be used", List.of(new Diagnostic.Related(vs.string(first), "first \"" + names.get(i)
                            + "\""))), c.node(), names.get(i)));
                }
            }
        }
    }

}
