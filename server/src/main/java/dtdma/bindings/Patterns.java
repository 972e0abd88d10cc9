package dtdma.bindings;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expressions of the schemas ({@code pattern}, {@code patternProperties}), searched as JSON Schema
 * does (a match anywhere). Compiled once per text. An alternation of {@code (?:^PREFIX,.*)} branches (what
 * {@link AdditionalPropertiesKeyword} makes of {@code vendor-prefixes.yaml}) is answered with a set lookup of the
 * name's vendor prefix, and only the other branches are searched.
 */
final class Patterns implements RegularExpressionFactory {
    private static final Pattern VENDOR_BRANCH = Pattern.compile("\\(\\?:\\^([A-Za-z0-9_+\\-.]+),\\.\\*\\)");
    private final Map<String, RegularExpression> cache = new ConcurrentHashMap<>();

    @Override
    public RegularExpression getRegularExpression(String regex) {
        return cache.computeIfAbsent(regex, Patterns::compile);
    }

    private static RegularExpression compile(String regex) {
        if (regex.startsWith("(?:") && regex.length() > 200) {
            List<String> branches = split(regex);
            Set<String> prefixes = new HashSet<>();
            StringBuilder rest = new StringBuilder();
            for (String b : branches) {
                Matcher m = VENDOR_BRANCH.matcher(b);
                if (m.matches()) {
                    prefixes.add(m.group(1));
                } else {
                    rest.append(rest.length() == 0 ? "" : "|").append(b);
                }
            }
            if (!prefixes.isEmpty()) {
                Pattern others = rest.length() == 0 ? null : Pattern.compile(rest.toString());
                return s -> {
                    int comma = s.indexOf(',');
                    if (comma > 0 && prefixes.contains(s.substring(0, comma))) {
                        return true;
                    }
                    return others != null && others.matcher(s).find();
                };
            }
        }
        Pattern p = Pattern.compile(regex);
        return s -> p.matcher(s).find();
    }

    /** The top-level {@code (?:...)} branches of an alternation written as {@code (?:a)|(?:b)|...}. */
    private static List<String> split(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        boolean escaped = false;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (escaped) {
                escaped = false;
                continue;
            }
            if (c == '\\') {
                escaped = true;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }
}
