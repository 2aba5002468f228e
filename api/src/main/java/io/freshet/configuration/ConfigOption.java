package io.freshet.configuration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A typed configuration option: a key, the type of its value, an optional default and a description,
 * plus older keys under which the value is still found.
 *
 * <p>Options are immutable and created through {@link ConfigOptions#key(String)}; the {@code with...}
 * methods return new options. An option is declared once, as a {@code public static final} constant in a
 * {@code *Options} class of its area, so that the configuration reference can be generated from it.
 *
 * <p>Lookup order when reading an option from a {@link Configuration}: its own key, then the {@link
 * #fallbackKeys()} in the order they were added; the first key that is set wins. If none is set, the
 * default value applies.
 *
 * @param <T> the type of the option's value
 */
public class ConfigOption<T> {

    private static final FallbackKey[] NO_FALLBACK_KEYS = new FallbackKey[0];

    private final String key;
    private final Class<?> clazz;
    private final boolean isList;
    private final String description;
    private final T defaultValue;
    private final FallbackKey[] fallbackKeys;

    ConfigOption(
            String key, Class<?> clazz, String description, T defaultValue, boolean isList,
            FallbackKey... fallbackKeys) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("A configuration option key must not be blank.");
        }
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.description = Objects.requireNonNull(description, "description");
        this.defaultValue = defaultValue;
        this.isList = isList;
        this.fallbackKeys = fallbackKeys == null || fallbackKeys.length == 0 ? NO_FALLBACK_KEYS : fallbackKeys;
    }

    // ---- derived options ----

    /**
     * Returns a copy of this option that also accepts the given keys, after the existing fallback keys.
     * Fallback keys are not deprecated: reading through them logs no warning.
     */
    public ConfigOption<T> withFallbackKeys(String... fallbackKeys) {
        return withMoreKeys(fallbackKeys, false);
    }

    /**
     * Returns a copy of this option that also accepts the given deprecated keys, after the existing fallback
     * keys. Reading a value through a deprecated key logs a warning naming this option's key.
     */
    public ConfigOption<T> withDeprecatedKeys(String... deprecatedKeys) {
        return withMoreKeys(deprecatedKeys, true);
    }

    /** Returns a copy of this option with the given description (plain text, shown in the reference docs). */
    public ConfigOption<T> withDescription(String description) {
        return new ConfigOption<>(key, clazz, description, defaultValue, isList, fallbackKeys);
    }

    private ConfigOption<T> withMoreKeys(String[] keys, boolean deprecated) {
        List<FallbackKey> merged = new ArrayList<>(Arrays.asList(fallbackKeys));
        for (String added : keys) {
            FallbackKey fallbackKey =
                    deprecated ? FallbackKey.createDeprecatedKey(added) : FallbackKey.createFallbackKey(added);
            if (!merged.contains(fallbackKey)) {
                merged.add(fallbackKey);
            }
        }
        return new ConfigOption<>(
                key, clazz, description, defaultValue, isList, merged.toArray(new FallbackKey[0]));
    }

    // ---- accessors ----

    /** Returns the option's key, e.g. {@code taskmanager.numberOfTaskSlots}. */
    public String key() {
        return key;
    }

    /** Returns whether the option has a default value. */
    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** Returns the default value, or {@code null} if the option has none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Returns whether any deprecated key is declared. */
    public boolean hasDeprecatedKeys() {
        for (FallbackKey fallbackKey : fallbackKeys) {
            if (fallbackKey.isDeprecated()) {
                return true;
            }
        }
        return false;
    }

    /** Returns the deprecated keys, in lookup order. */
    public Iterable<String> deprecatedKeys() {
        List<String> keys = new ArrayList<>();
        for (FallbackKey fallbackKey : fallbackKeys) {
            if (fallbackKey.isDeprecated()) {
                keys.add(fallbackKey.getKey());
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /** Returns whether any fallback or deprecated key is declared. */
    public boolean hasFallbackKeys() {
        return fallbackKeys.length > 0;
    }

    /** Returns all fallback and deprecated keys, in lookup order. */
    public Iterable<FallbackKey> fallbackKeys() {
        return Collections.unmodifiableList(Arrays.asList(fallbackKeys));
    }

    /** Returns the description, or the empty string if none was given. */
    public String description() {
        return description;
    }

    /**
     * Returns the type of the value; for list options ({@link #isList()}) the type of the elements. Used by
     * the configuration to convert stored values and by the documentation generator.
     */
    public Class<?> getClazz() {
        return clazz;
    }

    /** Returns whether the value is a {@code List} of {@link #getClazz()} elements. */
    public boolean isList() {
        return isList;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != ConfigOption.class) {
            return false;
        }
        ConfigOption<?> that = (ConfigOption<?>) other;
        return key.equals(that.key)
                && clazz == that.clazz
                && isList == that.isList
                && Arrays.equals(fallbackKeys, that.fallbackKeys)
                && Objects.equals(defaultValue, that.defaultValue);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Objects.hashCode(defaultValue);
    }

    @Override
    public String toString() {
        return "Key: '" + key + "', default: " + defaultValue + " (fallback keys: "
                + Arrays.toString(fallbackKeys) + ")";
    }
}
