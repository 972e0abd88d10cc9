package dtdma.cli;

import dtdma.format.DtsFormatter;
import dtdma.format.EntryHints;
import dtdma.workspace.Boards;
import dtdma.workspace.FormatHints;
import dtdma.format.FormatOptions;
import dtdma.format.LineDiff;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code dtdma format}: lays devicetree sources out in the kernel's style, in place, as a check, or as a diff. */
final class FormatCommand {
    private static final long MAX_SIZE = 16L << 20;

    private final PrintStream out;
    private final PrintStream err;

    FormatCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static String help() {
        return """
                Usage: dtdma format [OPTIONS] FILE|DIR...

                Lays .dts, .dtsi and .dtso files out in the Linux kernel's DTS coding style: tabs, one
                property per line, "name = value;" spacing, continuation lines aligned under the first entry,
                one-line values longer than the line width split between entries, each entry of a multi-entry
                array in its own <...> (reg, ranges, interrupts, clocks, dmas, *-gpios, ...: the entry sizes
                come from the board's merged tree, see below), lowercase hex in values, a blank line before each
                child node and before a trailing status, no trailing whitespace. Comments, preprocessor lines,
                macro uses, node names (unit addresses too) and the order of everything are kept. A directory
                stands for every .dts, .dtsi and .dtso below it. Without --check or --diff each changed file is
                rewritten in place (atomically, keeping its permissions).

                Entry sizes (#address-cells and #size-cells of the parent, #clock-cells and the like of each
                phandle's provider, #interrupt-cells of the interrupt parent) are read from the merged tree: a
                .dts or .dtso is analysed as a board, a .dtsi in a board that includes it (one of the files
                given, else a board found in the .dtsi's directory), otherwise only a reg whose parent's cell
                sizes are written in the same file is split. An array is split only where every cell written
                is one cell (a macro that may stand for several cells leaves it as it is).

                Options:
                  --check           change nothing; list the files that would change and exit 1 if any
                  --diff            change nothing; print a unified diff of the changes
                  --line-width N    split values longer than N columns (default 100; tabs count 8)
                  --spaces N        indent every file with N spaces instead of tabs
                  --no-keep-style   re-indent files indented with spaces with tabs too (default: a file
                                    indented with spaces keeps spaces)
                  --as-written      do not analyse boards: no entry sizes from the merged tree (faster)
                  -I DIR            add an include directory for the analysis (repeatable; a kernel tree's
                                    are found on their own)
                  --no-kernel-detect  do not look for a kernel tree's include directories
                  -h, --help        show this text

                A file the formatter cannot lay out safely (for example a macro that stands for a whole
                statement, or a directive inside a property value) is left as it is and named on stderr.
                Exit status: 0 done (or nothing to change), 1 with --check when a file would change,
                2 usage or I/O error (a file that cannot be read or written).
                """;
    }

    int run(String[] args) {
        Options o = new Options(args);
        boolean check = false;
        boolean diff = false;
        FormatOptions fo = FormatOptions.KERNEL;
        boolean asWritten = false;
        while (o.hasNext()) {
            String a = o.next();
            if (a.equals("-h") || a.equals("--help")) {
                out.print(help());
                return 0;
            } else if (a.equals("--check")) {
                check = true;
            } else if (a.equals("--diff")) {
                diff = true;
            } else if (Options.is(a, "--line-width")) {
                fo = fo.withLineWidth(Options.positiveInt(o.value(a, "--line-width"), "--line-width"));
            } else if (Options.is(a, "--spaces")) {
                fo = fo.withIndent(false, Options.positiveInt(o.value(a, "--spaces"), "--spaces")).withKeepFileStyle(false);
            } else if (a.equals("--no-keep-style")) {
                fo = fo.withKeepFileStyle(false);
            } else if (a.equals("--as-written")) {
                asWritten = true;
            } else if (o.common(a)) {
                continue;
            } else {
                o.positionalOrUnknown(a);
            }
        }
        if (o.positional.isEmpty()) {
            throw new Main.UsageException("no FILE or DIR given");
        }
        List<Path> files = new ArrayList<>();
        for (String p : o.positional) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    s.filter(f -> dtdma.text.SourceFile.isDevicetree(f) && Files.isRegularFile(f)).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new Main.InputException(path + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new Main.InputException(path + ": no such file or directory");
            }
        }
        Map<Path, EntryHints> hints = asWritten ? Map.of() : FormatHints.forFiles(new Boards(o.includes, o.detectKernel),
                files, FormatCommand::readQuietly, err::println);
        int wouldChange = 0;
        int changed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path f : files) {
            String text;
            try {
                if (Files.size(f) > MAX_SIZE) {
                    err.println(f + ": larger than 16 MiB, left as it is");
                    skipped++;
                    continue;
                }
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                        .toString();
            } catch (CharacterCodingException e) {
                err.println(f + ": not UTF-8 text, left as it is");
                skipped++;
                continue;
            } catch (IOException e) {
                err.println(f + ": " + e.getMessage());
                failed++;
                continue;
            }
            DtsFormatter.Result r = DtsFormatter.format(text, fo, hints.getOrDefault(key(f), EntryHints.NONE));
            if (!r.ok()) {
                err.println(f + (r.problemLine() > 0 ? ":" + r.problemLine() : "") + ": left as it is: " + r.problem());
                skipped++;
                continue;
            }
            if (!r.changed()) {
                continue;
            }
            wouldChange++;
            if (diff) {
                out.print(LineDiff.unified("a/" + f, "b/" + f, text, r.text()));
            }
            if (check) {
                if (!diff) {
                    out.println(f);
                }
            } else if (!diff) {
                try {
                    writeAtomically(f, r.text());
                    changed++;
                } catch (IOException e) {
                    err.println(f + ": cannot write: " + e.getMessage());
                    failed++;
                }
            }
        }
        if (check) {
            err.println(wouldChange + " of " + files.size() + " file(s) would be reformatted"
                    + tail(skipped, failed));
        } else if (!diff) {
            err.println(changed + " of " + files.size() + " file(s) reformatted"
                    + tail(skipped, failed));
        }
        if (failed > 0) {
            return 2;
        }
        return check && wouldChange > 0 ? 1 : 0;
    }

    private static Path key(Path f) {
        return f.toAbsolutePath().normalize();
    }

    private static String readQuietly(Path f) {
        try {
            if (Files.size(f) > MAX_SIZE) {
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (IOException e) {
            return null;
        }
    }

    private static String tail(int skipped, int failed) {
        return (skipped > 0 ? ", " + skipped + " left as they are" : "") + (failed > 0 ? ", " + failed + " unreadable" : "");
    }


    /** Writes beside the file, then renames over it; the new file gets the old one's permissions. */
    static void writeAtomically(Path f, String text) throws IOException {
        Path real = f.toRealPath();
        Path dir = real.getParent();
        Path tmp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
                Files.setPosixFilePermissions(tmp, perms);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
