package dl.demo;

import java.util.function.Function;

/**
 * The arguments of a command-line program ({@code ./dl demo}, {@code ./dl gallery}, {@code ./dl bench ...}). A bad
 * argument ends the program with one line, never a stack trace: which argument, the value it got, what it takes,
 * then how to call the program; and exit status 2, the shell's status for a usage error.
 *
 * <pre>{@code
 * CommandLine line = new CommandLine("./dl demo [E] [N]");
 * int epochs = line.count("E (epochs)", "abc");   // E (epochs) must be a whole number of at least 1, got 'abc'; ...
 * }</pre>
 */
public final class CommandLine {

    /** The exit status of a program called with bad arguments, as for the shell's own commands. */
    public static final int USAGE_STATUS = 2;

    private final String usage;

    /** {@code usage}: how to call the program, e.g. {@code "./dl demo [E] [N]"}. */
    public CommandLine(String usage) {
        this.usage = usage;
    }

    /**
     * Reads {@code args} with {@code parse}; on a usage error prints its line to standard error and exits with
     * status 2.
     */
    public static <T> T parseOrExit(String[] args, Function<String[], T> parse) {
        try {
            return parse.apply(args);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.exit(USAGE_STATUS);
            throw e;   // not reached: exit does not return
        }
    }

    /** For a program that takes no arguments: one line of usage and exit status 2 if it got some. */
    public static void noArgumentsOrExit(String[] args, String usage) {
        parseOrExit(args, a -> {
            new CommandLine(usage).none(a);
            return a;
        });
    }

    /** {@code text}, given for the argument {@code name}, as a count: a whole number of at least 1. */
    public int count(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not a whole number: the same error as a count below 1
        }
        throw error(name + " must be a whole number of at least 1, got '" + text + "'");
    }

    /** {@code text}, given for the argument {@code name}, as a whole number of any sign (a seed). */
    public long number(String name, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error(name + " must be a whole number, got '" + text + "'");
        }
    }

    /** Checks that the program was called with no arguments at all. */
    public void none(String[] args) {
        if (args.length > 0) {
            throw error("takes no arguments, got '" + String.join(" ", args) + "'");
        }
    }

    /** The error for arguments that break {@code problem}, followed by the usage. */
    public UsageException error(String problem) {
        return new UsageException(problem + "; usage: " + usage);
    }

    /** Arguments a program cannot run with; the message is the one line to print. */
    public static final class UsageException extends IllegalArgumentException {

        UsageException(String message) {
            super(message);
        }
    }
}
