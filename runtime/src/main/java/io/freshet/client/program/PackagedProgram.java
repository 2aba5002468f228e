package io.freshet.client.program;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.runtime.execution.librarycache.UserCodeClassLoaders;

/**
 * A user program in a jar: its entry class ({@code -c}, else the manifest's {@code program-class}, else its
 * {@code Main-Class}), its arguments, and a class loader over the jar ({@code classloader.resolve-order}, child
 * first by default) whose parent holds Freshet's classes.
 */
public final class PackagedProgram implements AutoCloseable {

    /** The manifest attribute naming the entry class, before Main-Class, as in Flink. */
    public static final String MANIFEST_ATTRIBUTE_ASSEMBLER_CLASS = "program-class";

    private final File jarFile;
    private final String mainClassName;
    private final String[] arguments;
    private final URLClassLoader userCodeClassLoader;
    private final Class<?> mainClass;

    private PackagedProgram(File jarFile, String entryPointClassName, String[] arguments, Configuration configuration)
            throws ProgramInvocationException {
        this.jarFile = checkJarFile(jarFile);
        this.mainClassName = entryPointClassName != null ? entryPointClassName : entryClassFromManifest(jarFile);
        this.arguments = arguments.clone();
        this.userCodeClassLoader = UserCodeClassLoaders.create(
                UserCodeClassLoaders.ResolveOrder.fromString(configuration.get(CoreOptions.CLASSLOADER_RESOLVE_ORDER)),
                new URL[] {getJarUrl()}, PackagedProgram.class.getClassLoader(),
                UserCodeClassLoaders.parentFirstPatterns(configuration));
        this.mainClass = loadMainClass();
    }

    /**
     * @param entryPointClassName the class with {@code main}, or null to take it from the manifest
     * @throws ProgramInvocationException naming the jar or class when the jar is missing, unreadable or not a
     *     jar, names no entry class, or the class is missing or has no {@code public static void main(String[])}
     */
    public static PackagedProgram create(File jarFile, String entryPointClassName, String[] arguments,
            Configuration configuration) throws ProgramInvocationException {
        return new PackagedProgram(jarFile, entryPointClassName, arguments, configuration);
    }

    private static File checkJarFile(File jarFile) throws ProgramInvocationException {
        if (!jarFile.exists()) {
            throw new ProgramInvocationException("JAR file does not exist: " + jarFile.getAbsolutePath());
        }
        if (!jarFile.isFile() || !jarFile.canRead()) {
            throw new ProgramInvocationException("JAR file is not a readable file: " + jarFile.getAbsolutePath());
        }
        try (JarFile ignored = new JarFile(jarFile)) {
            return jarFile.getAbsoluteFile();
        } catch (IOException e) {
            throw new ProgramInvocationException("Error while opening jar file '" + jarFile.getAbsolutePath()
                    + "': it is not a valid jar (" + e.getMessage() + ").", e);
        }
    }

    private static String entryClassFromManifest(File jarFile) throws ProgramInvocationException {
        try (JarFile jar = new JarFile(jarFile)) {
            Manifest manifest = jar.getManifest();
            if (manifest != null) {
                Attributes attributes = manifest.getMainAttributes();
                String programClass = attributes.getValue(MANIFEST_ATTRIBUTE_ASSEMBLER_CLASS);
                if (programClass != null && !programClass.isBlank()) {
                    return programClass.trim();
                }
                String mainClass = attributes.getValue(Attributes.Name.MAIN_CLASS);
                if (mainClass != null && !mainClass.isBlank()) {
                    return mainClass.trim();
                }
            }
        } catch (IOException e) {
            throw new ProgramInvocationException("Could not read the manifest of " + jarFile + ": " + e.getMessage(),
                    e);
        }
        throw new ProgramInvocationException("Neither a 'Main-Class', nor a '" + MANIFEST_ATTRIBUTE_ASSEMBLER_CLASS
                + "' entry was found in the jar file " + jarFile + ". Name the entry class with -c <class>.");
    }

    private Class<?> loadMainClass() throws ProgramInvocationException {
        Class<?> loaded;
        try {
            loaded = Class.forName(mainClassName, false, userCodeClassLoader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ProgramInvocationException("The program's entry point class '" + mainClassName
                    + "' was not found in the jar file " + jarFile + ".", e);
        }
        try {
            Method main = loaded.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new ProgramInvocationException("The class " + mainClassName + " has a main method that is not"
                        + " static.");
            }
        } catch (NoSuchMethodException e) {
            throw new ProgramInvocationException("The class " + mainClassName + " has no main(String[]) method.", e);
        }
        return loaded;
    }

    /** Runs {@code main(arguments)} with the user class loader as the thread's context class loader. */
    void invokeInteractiveModeForExecution() throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(userCodeClassLoader);
        try {
            mainClass.getMethod("main", String[].class).invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getTargetException();
            if (cause instanceof ProgramAbortException) {
                throw (ProgramAbortException) cause;
            }
            throw new ProgramInvocationException("The main method caused an error: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new ProgramInvocationException("Could not invoke the main method of " + mainClassName + ": "
                    + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public URL getJarUrl() {
        try {
            return jarFile.toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jars the job needs on the cluster: the program's jar. */
    public List<URL> getJobJarAndDependencies() {
        return List.of(getJarUrl());
    }

    public String getMainClassName() {
        return mainClassName;
    }

    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public void close() throws IOException {
        userCodeClassLoader.close();
    }
}
