package io.freshet.configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every option class on the classpath: each module lists its own in
 * {@value #OPTION_CLASSES_RESOURCE}. The reference documentation is generated from them, and processes check their
 * configuration against them before they start ({@link #validate}).
 */
public final class KnownOptions {

    /** The resource, one per module, naming that module's option classes (one fully qualified name per line). */
    public static final String OPTION_CLASSES_RESOURCE = "META-INF/freshet/config-option-classes";

    private KnownOptions() {}

    /**
     * The option classes listed on {@code classLoader}'s classpath, sorted by simple name.
     *
     * @throws IllegalStateException naming the class when a listed class is not on the classpath
     */
    public static List<Class<?>> optionClasses(ClassLoader classLoader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> resources = classLoader.getResources(OPTION_CLASSES_RESOURCE);
            while (resources.hasMoreElements()) {
                URL resource = resources.nextElement();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
                    reader.lines().map(line -> line.replaceAll("#.*", "").trim())
                            .filter(line -> !line.isEmpty())
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the option class lists " + OPTION_CLASSES_RESOURCE, e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, true, classLoader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The option class '" + name + "' listed in a "
                        + OPTION_CLASSES_RESOURCE + " resource is not on the classpath. Fix the class name in that"
                        + " file or remove the line.", e);
            }
        }
        classes.sort(Comparator.comparing(Class::getSimpleName));
        return classes;
    }

    /** The public static {@link ConfigOption} fields of {@code optionClass}, deprecated ones left out. */
    public static List<ConfigOption<?>> optionsOf(Class<?> optionClass) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : optionClass.getFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) || field.getType() != ConfigOption.class
                    || field.isAnnotationPresent(Deprecated.class)) {
                continue;
            }
            try {
                options.add((ConfigOption<?>) field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read option field " + field, e);
            }
        }
        return options;
    }

    /**
     * Reads every known option that is set, so that a value of the wrong type (a word where a number belongs, an
     * unknown memory unit) stops a process before it starts rather than when the option is first used.
     *
     * @throws IllegalConfigurationException listing every bad value, each with its key and, for values from a file,
     *     the file and line
     */
    public static void validate(Configuration configuration, ClassLoader classLoader) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Class<?> optionClass : optionClasses(classLoader)) {
            for (ConfigOption<?> option : optionsOf(optionClass)) {
                if (!seen.add(option.key())) {
                    continue;
                }
                try {
                    configuration.getOptional(option);
                } catch (IllegalConfigurationException | IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (problems.size() == 1) {
            throw new IllegalConfigurationException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new IllegalConfigurationException(problems.size() + " configuration values are invalid:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
