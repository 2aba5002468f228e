package io.freshet.client.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-line client behind {@code bin/flink}: {@code flink <ACTION> [OPTIONS] [ARGUMENTS]}.
 *
 * <p>It answers {@code --help} and {@code --version} and knows Flink's actions ({@code run},
 * {@code run-application}, {@code info}, {@code list}, {@code stop}, {@code cancel}, {@code savepoint})
 * and their options. Executing an action needs the distributed runtime (JobManager, REST client),
 * which has not landed yet: until it does, every action ends with a message saying so and exit code 1.
 *
 * <p>All output goes to the stream given to the constructor; {@link #run} returns the exit code
 * instead of exiting, so that tests drive the real class. Only {@link #main} touches {@code System}.
 */
public final class CliFrontend {

    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    /** The version shown when the classes do not come from a jar with an Implementation-Version. */
    static final String UNKNOWN_VERSION = "<unknown>";

    static final String PROGRAM = "./flink";

    private final PrintStream out;
    private final String version;

    /** A front end that reports the version from the manifest of the jar holding this class. */
    public CliFrontend(PrintStream out) {
        this(out, versionOrUnknown(CliFrontend.class.getPackage().getImplementationVersion()));
    }

    /** A front end that reports the given version, for tests. */
    CliFrontend(PrintStream out, String version) {
        this.out = out;
        this.version = version;
    }

    public static void main(String[] args) {
        int exitCode = new CliFrontend(System.out).run(args);
        System.out.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns the process exit code: 0 on success, 1 otherwise. */
    public int run(String... args) {
        if (args.length == 0) {
            out.println("Please specify an action.");
            out.println();
            printUsage();
            return 1;
        }

        String first = args[0];
        LOG.info("Freshet client, version {}, called with action '{}'.", version, first);
        switch (first) {
            case "-h":
            case "--help":
                printUsage();
                return 0;
            case "-v":
            case "--version":
                out.println("Version: " + version);
                return 0;
            default:
                break;
        }

        Optional<CliAction> action = CliAction.fromName(first);
        if (action.isEmpty()) {
            printInvalidAction(first);
            return 1;
        }
        if (asksForHelp(args)) {
            printAction(action.get());
            return 0;
        }
        out.println(
                "The \"" + first + "\" action is not available in this build of Freshet yet: it needs the"
                        + " distributed runtime (JobManager and REST client), which has not landed.");
        return 1;
    }

    static String versionOrUnknown(String implementationVersion) {
        if (implementationVersion == null || implementationVersion.isBlank()) {
            return UNKNOWN_VERSION;
        }
        return implementationVersion;
    }

    private static boolean asksForHelp(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                return true;
            }
        }
        return false;
    }

    // ---- usage text ----

    private void printUsage() {
        out.println(PROGRAM + " <ACTION> [OPTIONS] [ARGUMENTS]");
        out.println();
        out.println("General options:");
        out.println("     -h,--help       Show this help; after an action, the help of that action only.");
        out.println("     -v,--version    Show the version of Freshet.");
        out.println();
        out.println("The following actions are available:");
        for (CliAction action : CliAction.values()) {
            out.println();
            printAction(action);
        }
    }

    private void printAction(CliAction action) {
        out.println("Action \"" + action.actionName() + "\" " + action.description());
        out.println();
        out.println("  Syntax: " + action.syntax());
        out.println("  \"" + action.actionName() + "\" action options:");
        int width = 0;
        for (CliOption option : action.options()) {
            width = Math.max(width, option.synopsis().length());
        }
        for (CliOption option : action.options()) {
            String synopsis = option.synopsis();
            out.println("     " + synopsis + " ".repeat(width - synopsis.length() + 3) + option.description());
        }
    }

    private void printInvalidAction(String action) {
        StringJoiner valid = new StringJoiner(", ");
        for (CliAction candidate : CliAction.values()) {
            valid.add('"' + candidate.actionName() + '"');
        }
        out.println('"' + action + "\" is not a valid action.");
        out.println();
        out.println("Valid actions are " + valid + ".");
        out.println("Run '" + PROGRAM + " --help' for the usage of each, '" + PROGRAM + " --version' for the version.");
    }
}
