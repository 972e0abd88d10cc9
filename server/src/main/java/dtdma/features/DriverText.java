package dtdma.features;

import dtdma.dma.Console;
import dtdma.dma.DmaConsumer;
import dtdma.dma.DriverRequests;

/** What a consumer's driver does with its DMA channels, in one line, from the consumer-driver model. */
public final class DriverText {
    private DriverText() {
    }

    /**
     * For the whole consumer ({@code name} null) or one of its channels: who requests, when, how, and what
     * happens without the channel. Statements that rest on the default model of an unknown driver say so.
     */
    public static String of(DmaConsumer c, String name) {
        DriverRequests.Driver d = DriverRequests.of(c.node().compatibles(), c.names());
        if (d.assumed()) {
            return "unknown driver (" + d.where() + ")";
        }
        String head = "`" + d.name() + "`";
        if (d.when() == DriverRequests.When.NEVER) {
            return head + " never requests DMA (" + d.source() + (d.note().isEmpty() ? "" : ": " + d.note()) + ")";
        }
        if (name != null && !d.requests(name)) {
            return head + " never requests \"" + name + "\" (" + d.where() + ")";
        }
        if (d.skipsConsole() && Console.is(c.node())) {
            return head + ": this is the console port (/chosen/stdout-path), which gets no DMA ("
                    + d.cites().get(d.cites().size() - 1) + ")";
        }
        String what = name != null ? "requests it " : "requests " + String.join(", ", d.names()) + " ";
        return head + " " + what + d.when().text() + " with " + d.how().function() + "() in " + d.where()
                + (d.stopsOnFailure() && name == null ? ", stopping at the first failure" : "")
                + "; without the channel " + d.withoutDma();
    }
}
