package dtdma.features;

import dtdma.preprocess.PpUnit;
import dtdma.text.SourceFile;
import dtdma.text.Span;
import dtdma.workspace.Analysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Document links: the file name of every resolved {@code #include} and {@code /include/} of a file. */
public final class DocumentLinkFeature {
    /** A link: the span of the written file name and the file it opens. */
    public record Link(Span span, Path target) {
    }

    private DocumentLinkFeature() {
    }

    public static List<Link> links(Analysis a, SourceFile file) {
        List<Link> out = new ArrayList<>();
        String t = file.text();
        for (PpUnit.Include inc : a.includes()) {
            Span d = inc.directive();
            if (d.fileId() != file.id() || inc.unit() == null || d.end() > t.length()) {
                continue;
            }
            String spelled = inc.spelled();
            String name = spelled.length() >= 2 ? spelled.substring(1, spelled.length() - 1) : spelled;
            int at = name.isEmpty() ? -1 : t.substring(d.start(), d.end()).indexOf(name);
            Span s = at < 0 ? d : new Span(file.id(), d.start() + at, d.start() + at + name.length());
            out.add(new Link(s, inc.unit().file().path()));
        }
        out.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        return out;
    }
}
