package io.freshet.configuration;

import io.freshet.util.TimeUtils;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Converts stored configuration values to the type an option asks for, and renders them as text.
 *
 * <p>Stored values are either typed objects (set in code, or scalars of a {@code config.yaml}: Integer,
 * Boolean, Double, String, List, Map) or text (legacy files, dynamic properties, string setters). Text is
 * parsed on every read; a value that does not fit the requested type is reported by an {@link
 * IllegalArgumentException} whose message says what was expected, without key or origin (the caller adds
 * those).
 *
 * <p>Text forms: lists as a YAML flow sequence {@code [a, b]} or separated by semicolons {@code a;b};
 * maps as a YAML flow mapping {@code {k1: v1}} or as {@code k1:v1,k2:v2}; durations as in {@link
 * TimeUtils#parseDuration}; memory sizes as in {@link MemorySize#parse(String)}; a bare number counts
 * milliseconds (durations) or bytes (memory sizes).
 */
final class ValueConversions {

    private ValueConversions() {}

    // ---- reading ----

    /** Converts a stored value to {@code clazz}, or to a list of {@code clazz} if {@code isList}. */
    static Object convert(Object raw, Class<?> clazz, boolean isList) {
        if (isList) {
            return convertToList(raw, clazz);
        }
        return convertScalar(raw, clazz);
    }

    private static List<Object> convertToList(Object raw, Class<?> elementClass) {
        List<?> elements;
        if (raw instanceof List) {
            elements = (List<?>) raw;
        } else if (raw instanceof String) {
            elements = splitList((String) raw);
        } else {
            elements = List.of(raw);
        }
        List<Object> converted = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            if (element == null) {
                throw new IllegalArgumentException("element " + (i + 1) + " of the list is empty");
            }
            try {
                converted.add(convertScalar(element, elementClass));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("element " + (i + 1) + " of the list: " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(converted);
    }

    private static List<?> splitList(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return List.of();
        }
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            Object parsed = parseYaml(trimmed);
            if (parsed instanceof List) {
                return (List<?>) parsed;
            }
        }
        List<String> parts = new ArrayList<>();
        for (String part : trimmed.split(";")) {
            String element = part.trim();
            if (!element.isEmpty()) {
                parts.add(element);
            }
        }
        return parts;
    }

    private static Object convertScalar(Object raw, Class<?> clazz) {
        if (clazz == String.class) {
            return toText(raw);
        }
        if (raw instanceof List || (raw instanceof Map && clazz != Map.class)) {
            throw new IllegalArgumentException(
                    "found a " + (raw instanceof List ? "list" : "map") + " where a single value belongs");
        }
        if (clazz == Integer.class) {
            return toInteger(raw);
        }
        if (clazz == Long.class) {
            return toLong(raw);
        }
        if (clazz == Boolean.class) {
            return toBoolean(raw);
        }
        if (clazz == Double.class) {
            return toDouble(raw);
        }
        if (clazz == Float.class) {
            return toFloat(raw);
        }
        if (clazz == Duration.class) {
            return toDuration(raw);
        }
        if (clazz == MemorySize.class) {
            return toMemorySize(raw);
        }
        if (clazz == Map.class) {
            return toMap(raw);
        }
        if (clazz.isEnum()) {
            return toEnum(raw, clazz);
        }
        if (clazz.isInstance(raw)) {
            return raw;
        }
        throw new IllegalArgumentException("values of type " + clazz.getName() + " are not supported");
    }

    private static Integer toInteger(Object raw) {
        if (raw instanceof Integer) {
            return (Integer) raw;
        }
        long value = toLong(raw);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the number " + value + " is outside the range of an Integer ["
                    + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]");
        }
        return (int) value;
    }

    private static Long toLong(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger) {
            try {
                return ((BigInteger) raw).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the number " + raw + " is outside the range of a Long");
            }
        }
        if (raw instanceof String) {
            String text = ((String) raw).trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("not a whole number");
    }

    private static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean) {
            return (Boolean) raw;
        }
        if (raw instanceof String) {
            String text = ((String) raw).trim();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        throw new IllegalArgumentException("neither 'true' nor 'false'");
    }

    private static Double toDouble(Object raw) {
        if (raw instanceof Number) {
            return ((Number) raw).doubleValue();
        }
        if (raw instanceof String) {
            try {
                return Double.parseDouble(((String) raw).trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("not a number");
    }

    private static Float toFloat(Object raw) {
        double value = toDouble(raw);
        if (!Double.isInfinite(value) && !Double.isNaN(value) && Math.abs(value) > Float.MAX_VALUE) {
            throw new IllegalArgumentException("the number " + value + " is outside the range of a Float");
        }
        return (float) value;
    }

    private static Duration toDuration(Object raw) {
        if (raw instanceof Duration) {
            return (Duration) raw;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return Duration.ofMillis(((Number) raw).longValue());
        }
        if (raw instanceof String) {
            return TimeUtils.parseDuration((String) raw);
        }
        throw new IllegalArgumentException("not a duration");
    }

    private static MemorySize toMemorySize(Object raw) {
        if (raw instanceof MemorySize) {
            return (MemorySize) raw;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return new MemorySize(((Number) raw).longValue());
        }
        if (raw instanceof String) {
            return MemorySize.parse((String) raw);
        }
        throw new IllegalArgumentException("not a memory size");
    }

    private static Map<String, String> toMap(Object raw) {
        Map<?, ?> entries;
        if (raw instanceof Map) {
            entries = (Map<?, ?>) raw;
        } else if (raw instanceof String) {
            entries = parseMap((String) raw);
        } else {
            throw new IllegalArgumentException("not a map (write it as 'k1:v1,k2:v2' or {k1: v1, k2: v2})");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            result.put(toText(entry.getKey()), entry.getValue() == null ? "" : toText(entry.getValue()));
        }
        return Collections.unmodifiableMap(result);
    }

    private static Map<?, ?> parseMap(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            Object parsed = parseYaml(trimmed);
            if (parsed instanceof Map) {
                return (Map<?, ?>) parsed;
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String entry : trimmed.split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "the map entry '" + entry.trim() + "' is not of the form key:value");
            }
            result.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toEnum(Object raw, Class<?> enumClass) {
        if (enumClass.isInstance(raw)) {
            return raw;
        }
        String text = toText(raw).trim();
        Object[] constants = enumClass.getEnumConstants();
        for (Object constant : constants) {
            if (((Enum) constant).name().equals(text)) {
                return constant;
            }
        }
        for (Object constant : constants) {
            if (((Enum) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of the allowed names");
    }

    private static Object parseYaml(String text) {
        try {
            return new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException("the value is not valid YAML: " + e.getMessage(), e);
        }
    }

    // ---- writing ----

    /**
     * Renders a value as text that {@link #convert} parses back to an equal value: durations and memory sizes
     * in their largest exact unit, enums by name, lists and maps in YAML flow style.
     */
    static String toText(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Duration) {
            return TimeUtils.formatWithHighestUnit((Duration) value);
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof List) {
            List<String> elements = ((List<?>) value).stream().map(ValueConversions::toText)
                    .collect(Collectors.toList());
            return dumpFlow(elements);
        }
        if (value instanceof Map) {
            Map<String, String> entries = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> entries.put(toText(k), v == null ? "" : toText(v)));
            return dumpFlow(entries);
        }
        return String.valueOf(value);
    }

    private static String dumpFlow(Object listOrMap) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).setWidth(Integer.MAX_VALUE)
                .build();
        return new Dump(settings).dumpToString(listOrMap).trim();
    }

    /** Names the expected type for error messages, e.g. {@code "Integer"} or {@code "List<Duration>"}. */
    static String describeType(Class<?> clazz, boolean isList) {
        String name;
        if (clazz == Map.class) {
            name = "Map<String, String>";
        } else if (clazz == Duration.class) {
            name = "Duration (e.g. '30 s', '5 min', '100 ms')";
        } else if (clazz == MemorySize.class) {
            name = "MemorySize (e.g. '512 mb', '1 gb')";
        } else if (clazz.isEnum()) {
            name = clazz.getSimpleName() + " (one of " + Arrays.toString(clazz.getEnumConstants()) + ")";
        } else {
            name = clazz.getSimpleName();
        }
        return isList ? "List<" + name + ">" : name;
    }
}
