package io.freshet.api.java.utils;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.configuration.Configuration;

/**
 * A program's parameters ({@code --input in.txt --port 9000 --verbose}) by name, as Flink's ParameterTool reads
 * them; also usable as the job's global parameters ({@code env.getConfig().setGlobalJobParameters(params)}).
 *
 * <p>{@link #fromArgs} takes keys that start with {@code --} or {@code -}, each followed by its value; a key followed
 * by another key (or by nothing) has no value: {@link #has} is true for it, {@link #get} returns
 * {@value #NO_VALUE_KEY}. A value may be a negative number ({@code --offset -5}). Immutable.
 */
public class ParameterTool extends ExecutionConfig.GlobalJobParameters {

    private static final long serialVersionUID = 1L;

    /** The value of a key given without one. */
    public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

    /** The default value that {@link #get(String, String)} callers write when a key has no value. */
    public static final String DEFAULT_UNDEFINED = "<undefined>";

    private final Map<String, String> data;

    private ParameterTool(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    // ---- creating ----

    /** The parameters of a command line: {@code --key value}, {@code -key value}, or a lone {@code --flag}. */
    public static ParameterTool fromArgs(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String key = keyOf(args, i);
            i++;
            if (i < args.length && !isKey(args[i])) {
                map.put(key, args[i]);
                i++;
            } else {
                map.put(key, NO_VALUE_KEY);
            }
        }
        return new ParameterTool(map);
    }

    private static String keyOf(String[] args, int i) {
        String arg = args[i];
        String key = arg.startsWith("--") ? arg.substring(2) : arg.startsWith("-") ? arg.substring(1) : null;
        if (key == null) {
            throw new IllegalArgumentException("Error parsing the arguments " + String.join(" ", args) + " at '" + arg
                    + "' (argument " + (i + 1) + "): a parameter name must start with -- or -, as in --input"
                    + " <file>.");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Error parsing the arguments " + String.join(" ", args) + ": '" + arg
                    + "' (argument " + (i + 1) + ") has no parameter name after its dashes.");
        }
        return key;
    }

    /** A key starts with a dash, unless it is a negative number, which is a value. */
    private static boolean isKey(String arg) {
        if (!arg.startsWith("-")) {
            return false;
        }
        try {
            Double.parseDouble(arg);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public static ParameterTool fromMap(Map<String, String> map) {
        Objects.requireNonNull(map, "map");
        return new ParameterTool(map);
    }

    public static ParameterTool fromSystemProperties() {
        Map<String, String> map = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> map.put(name, System.getProperty(name)));
        return new ParameterTool(map);
    }

    // ---- reading ----

    public int getNumberOfParameters() {
        return data.size();
    }

    public boolean has(String key) {
        return data.containsKey(key);
    }

    /** The value of {@code key}, or null if it was not given. */
    public String get(String key) {
        return data.get(key);
    }

    public String get(String key, String defaultValue) {
        String value = data.get(key);
        return value == null ? defaultValue : value;
    }

    /** The value of {@code key}; a missing key fails, naming it. */
    public String getRequired(String key) {
        String value = data.get(key);
        if (value == null) {
            throw new RuntimeException("No data for required key '" + key + "': give it as --" + key + " <value>.");
        }
        return value;
    }

    public int getInt(String key) {
        return parse(key, getRequired(key), "an int", Integer::parseInt);
    }

    public int getInt(String key, int defaultValue) {
        String value = data.get(key);
        return value == null ? defaultValue : parse(key, value, "an int", Integer::parseInt);
    }

    public long getLong(String key) {
        return parse(key, getRequired(key), "a long", Long::parseLong);
    }

    public long getLong(String key, long defaultValue) {
        String value = data.get(key);
        return value == null ? defaultValue : parse(key, value, "a long", Long::parseLong);
    }

    public double getDouble(String key) {
        return parse(key, getRequired(key), "a double", Double::parseDouble);
    }

    public double getDouble(String key, double defaultValue) {
        String value = data.get(key);
        return value == null ? defaultValue : parse(key, value, "a double", Double::parseDouble);
    }

    /** {@code true} or {@code false}; a key given without a value counts as {@code true}. */
    public boolean getBoolean(String key) {
        return parseBoolean(key, getRequired(key));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = data.get(key);
        return value == null ? defaultValue : parseBoolean(key, value);
    }

    private static boolean parseBoolean(String key, String value) {
        return value.equals(NO_VALUE_KEY) || parse(key, value, "a boolean (true or false)", text -> {
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new NumberFormatException(text);
        });
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String key, String value, String what, Parser<T> parser) {
        try {
            return parser.parse(value);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("The value '" + value + "' of --" + key + " is not " + what + ".");
        }
    }

    // ---- combining and exporting ----

    /** These parameters and {@code other}'s; where both have a key, {@code other}'s value wins. */
    public ParameterTool mergeWith(ParameterTool other) {
        Map<String, String> merged = new LinkedHashMap<>(data);
        merged.putAll(other.data);
        return new ParameterTool(merged);
    }

    /** The parameters as a Configuration of string values. */
    public Configuration getConfiguration() {
        Configuration configuration = new Configuration();
        data.forEach(configuration::setString);
        return configuration;
    }

    public Properties getProperties() {
        Properties properties = new Properties();
        properties.putAll(data);
        return properties;
    }

    @Override
    public Map<String, String> toMap() {
        return new HashMap<>(data);
    }

    @Override
    public String toString() {
        return "ParameterTool" + data;
    }
}
