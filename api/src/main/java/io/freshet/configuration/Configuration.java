package io.freshet.configuration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mutable map from configuration keys to values, read and written through typed {@link ConfigOption}s
 * (or, for legacy code, through string keys).
 *
 * <p>Values are stored as given: typed objects when set through {@link #set(ConfigOption, Object)} or read
 * from a {@code config.yaml}, text when read from a legacy {@code flink-conf.yaml}, from dynamic properties
 * or set with the string setters. Reading converts to the option's type each time. A value that does not
 * convert raises an {@link IllegalArgumentException} naming the key, the value, the expected type and,
 * when the value came from a file, the file and line.
 *
 * <p>Reading an option looks at its key first, then at its fallback keys in order; so when both a new
 * key and an old one are set, the new key wins. Reading through a deprecated key logs a warning naming the
 * new key.
 *
 * <p>Instances are safe for concurrent use; every method is atomic with respect to the others on the same
 * instance. {@link #toString()} hides the values of keys that look secret (see {@link
 * GlobalConfiguration#isSensitive(String)}).
 */
public class Configuration implements ReadableConfig, WritableConfig, Cloneable {

    private static final Logger LOG = LoggerFactory.getLogger(Configuration.class);

    /** Guarded by {@code this}. */
    private final HashMap<String, Object> confData;

    /** Where values came from, for error messages; absent for values set in code. Guarded by {@code this}. */
    private final HashMap<String, ValueOrigin> origins;

    /** Creates an empty configuration. */
    public Configuration() {
        this.confData = new HashMap<>();
        this.origins = new HashMap<>();
    }

    /** Creates a copy of {@code other}, including where its values came from. */
    public Configuration(Configuration other) {
        synchronized (other) {
            this.confData = new HashMap<>(other.confData);
            this.origins = new HashMap<>(other.origins);
        }
    }

    /** Creates a configuration holding the given keys and text values. */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration configuration = new Configuration();
        map.forEach(configuration::setString);
        return configuration;
    }

    // ---- typed access ----

    @Override
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseGet(option::defaultValue);
    }

    /** Returns the option's value as {@link #get(ConfigOption)} does, with {@code overrideDefault} as default. */
    public <T> T get(ConfigOption<T> option, T overrideDefault) {
        return getOptional(option).orElse(overrideDefault);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        Object raw;
        String foundKey;
        ValueOrigin origin;
        synchronized (this) {
            foundKey = findSetKey(option);
            if (foundKey != null) {
                raw = confData.get(foundKey);
                origin = origins.get(foundKey);
            } else if (option.getClazz() == Map.class && !option.isList()) {
                // A map may also be given as one key per entry: <key>.<entry-key>: <entry-value>.
                foundKey = findPrefixedKey(option);
                if (foundKey == null) {
                    return Optional.empty();
                }
                raw = collectPrefixed(foundKey);
                origin = null;
            } else {
                return Optional.empty();
            }
        }
        logIfFallback(option, foundKey);
        try {
            return Optional.of((T) ValueConversions.convert(raw, option.getClazz(), option.isList()));
        } catch (IllegalArgumentException e) {
            throw invalidValue(option, foundKey, raw, origin, e);
        }
    }

    @Override
    public <T> Configuration set(ConfigOption<T> option, T value) {
        Objects.requireNonNull(value, () -> "value for key '" + option.key() + "' (use removeConfig to unset it)");
        setValue(option.key(), value, null);
        return this;
    }

    /** Returns whether the option's key or one of its fallback keys is set. */
    public synchronized boolean contains(ConfigOption<?> option) {
        if (findSetKey(option) != null) {
            return true;
        }
        return option.getClazz() == Map.class && !option.isList() && findPrefixedKey(option) != null;
    }

    /**
     * Removes the option's key and all its fallback keys.
     *
     * @return whether anything was removed
     */
    public synchronized <T> boolean removeConfig(ConfigOption<T> option) {
        boolean removed = removeKeyInternal(option.key());
        for (FallbackKey fallbackKey : option.fallbackKeys()) {
            removed |= removeKeyInternal(fallbackKey.getKey());
        }
        return removed;
    }

    /**
     * Returns the option's value rendered as text (durations and memory sizes in their largest exact unit),
     * or {@code null} if neither it nor a default is set.
     */
    public String getValue(ConfigOption<?> option) {
        Object value = get(option);
        return value == null ? null : ValueConversions.toText(value);
    }

    // ---- key-based access ----

    /** Returns whether the exact key is set (fallback keys are not considered). */
    public synchronized boolean containsKey(String key) {
        return confData.containsKey(key);
    }

    /**
     * Removes the exact key.
     *
     * @return whether it was set
     */
    public synchronized boolean removeKey(String key) {
        return removeKeyInternal(key);
    }

    /** Returns a copy of the set keys. */
    public synchronized Set<String> keySet() {
        return new HashSet<>(confData.keySet());
    }

    /** Returns the key's value as text, or {@code defaultValue} if the key is not set. */
    public String getString(String key, String defaultValue) {
        return getRawOrDefault(key, String.class, defaultValue);
    }

    /** Sets the key to a text value, converted to the requested type when read. */
    public void setString(String key, String value) {
        setValue(key, Objects.requireNonNull(value, "value"), null);
    }

    /** Returns the key's value as an int, or {@code defaultValue} if the key is not set. */
    public int getInteger(String key, int defaultValue) {
        return getRawOrDefault(key, Integer.class, defaultValue);
    }

    /** Sets the key to an int value. */
    public void setInteger(String key, int value) {
        setValue(key, value, null);
    }

    /** Returns the key's value as a long, or {@code defaultValue} if the key is not set. */
    public long getLong(String key, long defaultValue) {
        return getRawOrDefault(key, Long.class, defaultValue);
    }

    /** Sets the key to a long value. */
    public void setLong(String key, long value) {
        setValue(key, value, null);
    }

    /** Returns the key's value as a boolean, or {@code defaultValue} if the key is not set. */
    public boolean getBoolean(String key, boolean defaultValue) {
        return getRawOrDefault(key, Boolean.class, defaultValue);
    }

    /** Sets the key to a boolean value. */
    public void setBoolean(String key, boolean value) {
        setValue(key, value, null);
    }

    /** Returns the key's value as a float, or {@code defaultValue} if the key is not set. */
    public float getFloat(String key, float defaultValue) {
        return getRawOrDefault(key, Float.class, defaultValue);
    }

    /** Sets the key to a float value. */
    public void setFloat(String key, float value) {
        setValue(key, value, null);
    }

    /** Returns the key's value as a double, or {@code defaultValue} if the key is not set. */
    public double getDouble(String key, double defaultValue) {
        return getRawOrDefault(key, Double.class, defaultValue);
    }

    /** Sets the key to a double value. */
    public void setDouble(String key, double value) {
        setValue(key, value, null);
    }

    // ---- legacy typed access through options (prefer get/set) ----

    /** Same as {@link #get(ConfigOption)}. */
    public String getString(ConfigOption<String> option) {
        return get(option);
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public String getString(ConfigOption<String> option, String overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setString(ConfigOption<String> option, String value) {
        set(option, value);
    }

    /** Same as {@link #get(ConfigOption)}; fails if the option has no value and no default. */
    public int getInteger(ConfigOption<Integer> option) {
        return requireValue(option, get(option));
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public int getInteger(ConfigOption<Integer> option, int overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setInteger(ConfigOption<Integer> option, int value) {
        set(option, value);
    }

    /** Same as {@link #get(ConfigOption)}; fails if the option has no value and no default. */
    public long getLong(ConfigOption<Long> option) {
        return requireValue(option, get(option));
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public long getLong(ConfigOption<Long> option, long overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setLong(ConfigOption<Long> option, long value) {
        set(option, value);
    }

    /** Same as {@link #get(ConfigOption)}; fails if the option has no value and no default. */
    public boolean getBoolean(ConfigOption<Boolean> option) {
        return requireValue(option, get(option));
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public boolean getBoolean(ConfigOption<Boolean> option, boolean overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setBoolean(ConfigOption<Boolean> option, boolean value) {
        set(option, value);
    }

    /** Same as {@link #get(ConfigOption)}; fails if the option has no value and no default. */
    public float getFloat(ConfigOption<Float> option) {
        return requireValue(option, get(option));
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public float getFloat(ConfigOption<Float> option, float overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setFloat(ConfigOption<Float> option, float value) {
        set(option, value);
    }

    /** Same as {@link #get(ConfigOption)}; fails if the option has no value and no default. */
    public double getDouble(ConfigOption<Double> option) {
        return requireValue(option, get(option));
    }

    /** Same as {@link #get(ConfigOption, Object)}. */
    public double getDouble(ConfigOption<Double> option, double overrideDefault) {
        return get(option, overrideDefault);
    }

    /** Same as {@link #set(ConfigOption, Object)}. */
    public void setDouble(ConfigOption<Double> option, double value) {
        set(option, value);
    }

    // ---- bulk operations ----

    /** Copies all keys of {@code other} into this configuration, replacing values of keys set in both. */
    public void addAll(Configuration other) {
        addAll(other, "");
    }

    /** Copies all keys of {@code other} into this configuration, each prefixed with {@code prefix}. */
    public void addAll(Configuration other, String prefix) {
        Map<String, Object> values;
        Map<String, ValueOrigin> valueOrigins;
        synchronized (other) {
            values = new HashMap<>(other.confData);
            valueOrigins = new HashMap<>(other.origins);
        }
        synchronized (this) {
            values.forEach((key, value) -> {
                confData.put(prefix + key, value);
                ValueOrigin origin = valueOrigins.get(key);
                if (origin == null) {
                    origins.remove(prefix + key);
                } else {
                    origins.put(prefix + key, origin);
                }
            });
        }
    }

    /** Puts every key with its text value into {@code properties}. */
    public void addAllToProperties(Properties properties) {
        properties.putAll(toMap());
    }

    /** Returns a copy of all keys with their values as text (see {@link #getString(String, String)}). */
    @Override
    public Map<String, String> toMap() {
        Map<String, Object> values;
        synchronized (this) {
            values = new HashMap<>(confData);
        }
        Map<String, String> result = new HashMap<>(values.size() * 2);
        values.forEach((key, value) -> result.put(key, ValueConversions.toText(value)));
        return result;
    }

    /** Returns an independent copy of this configuration. */
    @Override
    public Configuration clone() {
        return new Configuration(this);
    }

    // ---- Object ----

    /** Two configurations are equal if they hold the same keys with the same values rendered as text. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Configuration && toMap().equals(((Configuration) other).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    /** Lists keys and values, sorted by key, with the values of secret-looking keys replaced by a mask. */
    @Override
    public String toString() {
        Map<String, String> sorted = new TreeMap<>(toMap());
        sorted.replaceAll((key, value) ->
                GlobalConfiguration.isSensitive(key) ? GlobalConfiguration.HIDDEN_CONTENT : value);
        return sorted.toString();
    }

    // ---- package-private: loading with origins ----

    /** Sets a value and remembers where it came from ({@code null}: set in code). */
    void setValue(String key, Object value, ValueOrigin origin) {
        Objects.requireNonNull(key, "key");
        synchronized (this) {
            confData.put(key, value);
            if (origin == null) {
                origins.remove(key);
            } else {
                origins.put(key, origin);
            }
        }
    }

    /** Returns a snapshot of the stored values, typed or text, as they were set. */
    synchronized Map<String, Object> rawValues() {
        return new HashMap<>(confData);
    }

    /** Returns where the key's value came from, or {@code null} if unknown (set in code or unset). */
    synchronized ValueOrigin originOf(String key) {
        return origins.get(key);
    }

    // ---- internals ----

    private String findSetKey(ConfigOption<?> option) {
        if (confData.containsKey(option.key())) {
            return option.key();
        }
        for (FallbackKey fallbackKey : option.fallbackKeys()) {
            if (confData.containsKey(fallbackKey.getKey())) {
                return fallbackKey.getKey();
            }
        }
        return null;
    }

    private String findPrefixedKey(ConfigOption<?> option) {
        List<String> candidates = new ArrayList<>();
        candidates.add(option.key());
        option.fallbackKeys().forEach(fallbackKey -> candidates.add(fallbackKey.getKey()));
        for (String candidate : candidates) {
            String prefix = candidate + ".";
            for (String key : confData.keySet()) {
                if (key.startsWith(prefix)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private Map<String, Object> collectPrefixed(String key) {
        String prefix = key + ".";
        Map<String, Object> entries = new TreeMap<>();
        confData.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                entries.put(k.substring(prefix.length()), v);
            }
        });
        return Collections.unmodifiableMap(entries);
    }

    private boolean removeKeyInternal(String key) {
        origins.remove(key);
        return confData.remove(key) != null;
    }

    private static void logIfFallback(ConfigOption<?> option, String foundKey) {
        if (foundKey.equals(option.key())) {
            return;
        }
        for (FallbackKey fallbackKey : option.fallbackKeys()) {
            if (fallbackKey.getKey().equals(foundKey)) {
                if (fallbackKey.isDeprecated()) {
                    LOG.warn("Configuration key '{}' is deprecated and will be removed; use '{}' instead.",
                            foundKey, option.key());
                } else {
                    LOG.debug("Configuration key '{}' is not set; using the value of fallback key '{}'.",
                            option.key(), foundKey);
                }
                return;
            }
        }
    }

    private <T> T getRawOrDefault(String key, Class<T> clazz, T defaultValue) {
        Object raw;
        ValueOrigin origin;
        synchronized (this) {
            raw = confData.get(key);
            origin = origins.get(key);
        }
        if (raw == null) {
            return defaultValue;
        }
        try {
            return clazz.cast(ValueConversions.convert(raw, clazz, false));
        } catch (IllegalArgumentException e) {
            throw invalidValue(key, clazz, false, null, raw, origin, e);
        }
    }

    private static <T> T requireValue(ConfigOption<T> option, T value) {
        if (value == null) {
            throw new IllegalConfigurationException("Configuration key '" + option.key()
                    + "' is not set and has no default value; set it in the configuration file or with -D "
                    + option.key() + "=<value>.");
        }
        return value;
    }

    private static IllegalArgumentException invalidValue(
            ConfigOption<?> option, String foundKey, Object raw, ValueOrigin origin, IllegalArgumentException cause) {
        String defaultHint = option.hasDefaultValue()
                ? " or remove it to use the default (" + ValueConversions.toText(option.defaultValue()) + ")"
                : "";
        return invalidValue(foundKey, option.getClazz(), option.isList(), defaultHint, raw, origin, cause);
    }

    private static IllegalArgumentException invalidValue(
            String key, Class<?> clazz, boolean isList, String defaultHint, Object raw, ValueOrigin origin,
            IllegalArgumentException cause) {
        String shownValue = GlobalConfiguration.isSensitive(key)
                ? GlobalConfiguration.HIDDEN_CONTENT
                : ValueConversions.toText(raw);
        String where = origin == null ? "" : " in " + origin;
        String message = "Invalid value '" + shownValue + "' for configuration key '" + key + "'" + where
                + ": expected " + ValueConversions.describeType(clazz, isList) + ". " + sentence(cause.getMessage())
                + ". Correct the value" + (defaultHint == null ? "" : defaultHint) + ".";
        return new IllegalArgumentException(message, cause);
    }

    /** Capitalizes the first letter and drops a final period, so that the text fits between two sentences. */
    private static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return "The value cannot be converted";
        }
        String trimmed = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }
}
