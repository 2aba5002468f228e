package io.freshet.configuration;

import java.util.Objects;

/**
 * An older key under which a {@link ConfigOption} is still read when its own key is not set.
 *
 * <p>A <em>fallback</em> key is an alternative name that stays valid (often a more general option whose
 * value this one inherits). A <em>deprecated</em> key is a name that will go away: reading through it still
 * works, but logs a warning that names the key to use instead.
 */
public class FallbackKey {

    private final String key;
    private final boolean deprecated;

    private FallbackKey(String key, boolean deprecated) {
        this.key = Objects.requireNonNull(key, "key");
        this.deprecated = deprecated;
    }

    static FallbackKey createFallbackKey(String key) {
        return new FallbackKey(key, false);
    }

    static FallbackKey createDeprecatedKey(String key) {
        return new FallbackKey(key, true);
    }

    /** Returns the older key. */
    public String getKey() {
        return key;
    }

    /** Returns whether the key is deprecated (reading through it logs a warning). */
    public boolean isDeprecated() {
        return deprecated;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FallbackKey)) {
            return false;
        }
        FallbackKey that = (FallbackKey) other;
        return deprecated == that.deprecated && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Boolean.hashCode(deprecated);
    }

    @Override
    public String toString() {
        return (deprecated ? "deprecated key '" : "fallback key '") + key + "'";
    }
}
