package dtdma.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small, strict option parser shared by the commands: unknown options are usage errors. */
final class Options {
    final List<String> positional = new ArrayList<>();
    final List<Path> includes = new ArrayList<>();
    boolean detectKernel = true;
    private final String[] args;
    private int i;

    Options(String[] args) {
        this.args = args;
    }

    boolean hasNext() {
        return i < args.length;
    }

    String next() {
        return args[i++];
    }

    /** The value of an option given as {@code --opt VALUE}, {@code --opt=VALUE} or {@code -IVALUE}. */
    String value(String arg, String name) {
        if (arg.startsWith(name + "=")) {
            return arg.substring(name.length() + 1);
        }
        if (name.length() == 2 && arg.length() > 2 && arg.startsWith(name)) {
            return arg.substring(2);
        }
        if (i >= args.length) {
            throw new Main.UsageException("option " + name + " needs a value");
        }
        return args[i++];
    }

    /** Takes the options every board command shares ({@code -I DIR}, {@code --no-kernel-detect}); false if not one. */
    boolean common(String arg) {
        if (is(arg, "-I")) {
            includes.add(Path.of(value(arg, "-I")));
            return true;
        }
        if (arg.equals("--no-kernel-detect")) {
            detectKernel = false;
            return true;
        }
        return false;
    }

    /** Keeps a positional argument, or rejects an unknown option. */
    void positionalOrUnknown(String arg) {
        if (arg.startsWith("-") && arg.length() > 1) {
            throw new Main.UsageException("unknown option '" + arg + "'");
        }
        positional.add(arg);
    }

    /** The one BOARD argument of a command; a missing file is an input error (exit 2). */
    Path singleBoard() {
        if (positional.size() != 1) {
            throw new Main.UsageException("expected exactly one BOARD, got " + positional.size());
        }
        Path board = Path.of(positional.get(0));
        if (!java.nio.file.Files.isRegularFile(board)) {
            throw new Main.InputException(board + ": no such file");
        }
        return board;
    }

    static boolean is(String arg, String name) {
        return arg.equals(name) || arg.startsWith(name + "=") || (name.length() == 2 && arg.startsWith(name) && arg.length() > 2);
    }

    static int positiveInt(String v, String name) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 256) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Main.UsageException(name + " needs a number from 1 to 256, not '" + v + "'");
        }
    }
}
