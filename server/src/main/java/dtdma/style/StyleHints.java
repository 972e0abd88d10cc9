package dtdma.style;

/**
 * What the style checks cannot know from one file as written: the order in which labelled nodes are defined in
 * the board's SoC {@code .dtsi} (and the other files before the board), from the board's merged tree.
 */
public interface StyleHints {
    /** Nothing known: overrides are judged by the alphanumeric order alone. */
    StyleHints NONE = label -> -1;

    /** The position of the node a label names in the order the nodes are defined, or -1 when not known. */
    int definitionOrder(String label);
}
