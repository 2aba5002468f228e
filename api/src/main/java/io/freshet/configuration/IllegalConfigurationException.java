package io.freshet.configuration;

/**
 * Thrown when a configuration cannot be used as given: a configuration file that cannot be read or parsed,
 * an option value that is out of range, or options that contradict each other. The message names what is
 * wrong, where it came from (file and line when known) and what to change.
 */
public class IllegalConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with the given message. */
    public IllegalConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates an exception whose message is {@code String.format(format, arguments)}.
     *
     * @param format a {@link String#format(String, Object...)} pattern
     * @param arguments the values for the pattern
     */
    public IllegalConfigurationException(String format, Object... arguments) {
        super(String.format(format, arguments));
    }

    /** Creates an exception with the given message and cause. */
    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
