package dtdma.features;

import dtdma.text.SourceFile;
import dtdma.text.Span;

/** A span together with the file text it points into, so the protocol edge can compute lines and columns. */
public record Place(SourceFile file, Span span) {
}
