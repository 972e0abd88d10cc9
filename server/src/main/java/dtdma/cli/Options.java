package dtdma.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A small, strict option parser shared by the commands: unknown options are usage errors. */
final class Options {
    final List<String> positional = new ArrayList<>();
    final List<Path> includes = new ArrayList<>();
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
