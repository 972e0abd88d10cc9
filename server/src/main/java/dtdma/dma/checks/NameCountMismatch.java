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
 * DT003: the number of {@code dma-names} differs from the number of {@code dmas} specifiers. The kernel pairs
 * them by index, so extra specifiers are unreachable and extra names get -ENODEV.
 */
public final class NameCountMismatch implements Check<DmaModel> {
    @Override
    public Code code() {
        return Code.DT003;
    }

    @Override
    public void run(DmaModel m, List<Diagnostic> out) {
        for (DmaConsumer c : m.consumers()) {
            if (c.dmas() == null || c.namesProperty() == null || c.names().isEmpty() || !c.complete()) {
                continue;
            }
            int specs = c.specifiers().size();
            int names = c.names().size();
            if (specs == names) {
                continue;
            }
            if (names > specs) {
                ValueSpans vs = ValueSpans.of(c.namesProperty());
                for (int i = specs; i < names; i++) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), vs.string(i), "dma-names entry \""
                            + c.names().get(i) + "\" has no specifier: dmas has " + specs
                            + (specs == 1 ? " entry" : " entries") + ", so requesting \"" + c.names().get(i)
                            + "\" fails with -ENODEV"), c.node(), c.names().get(i)));
                }
            } else {
                for (int i = names; i < specs; i++) {
                    out.add(SeverityPolicy.apply(Diagnostic.of(code(), c.specifiers().get(i).span(), "dmas entry " + i
                            + " has no name: dma-names has " + names + (names == 1 ? " entry" : " entries")
                            + ", and the kernel pairs names with specifiers by index, so this one is unreachable"),
                            c.node(), null));
                }
            }
        }
    }
}
