package io.freshet.configuration;

/** Write access to a configuration through typed {@link ConfigOption}s. */
public interface WritableConfig {

    /** Sets the option's key to {@code value}, replacing any previous value of that key; returns this. */
    <T> WritableConfig set(ConfigOption<T> option, T value);
}
