package dtdma.features;

import dtdma.text.Cancel;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaSpecifier;
import dtdma.sdma.SdmaModel;
import dtdma.sdma.SdmaSpecifier;
import dtdma.text.SourceFile;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/** Inlay hints after each SDMA {@code dmas} specifier of a file: type, name, priority and predicted channel. */
public final class InlayHintsFeature {
    /** A hint shown at an offset. */
    public record Hint(int offset, String label, String tooltip) {
    }

    private InlayHintsFeature() {
    }

    /** The hints whose offset lies in {@code [from, to]} of the file. */
    public static List<Hint> hints(Analysis a, SourceFile file, int from, int to) {
        return hints(a, file, from, to, Cancel.NONE);
    }

    /** The hints, polling {@code cancel} per consumer. */
    public static List<Hint> hints(Analysis a, SourceFile file, int from, int to, Cancel cancel) {
        List<Hint> out = new ArrayList<>();
        cancel.check();
        for (DmaConsumer c : a.dma().consumers()) {
            cancel.check();
            for (DmaSpecifier s : c.specifiers()) {
                if (s.span() == null || s.span().fileId() != file.id() || s.span().end() < from || s.span().end() > to
                        || s.controller() == null) {
                    continue;
                }
                SdmaModel.Controller sc = a.sdma().controller(s.controller());
                if (sc == null) {
                    continue;
                }
                SdmaSpecifier.Decoded d = HoverFeature.decoded(sc, s);
                if (d == null) {
                    continue;
                }
                String label = label(sc, c, s, d);
                out.add(new Hint(s.span().end(), label, HoverFeature.specifier(a, c, s)));
            }
        }
        out.sort((x, y) -> Integer.compare(x.offset(), y.offset()));
        return out;
    }

    static String label(SdmaModel.Controller sc, DmaConsumer c, DmaSpecifier s, SdmaSpecifier.Decoded d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.peripheralType().map(Enum::name).orElse("type " + d.typeCell()));
        if (s.name() != null) {
            sb.append(' ').append(s.name());
        }
        sb.append(" · prio ").append(d.priorityStandard() ? HoverFeature.priorityName(d.priorityCell()) : "low?");
        sc.assignment(c.node(), s.name() == null ? "" : s.name())
                .ifPresent(x -> sb.append(" · ch ").append(x.sdmaChannel()));
        return sb.toString();
    }
}
