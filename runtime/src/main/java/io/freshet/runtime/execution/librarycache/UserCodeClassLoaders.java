package io.freshet.runtime.execution.librarycache;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.IllegalConfigurationException;

/**
 * The user-code class loaders of jobs: {@link ResolveOrder#CHILD_FIRST} looks for a class in the job's jars before
 * the Freshet class path (so a job may bring its own version of a library), {@link ResolveOrder#PARENT_FIRST} the
 * other way round. With child-first, classes whose names start with one of the <em>always parent-first patterns</em>
 * ({@code java.}, {@code io.freshet.}, logging, ...) still come from the parent, so that Freshet and the job share
 * one copy of the classes they exchange.
 */
public final class UserCodeClassLoaders {

    private UserCodeClassLoaders() {}

    /** {@code classloader.resolve-order}. */
    public enum ResolveOrder {
        CHILD_FIRST,
        PARENT_FIRST;

        /** Parses {@code child-first} / {@code parent-first} (case-insensitive). */
        public static ResolveOrder fromString(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "child-first":
                    return CHILD_FIRST;
                case "parent-first":
                    return PARENT_FIRST;
                default:
                    throw new IllegalConfigurationException("Invalid value '" + value + "' of option '"
                            + CoreOptions.CLASSLOADER_RESOLVE_ORDER.key()
                            + "': use 'child-first' or 'parent-first'.");
            }
        }

        @Override
        public String toString() {
            return this == CHILD_FIRST ? "child-first" : "parent-first";
        }
    }

    /** Creates the class loader of a job's jars in {@code resolveOrder} over {@code parent}. */
    public static URLClassLoader create(ResolveOrder resolveOrder, URL[] urls, ClassLoader parent,
            String[] alwaysParentFirstPatterns) {
        if (resolveOrder == ResolveOrder.CHILD_FIRST) {
            return new ChildFirstClassLoader(urls, parent, alwaysParentFirstPatterns);
        }
        return new ParentFirstClassLoader(urls, parent);
    }

    /** The parent-first patterns: {@code classloader.parent-first-patterns.default} and {@code .additional}. */
    public static String[] parentFirstPatterns(io.freshet.configuration.Configuration configuration) {
        Set<String> patterns = new LinkedHashSet<>();
        patterns.addAll(configuration.get(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS));
        patterns.addAll(configuration.get(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL));
        List<String> cleaned = new ArrayList<>();
        for (String pattern : patterns) {
            if (!pattern.isBlank()) {
                cleaned.add(pattern.trim());
            }
        }
        return cleaned.toArray(new String[0]);
    }

    /** The plain {@link URLClassLoader}: parent first, as the JDK does. */
    static final class ParentFirstClassLoader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        ParentFirstClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        public String toString() {
            return "parent-first user-code class loader " + List.of(getURLs());
        }
    }

    /** Looks in its own URLs first, except for classes and resources matching an always parent-first pattern. */
    static final class ChildFirstClassLoader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final String[] alwaysParentFirstPatterns;

        ChildFirstClassLoader(URL[] urls, ClassLoader parent, String[] alwaysParentFirstPatterns) {
            super(urls, parent);
            this.alwaysParentFirstPatterns = alwaysParentFirstPatterns.clone();
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    if (isParentFirst(name)) {
                        return super.loadClass(name, resolve);
                    }
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInJars) {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private boolean isParentFirst(String className) {
            for (String pattern : alwaysParentFirstPatterns) {
                if (className.startsWith(pattern)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
            ClassLoader parent = getParent();
            if (parent != null) {
                all.addAll(Collections.list(parent.getResources(name)));
            }
            return Collections.enumeration(all);
        }

        @Override
        public String toString() {
            return "child-first user-code class loader " + List.of(getURLs());
        }
    }
}
