package io.freshet.configuration;

import java.util.Map;
import java.util.Optional;

/** Read access to a configuration through typed {@link ConfigOption}s. */
public interface ReadableConfig {

    /**
     * Returns the option's value: the value under its key or, if that is unset, under the first set fallback
     * key; the default value if none is set; {@code null} if there is no default either.
     *
     * @throws IllegalArgumentException if the stored value cannot be converted to the option's type
     */
    <T> T get(ConfigOption<T> option);

    /**
     * Returns the option's value as {@link #get(ConfigOption)} does, but empty instead of the default value
     * when neither the key nor any fallback key is set.
     *
     * @throws IllegalArgumentException if the stored value cannot be converted to the option's type
     */
    <T> Optional<T> getOptional(ConfigOption<T> option);

    /** Returns a copy of all set keys and their values rendered as text. */
    Map<String, String> toMap();
}
