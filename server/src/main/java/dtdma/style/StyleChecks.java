package dtdma.style;

import dtdma.check.Check;
import dtdma.check.Diagnostic;
import dtdma.style.checks.HexCase;
import dtdma.style.checks.LabelChars;
import dtdma.style.checks.NodeNameChars;
import dtdma.style.checks.NodeOrder;
import dtdma.style.checks.OverrideOrder;
import dtdma.style.checks.PropertyNameChars;
import dtdma.style.checks.PropertyOrder;
import dtdma.style.checks.UnitAddressStyle;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's DTS coding style as checks (STY0xx): names, labels, unit addresses, hex case, and the order of
 * nodes, overrides and properties. They read each file as written, not the merged tree, and are off unless
 * asked for ({@code check --style}, the setting {@code dtdma.style}).
 */
public final class StyleChecks {
    /** Every style check, in code order. */
    public static final List<Check<StyleModel>> ALL = List.of(new NodeNameChars(), new PropertyNameChars(),
            new LabelChars(), new UnitAddressStyle(), new HexCase(), new NodeOrder(), new OverrideOrder(),
            new PropertyOrder());

    private StyleChecks() {
    }

    /** The style findings of one file (none for a file whose syntax cannot be read as written). */
    public static List<Diagnostic> run(SourceFile file) {
        return run(file, StyleHints.NONE);
    }

    /** The style findings of one file, with what a board's merged tree tells about it (the order of definitions). */
    public static List<Diagnostic> run(SourceFile file, StyleHints hints) {
        return run(file, hints, dtdma.text.Cancel.NONE);
    }

    /**
     * Like {@link #run(SourceFile, StyleHints)}, polling {@code cancel} before the file is read and before each
     * check.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancel} fires
     */
    public static List<Diagnostic> run(SourceFile file, StyleHints hints, dtdma.text.Cancel cancel) {
        List<Diagnostic> out = new ArrayList<>();
        if (!SourceFile.isDevicetree(file.path())) {
            return out;
        }
        cancel.check();
        StyleModel m = StyleModel.of(file, hints);
        if (m == null) {
            return out;
        }
        Check.runAll(ALL, m, out, new Span(file.id(), 0, 0), cancel);
        return out;
    }

}
