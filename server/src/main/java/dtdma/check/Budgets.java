package dtdma.check;

/**
 * The budgets that bound the time and memory one input can take, each reported with a diagnostic (LIM001, or
 * PP007 for the preprocessor's own limits) when exceeded. The defaults are generous: each is at least several
 * times the largest value measured over every arm and arm64 board of Linux 6.1 ({@code BudgetCorpusTest}
 * measures them; docs/robustness.md lists the measurements next to the defaults).
 */
public final class Budgets {
    private Budgets() {
    }

    /** Nesting of {@code {} and {@code (} the parser accepts (deepest real board: see docs/robustness.md). */
    public static final int MAX_NESTING = 1024;

    /** Tokens of one preprocessed board (or file) handed to the parser. */
    public static final int MAX_TOKENS_PER_FILE = 1_000_000;

    /** Labels on one node. */
    public static final int MAX_LABELS_PER_NODE = 256;

    /**
     * Bytes of one property's value (65,536 cells; a {@code dmas} list of up to 32,768 specifiers). Larger
     * values, {@code /incbin/} included, are taken as empty.
     */
    public static final int MAX_PROPERTY_BYTES = 256 << 10;

    /**
     * Diagnostics of one code reported for one board; the rest are counted in one LIM001. dtc's
     * {@code unique_unit_address} reports every pair of siblings with the same unit address, so real boards reach
     * 1,935 of one code with every dtc check on (the pin-control groups of i.MX28 boards); this stays well
     * above that.
     */
    public static final int MAX_DIAGNOSTICS_PER_CODE = 20_000;

    /**
     * Nodes of one merged tree: bounded by {@link #MAX_TOKENS_PER_FILE}, as a node takes at least three tokens
     * ({@code n {}} and {@code ;}), so no budget of its own.
     */
    public static final int MAX_NODES_PER_TREE = MAX_TOKENS_PER_FILE / 3;

    /** Characters of an editor document the language server analyses (larger ones get syntax colouring only). */
    public static final int MAX_DOCUMENT_CHARS = 8 << 20;

    /** Bytes a {@code topology --scenario} file may have, and the events it may list. */
    public static final long MAX_SCENARIO_BYTES = 1 << 20;
    public static final int MAX_SCENARIO_EVENTS = 10_000;
    /** Nesting of JSON arrays and objects in a scenario. */
    public static final int MAX_JSON_DEPTH = 64;

    /** Bytes one CLI command may write to stdout before it stops with a message. */
    public static final long MAX_CLI_OUTPUT_BYTES = 256L << 20;

    /** Bytes of one JSON-RPC message body the language server reads. */
    public static final int MAX_MESSAGE_BYTES = 64 << 20;
}
