package dtdma.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/architecture.md honest: a package may import only the packages below it, and only
 * {@code lsp} may import LSP4J. Walks the main sources and fails on the first forbidden import it finds.
 */
class LayeringTest {
    /** For each package, the dtdma packages it may import (itself is always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("text", Set.of()),
            Map.entry("source", Set.of("text", "check")),
            Map.entry("check", Set.of("text")),
            Map.entry("preprocess", Set.of("text", "source", "check")),
            Map.entry("syntax", Set.of("text", "preprocess", "check", "grammar")),
            Map.entry("tree", Set.of("text", "syntax", "check")),
            Map.entry("bindings", Set.of("text", "source", "tree", "check")),
            Map.entry("dtc", Set.of("text", "tree", "check")),
            Map.entry("dma", Set.of("text", "tree", "check", "syntax", "bindings")),
            Map.entry("sdma", Set.of("text", "tree", "check", "dma")),
            Map.entry("devlink", Set.of("text", "tree", "check", "dma", "sdma")),
            Map.entry("fdt", Set.of("text")),
            Map.entry("format", Set.of("text")),
            Map.entry("style", Set.of("text", "check", "format")),
            Map.entry("workspace", Set.of("text", "source", "preprocess", "syntax", "tree", "check", "dma", "sdma",
                    "devlink", "dtc", "format", "style", "bindings")),
            Map.entry("features", Set.of("text", "source", "preprocess", "syntax", "tree", "check", "dma", "sdma",
                    "devlink", "workspace", "dtc", "format", "style", "bindings")),
            Map.entry("lsp", Set.of("text", "source", "check", "tree", "features", "workspace", "format", "bindings")),
            Map.entry("cli", Set.of("text", "source", "check", "tree", "features", "workspace", "lsp",
                    "dma", "sdma", "devlink", "dtc", "format", "style", "bindings")));

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void packagesImportOnlyLowerLayers() throws IOException {
        Path root = Path.of(System.getProperty("dtdma.repo", ".."), "server/src/main/java/dtdma");
        assertTrue(Files.isDirectory(root), "sources not found at " + root);
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                String top = pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
                Set<String> allowed = ALLOWED.get(top);
                if (allowed == null) {
                    violations.add(f + ": package '" + top + "' is not in the layer table of LayeringTest");
                    continue;
                }
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imp = m.group(2);
                    if (imp.startsWith("org.eclipse.lsp4j") && !top.equals("lsp")) {
                        violations.add(f + ": imports LSP4J (" + imp + "); only the lsp package may");
                    }
                    if (imp.startsWith("dtdma.")) {
                        String target = imp.substring("dtdma.".length());
                        target = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
                        if (!target.equals(top) && !allowed.contains(target)) {
                            violations.add(f + ": package " + top + " must not import dtdma." + target);
                        }
                    }
                }
            }
        }
        assertTrue(files > 0, "no sources found");
        assertEquals(List.of(), violations);
    }
}
