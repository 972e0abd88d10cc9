package dtdma.format;

/**
 * How to lay a file out.
 *
 * @param useTabs       indent with tabs (the kernel's style) rather than spaces
 * @param indentWidth   columns per indentation level when indenting with spaces
 * @param tabWidth      columns of a tab, for alignment and the line width (8 in the kernel)
 * @param lineWidth     a value line longer than this is split after a comma between entries
 * @param keepFileStyle a file already indented with spaces keeps spaces (and its indentation width)
 */
public record FormatOptions(boolean useTabs, int indentWidth, int tabWidth, int lineWidth, boolean keepFileStyle) {
    /** The kernel's style: tabs of 8 columns, lines up to 100 columns, existing space-indented files kept. */
    public static final FormatOptions KERNEL = new FormatOptions(true, 8, 8, 100, true);

    public FormatOptions {
        indentWidth = Math.max(1, Math.min(16, indentWidth));
        tabWidth = Math.max(1, Math.min(16, tabWidth));
        lineWidth = Math.max(40, Math.min(1000, lineWidth));
    }

    public FormatOptions withLineWidth(int w) {
        return new FormatOptions(useTabs, indentWidth, tabWidth, w, keepFileStyle);
    }

    public FormatOptions withIndent(boolean tabs, int width) {
        return new FormatOptions(tabs, width, tabs ? width : tabWidth, lineWidth, keepFileStyle);
    }

    public FormatOptions withKeepFileStyle(boolean keep) {
        return new FormatOptions(useTabs, indentWidth, tabWidth, lineWidth, keep);
    }

    /** Columns of one indentation level. */
    int unitColumns() {
        return useTabs ? tabWidth : indentWidth;
    }
}
