package io.freshet.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link ConfigOption}s. Start with {@link #key(String)}, choose the type, then give the default:
 *
 * <pre>{@code
 * ConfigOption<Integer> slots = ConfigOptions.key("taskmanager.numberOfTaskSlots")
 *         .intType()
 *         .defaultValue(1)
 *         .withDescription("Number of parallel slots of one TaskManager.");
 *
 * ConfigOption<List<String>> jars = ConfigOptions.key("pipeline.jars")
 *         .stringType()
 *         .asList()
 *         .noDefaultValue();
 * }</pre>
 */
public class ConfigOptions {

    private ConfigOptions() {}

    /** Starts building an option with the given key. */
    public static OptionBuilder key(String key) {
        Objects.requireNonNull(key, "key");
        return new OptionBuilder(key);
    }

    /** The first step: choose the type of the option's value. */
    public static final class OptionBuilder {

        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        /** A {@code true}/{@code false} option (case is ignored when parsed from text). */
        public TypedConfigOptionBuilder<Boolean> booleanType() {
            return new TypedConfigOptionBuilder<>(key, Boolean.class);
        }

        /** A 32-bit integer option. */
        public TypedConfigOptionBuilder<Integer> intType() {
            return new TypedConfigOptionBuilder<>(key, Integer.class);
        }

        /** A 64-bit integer option. */
        public TypedConfigOptionBuilder<Long> longType() {
            return new TypedConfigOptionBuilder<>(key, Long.class);
        }

        /** A single-precision floating-point option. */
        public TypedConfigOptionBuilder<Float> floatType() {
            return new TypedConfigOptionBuilder<>(key, Float.class);
        }

        /** A double-precision floating-point option. */
        public TypedConfigOptionBuilder<Double> doubleType() {
            return new TypedConfigOptionBuilder<>(key, Double.class);
        }

        /** A text option. */
        public TypedConfigOptionBuilder<String> stringType() {
            return new TypedConfigOptionBuilder<>(key, String.class);
        }

        /** A duration option, written like {@code "30 s"}; see {@link io.freshet.util.TimeUtils}. */
        public TypedConfigOptionBuilder<Duration> durationType() {
            return new TypedConfigOptionBuilder<>(key, Duration.class);
        }

        /** A memory size option, written like {@code "512 mb"}; see {@link MemorySize}. */
        public TypedConfigOptionBuilder<MemorySize> memoryType() {
            return new TypedConfigOptionBuilder<>(key, MemorySize.class);
        }

        /** An option whose value is a constant of {@code enumClass}, matched by name ignoring case. */
        public <T extends Enum<T>> TypedConfigOptionBuilder<T> enumType(Class<T> enumClass) {
            return new TypedConfigOptionBuilder<>(key, Objects.requireNonNull(enumClass, "enumClass"));
        }

        /**
         * A string-to-string map option, written as a YAML mapping, as {@code k1:v1,k2:v2}, or as separate
         * keys {@code <key>.k1: v1}.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypedConfigOptionBuilder<Map<String, String>> mapType() {
            return new TypedConfigOptionBuilder(key, Map.class);
        }

        /**
         * Creates an untyped string option with a default value.
         *
         * @deprecated choose a type first, e.g. {@code key(k).stringType().defaultValue(v)}
         */
        @Deprecated
        @SuppressWarnings("unchecked")
        public <T> ConfigOption<T> defaultValue(T value) {
            Objects.requireNonNull(value, "value");
            return new ConfigOption<>(key, value.getClass(), "", value, false);
        }

        /**
         * Creates a string option without default value.
         *
         * @deprecated choose a type first, e.g. {@code key(k).stringType().noDefaultValue()}
         */
        @Deprecated
        public ConfigOption<String> noDefaultValue() {
            return new ConfigOption<>(key, String.class, "", null, false);
        }
    }

    /**
     * The second step: give the default value, or turn the option into a list option.
     *
     * @param <T> the type of the option's value
     */
    public static class TypedConfigOptionBuilder<T> {

        private final String key;
        private final Class<T> clazz;

        TypedConfigOptionBuilder(String key, Class<T> clazz) {
            this.key = key;
            this.clazz = clazz;
        }

        /**
         * Makes this a list option. In text a list is written as a YAML sequence ({@code [a, b]}) or
         * separated by semicolons ({@code a;b}).
         */
        public ListConfigOptionBuilder<T> asList() {
            return new ListConfigOptionBuilder<>(key, clazz);
        }

        /** Creates the option with the given non-null default value. */
        public ConfigOption<T> defaultValue(T value) {
            Objects.requireNonNull(value, "value (use noDefaultValue() for options without default)");
            return new ConfigOption<>(key, clazz, "", value, false);
        }

        /** Creates the option without default value: reading it when unset yields {@code null}. */
        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, clazz, "", null, false);
        }
    }

    /**
     * The last step of a list option: give the default elements or none.
     *
     * @param <E> the type of the list's elements
     */
    public static class ListConfigOptionBuilder<E> {

        private final String key;
        private final Class<E> clazz;

        ListConfigOptionBuilder(String key, Class<E> clazz) {
            this.key = key;
            this.clazz = clazz;
        }

        /** Creates the option with the given default elements (possibly none: an empty list). */
        @SafeVarargs
        public final ConfigOption<List<E>> defaultValues(E... values) {
            List<E> copy = new ArrayList<>(values.length);
            for (E value : values) {
                copy.add(Objects.requireNonNull(value, "default list elements must not be null"));
            }
            List<E> defaults = Collections.unmodifiableList(copy);
            return new ConfigOption<>(key, clazz, "", defaults, true);
        }

        /** Creates the option without default value: reading it when unset yields {@code null}. */
        public ConfigOption<List<E>> noDefaultValue() {
            return new ConfigOption<>(key, clazz, "", null, true);
        }
    }
}
