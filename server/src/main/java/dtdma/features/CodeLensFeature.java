package dtdma.features;

import dtdma.text.Cancel;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DmaProvider;
import dtdma.dma.DmaSpecifier;
import dtdma.sdma.SdmaModel;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.tree.History;
import dtdma.tree.Node;
import dtdma.workspace.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * Code lenses on DMA controllers: {@code "N consumers · M of 31 channels"} on an i.MX SDMA controller,
 * {@code "N consumers"} on any other. N counts the consumers that {@link ReferencesFeature} lists from the
 * controller's label (every node with a {@code dmas} specifier pointing at it); M is the SDMA channel budget's
 * assigned channels. Each lens carries the places of every consumer specifier, for a "show references" command.
 */
public final class CodeLensFeature {
    /** The SDMA channels a driver can hand out (channel 0 is reserved for the driver itself). */
    public static final int SDMA_CHANNELS = 31;
    /** The command the lens names; clients may ignore it. */
    public static final String COMMAND = "dtdma.showDmaConsumers";

    /**
     * One lens: where it sits, its title, the controller's path, and the specifiers pointing at the controller.
     *
     * @param consumers the number of distinct consumer nodes
     * @param channels  the SDMA channels assigned, or -1 for a generic controller
     */
    public record Lens(Span span, String title, String controller, int consumers, int channels, List<Place> specifiers) {
        public Lens {
            specifiers = List.copyOf(specifiers);
        }
    }

    private CodeLensFeature() {
    }

    /** The lenses of every DMA controller defined or changed in the file. */
    public static List<Lens> lenses(Analysis a, SourceFile file) {
        return lenses(a, file, Cancel.NONE);
    }

    /** The lenses, polling {@code cancel} per controller and consumer. */
    public static List<Lens> lenses(Analysis a, SourceFile file, Cancel cancel) {
        List<Lens> out = new ArrayList<>();
        cancel.check();
        for (DmaProvider p : a.dma().providers()) {
            cancel.check();
            Node n = p.node();
            Span at = anchor(n, file.id());
            if (at == null) {
                continue;
            }
            List<Place> places = new ArrayList<>();
            int consumers = 0;
            for (DmaConsumer c : a.dma().consumersOf(n)) {
                cancel.check();
                consumers++;
                for (DmaSpecifier s : c.specifiers()) {
                    Span ps = s.phandleSpan() != null ? s.phandleSpan() : s.span();
                    SourceFile f = a.fileOf(ps);
                    if (s.controller() == n && f != null) {
                        places.add(new Place(f, ps));
                    }
                }
            }
            SdmaModel.Controller sc = a.sdma().controller(n);
            String title = consumers + (consumers == 1 ? " consumer" : " consumers");
            int channels = -1;
            if (sc != null) {
                channels = sc.budget().assigned().size();
                title += " \u00b7 " + channels + " of " + SDMA_CHANNELS + " channels";
            }
            out.add(new Lens(at, title, n.path(), consumers, channels, places));
        }
        return out;
    }

    /** The node's name where it is defined in the file, else its first change there (a {@code &label} block). */
    private static Span anchor(Node n, int fileId) {
        Span name = n.nameSpan();
        if (name != null && name.fileId() == fileId) {
            return name;
        }
        for (History h : n.history()) {
            if (h.span() != null && h.span().fileId() == fileId && h.kind() != History.Kind.DELETED) {
                return new Span(fileId, h.span().start(), h.span().start());
            }
        }
        return null;
    }
}
