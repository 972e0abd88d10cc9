package dtdma.format;

import java.util.ArrayList;
import java.util.List;

/** The comments of a source file, for checking that formatting loses none. */
public final class Comments {
    private Comments() {
    }

    /**
     * Every comment of {@code text} (block and line comments, also those inside directive lines), each
     * normalised by {@link #normalise}, in order. Throws {@link FormatException} on text the scanner rejects.
     */
    public static List<String> of(String text) {
        String t = text.replace("\r\n", "\n");
        List<String> out = new ArrayList<>();
        for (Scanner.Tok tok : Scanner.scan(t)) {
            for (Scanner.Trivia tr : tok.trivia) {
                if (tr.isComment()) {
                    out.add(normalise(tr.text));
                } else {
                    inDirective(tr.text, out);
                }
            }
        }
        return out;
    }

    private static void inDirective(String d, List<String> out) {
        int i = 0;
        int n = d.length();
        while (i < n) {
            char c = d.charAt(i);
            if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && d.charAt(k) != c && d.charAt(k) != '\n') {
                    k += d.charAt(k) == '\\' ? 2 : 1;
                }
                i = k + 1;
            } else if (d.startsWith("/*", i)) {
                int e = d.indexOf("*/", i + 2);
                e = e < 0 ? n : e + 2;
                out.add(normalise(d.substring(i, e)));
                i = e;
            } else if (d.startsWith("//", i)) {
                int e = d.indexOf('\n', i);
                e = e < 0 ? n : e;
                out.add(normalise(d.substring(i, e)));
                i = e;
            } else {
                i++;
            }
        }
    }

    /** A comment with each line trimmed (indentation is the formatter's to change). */
    public static String normalise(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String l : comment.split("\n", -1)) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l.strip());
        }
        return sb.toString();
    }
}
