package io.freshet.client.cli;

/**
 * One option of a {@link CliAction}, as the usage text shows it: {@code -p,--parallelism <parallelism>}.
 *
 * @param shortName the name after a single dash, or {@code null} when the option has only a long name
 * @param longName the name after two dashes
 * @param argumentName the name of the option's argument, or {@code null} for a flag
 * @param description one line saying what the option does
 */
record CliOption(String shortName, String longName, String argumentName, String description) {

    static CliOption flag(String shortName, String longName, String description) {
        return new CliOption(shortName, longName, null, description);
    }

    static CliOption withArgument(String shortName, String longName, String argumentName, String description) {
        return new CliOption(shortName, longName, argumentName, description);
    }

    /** The option as written on the command line, for example {@code -c,--class <classname>}. */
    String synopsis() {
        StringBuilder synopsis = new StringBuilder();
        if (shortName != null) {
            synopsis.append('-').append(shortName);
        }
        if (longName != null) {
            if (synopsis.length() > 0) {
                synopsis.append(',');
            }
            synopsis.append("--").append(longName);
        }
        if (argumentName != null) {
            synopsis.append(" <").append(argumentName).append('>');
        }
        return synopsis.toString();
    }
}
