package io.freshet.configuration;

import java.nio.file.Path;

/**
 * Where a configuration value came from, for error messages: a line of a configuration file, or the
 * dynamic properties given on the command line. Values set in code have no origin.
 */
final class ValueOrigin {

    private static final ValueOrigin DYNAMIC_PROPERTIES = new ValueOrigin("the dynamic properties (-D)");

    private final String description;

    private ValueOrigin(String description) {
        this.description = description;
    }

    /** A value read from {@code file} at the 1-based {@code line}. */
    static ValueOrigin fileLine(Path file, int line) {
        return new ValueOrigin(file.toAbsolutePath().normalize() + " line " + line);
    }

    /** A value given as a dynamic property ({@code -D key=value}). */
    static ValueOrigin dynamicProperties() {
        return DYNAMIC_PROPERTIES;
    }

    @Override
    public String toString() {
        return description;
    }
}
